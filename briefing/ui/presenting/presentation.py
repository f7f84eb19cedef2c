"""Presenter tools on the main window: the agenda (menu, dock, file), presentation mode (a clicker
steps through stops, with a discreet stop number), the presenter view, Compare with…, and recovery."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QMessageBox

from briefing.store import BriefingError, open_briefing
from briefing.ui.common.messages import tell
from briefing.ui.presenting.agenda import AgendaError, AgendaModel, Stop, default_agenda_path, load_agenda, save_agenda
from briefing.ui.presenting.agenda_panel import AgendaPanel
from briefing.drawing.i18n import local_name
from briefing.ui.presenting.recovery import Recovery
from briefing.ui.presenting.view_state import ViewWatcher, capture, restore

if TYPE_CHECKING:  # loaded when first used: start-up does not wait for the presenter view or Compare with…
    from briefing.ui.shell.diff_dialog import DiffDialog
    from briefing.ui.presenting.presenter import PresenterWindow

AGENDA_FILTER = "*.agenda.json *.json"


class StopOverlay(QLabel):
    """"3 / 8" in the corner of the projected view, small enough not to compete with the content."""

    def __init__(self, host) -> None:
        super().__init__(host)
        self.setObjectName("stopOverlay")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("#stopOverlay { color: rgba(40,48,56,170); background: rgba(255,255,255,150);"
                           " border-radius: 4px; padding: 2px 8px; }")
        host.installEventFilter(self)
        self.hide()

    def show_number(self, number: int, total: int) -> None:
        self.setText(f"{number} / {total}")
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        host = self.parentWidget()
        self.move(host.width() - self.width() - 32, host.height() - self.height() - 8)  # clear of scroll bars

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False


class PresenterTools(QObject):
    stop_changed = Signal(int)
    presenting_changed = Signal(bool)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.presenting = False
        self.presenter: PresenterWindow | None = None
        self.last_message = ""  # the last warning shown (tests read it)
        self.last_dialog: DiffDialog | None = None
        self._two_screens = False
        self._sha: tuple[str, str] = ("", "")  # (path, digest) of the open briefing, read once
        self.model = AgendaModel(self)
        self.model.set_briefing(window.briefing)
        self.watcher = ViewWatcher(window)
        self.panel = AgendaPanel(self, self.model, window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.hide()
        self.overlay = StopOverlay(window.tabs)
        self._build_actions()
        self.space = QShortcut(QKeySequence(Qt.Key.Key_Space), window, lambda: self.step(1))
        self.space.setEnabled(False)
        self.watcher.changed.connect(self.refresh)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.rowsMoved,
                       self.model.modelReset, self.model.dataChanged):
            signal.connect(self.refresh)
        window.briefing_opened.connect(self._on_briefing_opened)
        window.installEventFilter(self)
        QGuiApplication.instance().screenAdded.connect(self._on_screens_changed)
        QGuiApplication.instance().screenRemoved.connect(self._on_screens_changed)
        self.recovery = Recovery(self)

    def _build_actions(self) -> None:
        window = self.window
        self.add_stop_action = QAction(window, shortcut=QKeySequence("Ctrl+D"), triggered=self.add_current_view)
        self.open_action = QAction(window, triggered=self.choose_agenda)
        self.save_action = QAction(window, triggered=self.save_agenda)
        self.save_as_action = QAction(window, triggered=self.save_agenda_as)
        self.presentation_action = QAction(window, shortcut=QKeySequence("F5"), checkable=True,
                                           triggered=self.set_presenting)
        self.presenter_action = QAction(window, shortcut=QKeySequence("Alt+F5"), checkable=True,
                                        triggered=self.set_presenter_view)
        for action in (self.presentation_action, self.presenter_action):
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # from the presenter view too
        self.compare_action = QAction(window, triggered=self.choose_comparison)
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
        self.presentation_action.setText(self.tr("演示模式(翻页键逐站切换)"))
        self.presenter_action.setText(self.tr("演讲者视图"))
        self.compare_action.setText(self.tr("对比另一份简报…"))
        self.panel.retranslate()
        if self.presenter is not None:
            self.presenter.retranslate()

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
        self.refresh()
        self.stop_changed.emit(row)
        return True

    def step(self, delta: int) -> None:
        """The clicker: the next or previous stop (a briefing without an agenda steps through ports)."""
        count = self.model.rowCount()
        if not count:
            self.window.ports_tab.step(delta)
            return
        row = self.model.current
        target = 0 if row < 0 else min(max(row + delta, 0), count - 1)
        if target != row:
            self.go_to(target)

    def set_presenting(self, on: bool) -> None:
        self.presenting = bool(on)
        self.presentation_action.setChecked(self.presenting)
        self.space.setEnabled(self.presenting)
        if self.presenting and self.model.current < 0 and self.model.rowCount():
            self.go_to(0)
        if self.presenting and self.presenter is not None:
            self.presenter.restart_clock()
        self.refresh()
        self.presenting_changed.emit(self.presenting)

    def refresh(self, *_args) -> None:
        """Bring the stop number and the presenter view up to date with the agenda and the view."""
        row, total = self.model.current, self.model.rowCount()
        if self.presenting and 0 <= row < total:
            self.overlay.show_number(row + 1, total)
        else:
            self.overlay.hide()
        if self.presenter is not None and self.presenter.isVisible():
            self.presenter.show_view(self.window.briefing, self.model, capture(self.window), self.window.banner.text())

    # -- presenter view -----------------------------------------------------------------------

    def set_presenter_view(self, on: bool) -> None:
        self.presenter_action.setChecked(bool(on))
        if on:
            from briefing.ui.presenting.presenter import PresenterWindow, place

            if self.presenter is None:
                self.presenter = PresenterWindow()
                self.presenter.step_requested.connect(self.step)
                self.presenter.closed.connect(lambda: self.set_presenter_view(False))
            self._two_screens = place(self.presenter, self.window)
            self.refresh()
        elif self.presenter is not None:
            self.presenter.hide()
            if self._two_screens and self.window.isFullScreen():
                self.window.showNormal()
            self._two_screens = False

    def _on_screens_changed(self, *_args) -> None:
        if self.presenter is not None and self.presenter.isVisible():  # a projector plugged in or out
            QTimer.singleShot(0, self, lambda: self.set_presenter_view(True))

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
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("打开议程"), str(start.parent),
                                              self.tr("议程") + f" ({AGENDA_FILTER})")
        if name:
            self.open_agenda(Path(name))

    def open_agenda(self, path: Path, quiet: bool = False) -> bool:
        """Open an agenda on its first stop; a bad file is a message and the current agenda stays."""
        try:
            agenda = load_agenda(path)
        except AgendaError as exc:
            self._warn(self.tr("无法打开议程"), self.tr("文件:") + f"{exc.path}\n" + self.tr("问题:") + exc.problem,
                       later=quiet)
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
        name, _ = QFileDialog.getSaveFileName(self.window, self.tr("保存议程"), str(start),
                                              self.tr("议程") + f" ({AGENDA_FILTER})")
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
            self.window, self.tr("选择要对比的简报(较新的一份)"), str(self.window.briefing.path.parent),
            self.tr("简报数据库 (*.sqlite *.db);;所有文件 (*)"))
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
            if self.presenter is not None:
                self.presenter.close()
        return False
