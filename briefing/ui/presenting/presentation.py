"""Presenter tools on the main window: the agenda (menu, dock, file), presenting (F5: the stage and
the presenter view, see stage_control), Compare with…, and recovery. The main window stays the
analyst's view: while presenting it follows the agenda's stop, but the room sees only the stage."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMenu

from briefing.drawing.i18n import local_name
from briefing.store import BriefingError, open_briefing
from briefing.ui.common.actions import action
from briefing.ui.common.messages import tell
from briefing.ui.presenting.agenda import AgendaError, AgendaModel, Stop, default_agenda_path, load_agenda, save_agenda
from briefing.ui.presenting.agenda_panel import AgendaPanel
from briefing.ui.presenting.recovery import Recovery
from briefing.ui.presenting.view_state import ViewWatcher, capture, restore

if TYPE_CHECKING:  # loaded when first used: start-up does not wait for the stage or Compare with…
    from briefing.ui.presenting.presenter import PresenterWindow
    from briefing.ui.presenting.stage_control import StageControl
    from briefing.ui.shell.diff_dialog import DiffDialog

AGENDA_FILTER = "*.agenda.json *.json"


class PresenterTools(QObject):
    stop_changed = Signal(int)
    presenting_changed = Signal(bool)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.presenting = False
        self.stage_control: StageControl | None = None  # made at the first F5
        self.last_message = ""  # the last warning shown (tests read it)
        self.last_dialog: DiffDialog | None = None
        self._sha: tuple[str, str] = ("", "")  # (path, digest) of the open briefing, read once
        self.model = AgendaModel(self)
        self.model.set_briefing(window.briefing)
        self.watcher = ViewWatcher(window)
        self.panel = AgendaPanel(self, self.model, window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.hide()
        self._build_actions()
        self.watcher.changed.connect(self.refresh)
        for signal in (
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.rowsMoved,
            self.model.modelReset,
            self.model.dataChanged,
        ):
            signal.connect(self.refresh)
        window.briefing_opened.connect(self._on_briefing_opened)
        window.installEventFilter(self)
        self.recovery = Recovery(self)

    def _build_actions(self) -> None:
        window = self.window
        self.add_stop_action = action(window, self.add_current_view, "Ctrl+D")
        self.open_action = action(window, self.choose_agenda)
        self.save_action = action(window, self.save_agenda)
        self.save_as_action = action(window, self.save_agenda_as)
        self.presentation_action = action(window, self._present_pressed, "F5", checkable=True)
        self.presenter_action = action(window, self.set_presenter_view, "Alt+F5", checkable=True)
        for shown in (self.presentation_action, self.presenter_action):
            shown.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # from the presenter view too
        self.compare_action = action(window, self.choose_comparison)
        self.panel_action = self.panel.toggleViewAction()
        self.agenda_menu = QMenu(window)
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.agenda_menu)
        self.agenda_menu.addActions([self.add_stop_action, self.panel_action])
        self.agenda_menu.addSeparator()
        self.agenda_menu.addActions([self.open_action, self.save_action, self.save_as_action])
        self.agenda_menu.addSeparator()
        self.agenda_menu.addActions([self.presentation_action, self.presenter_action])
        window.view_menu.addSeparator()
        window.view_menu.addAction(self.presenter_action)
        window.file_menu.insertAction(window.quit_action, self.compare_action)

    def retranslate(self) -> None:
        self.agenda_menu.setTitle(self.tr("议程(&A)"))
        self.add_stop_action.setText(self.tr("添加当前视图为一站"))
        self.panel_action.setText(self.tr("议程面板"))
        self.open_action.setText(self.tr("打开议程…"))
        self.save_action.setText(self.tr("保存议程"))
        self.save_as_action.setText(self.tr("议程另存为…"))
        self.presentation_action.setText(self.tr("放映(全屏幻灯片)"))
        self.presenter_action.setText(self.tr("演讲者视图"))
        self.compare_action.setText(self.tr("对比另一份简报…"))
        self.panel.retranslate()
        if self.stage_control is not None:  # the slides in the new language, on the same stop
            from briefing.drawing import i18n

            self.stage_control.set_language(i18n.current_language())

    # -- start-up -----------------------------------------------------------------------------

    def start(self, agenda_path: Path | None = None, recover: bool = True) -> str:
        """At launch: open an agenda on its first stop, or else reopen where the last session was.
        Returns the problem with the agenda file ("" when none)."""
        if agenda_path is not None:
            return "" if self.open_agenda(Path(agenda_path), quiet=True) else self.last_message
        if recover:
            self.recovery.restore()
        return ""

    # -- stops --------------------------------------------------------------------------------

    def add_current_view(self) -> int:
        state = capture(self.window)
        subject = self.window.briefing.subject(state.subject_id)
        tab = self.window.tabs.tabText(self.window.tabs.currentIndex())
        name = " · ".join(p for p in (local_name(subject) if subject else "", tab) if p)
        selected = self.panel.selected_row()
        row = self.model.insert_stop(selected + 1 if selected >= 0 else self.model.rowCount(), Stop(name, state))
        self.model.set_current(row)
        self.panel.show()
        self.panel.select_row(row)
        self.refresh()
        return row

    def update_stop(self, row: int) -> None:
        stop = self.model.stop(row)
        if stop is not None:
            self.model.replace_stop(row, Stop(stop.name, capture(self.window), stop.notes))

    def go_to(self, row: int) -> bool:
        stop = self.model.stop(row)
        if stop is None:
            return False
        self.model.set_current(row)
        self.panel.select_row(row)
        restore(self.window, stop.view)
        control = self.stage_control
        if control is not None and control.deck is not None and control.from_agenda and control.deck.index != row:
            control.deck.go(row)  # a stop chosen in the agenda panel goes up on the stage too
        self.refresh()
        self.stop_changed.emit(row)
        return True

    @property
    def deck(self):
        """The slides on the stage while presenting, else None."""
        return self.stage_control.deck if self.stage_control is not None else None

    @property
    def presenter(self) -> PresenterWindow | None:
        return self.stage_control.presenter if self.stage_control is not None else None

    @property
    def stage(self):
        return self.stage_control.stage if self.stage_control is not None else None

    def step(self, delta: int) -> None:
        """The clicker: the next or previous slide while presenting, else the next or previous stop
        (a briefing without an agenda steps through ports)."""
        if self.deck is not None:
            self.deck.step(delta)
            return
        count = self.model.rowCount()
        if not count:
            self.window.ports_tab.step(delta)
            return
        row = self.model.current
        target = 0 if row < 0 else min(max(row + delta, 0), count - 1)
        if target != row:
            self.go_to(target)

    def _control(self) -> StageControl:
        if self.stage_control is None:
            from briefing.ui.presenting.stage_control import StageControl

            self.stage_control = StageControl(self)
            self.stage_control.left.connect(lambda: self.set_presenting(False))
            self.stage_control.presenter_shown.connect(self.presenter_action.setChecked)
        return self.stage_control

    def _present_pressed(self, _checked: bool = True) -> None:
        """F5 (or the menu) starts the show; pressed again it brings the stage back to the front but
        never ends the show: a clicker's start/stop button sends F5 and Esc in turn."""
        if self.presenting and self.stage_control is not None:
            self.presentation_action.setChecked(True)
            self.stage_control.place()
            return
        self.set_presenting(True)

    def set_presenting(self, on: bool) -> None:
        """F5: the stage (on the projector when there are two screens) from the current stop of the
        agenda, or from the start of the default agenda; again, or Esc on the stage, to leave."""
        on = bool(on)
        self.presentation_action.setChecked(on)
        if on == self.presenting:
            return
        self.presenting = on
        if on:
            if self.model.current < 0 and self.model.rowCount():
                self.go_to(0)
            control = self._control()
            control.start(max(self.model.current, 0) if self.model.rowCount() else 0)
            if control.presenter is not None:
                control.presenter.restart_clock()
        elif self.stage_control is not None:
            self.stage_control.stop()
        self.presenter_action.setChecked(self.presenter is not None and self.presenter.isVisible())
        self.refresh()
        self.presenting_changed.emit(self.presenting)

    def refresh(self, *_args) -> None:
        """Keep the stage's slides up to date with the agenda while presenting."""
        if self.stage_control is not None and self.presenting:
            self.stage_control.rebuild()

    # -- presenter view -----------------------------------------------------------------------

    def set_presenter_view(self, on: bool) -> None:
        """Alt+F5: the presenter view. It comes with the stage (starting it if need be); with one
        screen it takes the stage's place until asked again, so it never covers the slides."""
        if on and not self.presenting:
            self.set_presenting(True)
        control = self.stage_control
        if control is not None and self.presenting and bool(on) != control.presenter_visible():
            control.toggle_presenter()
        self.presenter_action.setChecked(self.presenter is not None and self.presenter.isVisible())

    # -- the agenda file ----------------------------------------------------------------------

    def briefing_sha256(self) -> str:
        path = str(self.window.briefing.path)
        if self._sha[0] != path:
            self._sha = (path, self.window.briefing.sha256())
        return self._sha[1]

    def agenda_note(self) -> str:
        sha = self.model.briefing_sha256
        if sha and sha != self.briefing_sha256():
            return self.tr("注意:此议程是为另一份(或另一版本的)简报制作的,请逐站检查。")
        return ""

    def choose_agenda(self) -> None:
        start = self.model.path or default_agenda_path(self.window.briefing.path)
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("打开议程"), str(start.parent), self.tr("议程") + f" ({AGENDA_FILTER})"
        )
        if name:
            self.open_agenda(Path(name))

    def open_agenda(self, path: Path, quiet: bool = False) -> bool:
        """Open an agenda on its first stop; a bad file is a message and the current agenda stays."""
        try:
            agenda = load_agenda(path)
        except AgendaError as exc:
            self._warn(
                self.tr("无法打开议程"),
                self.tr("文件:") + f"{exc.path}\n" + self.tr("问题:") + exc.problem,
                later=quiet,
            )
            return False
        self.model.set_agenda(agenda, Path(path))
        self.panel.show()
        if self.model.rowCount():
            self.go_to(0)
        self.refresh()
        return True

    def save_agenda(self) -> bool:
        return self.write_agenda(self.model.path) if self.model.path else self.save_agenda_as()

    def save_agenda_as(self) -> bool:
        start = self.model.path or default_agenda_path(self.window.briefing.path)
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("保存议程"), str(start), self.tr("议程") + f" ({AGENDA_FILTER})"
        )
        return self.write_agenda(Path(name)) if name else False

    def write_agenda(self, path: Path) -> bool:
        self.model.briefing_sha256 = self.briefing_sha256()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)  # the user's data folder may not exist yet
            save_agenda(self.model.agenda(), path)
        except (AgendaError, OSError) as exc:
            self._warn(self.tr("无法保存议程"), str(exc))
            return False
        self.model.path, self.model.modified = Path(path), False
        self.panel.retranslate()
        self.recovery.schedule()
        return True

    # -- compare ------------------------------------------------------------------------------

    def choose_comparison(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("选择要对比的简报(较新的一份)"),
            str(self.window.briefing.path.parent),
            self.tr("简报数据库 (*.sqlite *.db);;所有文件 (*)"),
        )
        if name:
            self.compare_with(Path(name))

    def compare_with(self, path: Path) -> DiffDialog | None:
        """What changed from the open briefing (old) to `path` (new), in a dialog."""
        try:
            other = open_briefing(path)
        except BriefingError as exc:
            self._warn(self.tr("无法打开简报"), self.tr("文件:") + f"{exc.path}\n" + self.tr("问题:") + exc.problem)
            return None
        try:
            from briefing.store.diff import diff_briefings

            diff = diff_briefings(self.window.briefing, other)
        finally:
            other.close()
        from briefing.ui.shell.diff_dialog import DiffDialog

        self.last_dialog = DiffDialog(diff, self.window.briefing.path.name, Path(path).name, self.window)
        self.last_dialog.open()
        return self.last_dialog

    # -- housekeeping -------------------------------------------------------------------------

    def _warn(self, title: str, text: str, later: bool = False) -> None:
        self.last_message = text.replace("\n", " ")

        def show() -> None:
            tell(self.window, title, text)

        if later:
            QTimer.singleShot(0, self.window, show)  # once the window is up (start-up)
        else:
            show()

    def _on_briefing_opened(self, _path: str) -> None:
        self.model.set_briefing(self.window.briefing)
        self.refresh()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.recovery.flush()
            if self.stage_control is not None:
                self.stage_control.close()
        elif watched is self.window and event.type() == QEvent.Type.Show and self.presenting:
            # at start-up after a crash the show resumes before the main window appears: keep the
            # main window behind the stage
            control = self.stage_control
            if control is not None:
                QTimer.singleShot(0, control, control.place)
        return False
