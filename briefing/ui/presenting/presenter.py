"""The presenter's screen: the current and next stop, the presenter's notes, the passage behind the
figure on the projector, and a clock with the time elapsed. With two screens it takes the laptop
screen and sends the main window full screen to the projector; with one it is an ordinary window.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeySequence, QPalette, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget,
)

from briefing.drawing.i18n import local_name
from briefing.ui.sources.sources_tab import highlight_format
from briefing.ui.presenting.view_state import TABS, ViewState, figure_in

NOTES_SCALE = 1.6  # the presenter's notes, readable at arm's length
INK, MUTED, WARN, PAPER, PANEL = "#eef1f4", "#9aa6b2", "#ffb86b", "#1d2329", "#262e36"
STEP_KEYS = ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_Right, 1), (Qt.Key.Key_Space, 1), (Qt.Key.Key_Down, 1),
             (Qt.Key.Key_PageUp, -1), (Qt.Key.Key_Left, -1), (Qt.Key.Key_Up, -1))


def passage_on_screen(briefing, state: ViewState):
    """The passage behind what the projector shows, and the figure to mark in it: the passage open on
    the sources tab, the proposal's own passage, else the figure of the chart or subject shown."""
    if state.tab == "sources" and briefing.passage(state.passage_id):
        return briefing.passage(state.passage_id), figure_in(briefing, state.subject_id, state.passage_id)
    proposal = briefing.proposal(state.proposal_id) if state.tab == "proposals" and state.proposal_id else None
    if proposal is not None and briefing.passage(proposal.passage_id):
        return briefing.passage(proposal.passage_id), ""
    cited = [o for o in briefing.observations_for(state.subject_id) if o.passage_id] if state.subject_id else []
    charted = [o for o in cited if o.indicator_id == state.chart]
    figure = (charted[-1] if charted else cited[0]) if cited else None  # a chart's latest year
    if figure is not None:
        return briefing.passage(figure.passage_id), figure.as_written
    return None, ""


def _label(size: float = 1.0, bold: bool = False, colour: str = INK, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # stop names, notes and data are never markup
    label.setWordWrap(wrap)
    label.setProperty("fontScale", size)
    label.setProperty("bold", bold)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)
    return label


class PresenterWindow(QWidget):
    """What only the presenter sees. It never changes the view itself: it asks for a step."""

    step_requested = Signal(int)
    closed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presenterWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # closing the main window quits
        palette = self.palette()
        for role, colour in ((QPalette.ColorRole.Window, PAPER), (QPalette.ColorRole.Base, PANEL),
                             (QPalette.ColorRole.WindowText, INK), (QPalette.ColorRole.Text, INK),
                             (QPalette.ColorRole.Button, PANEL), (QPalette.ColorRole.ButtonText, INK)):
            palette.setColor(role, QColor(colour))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self._elapsed = QElapsedTimer()
        self._elapsed.start()
        self._build()
        for key, delta in STEP_KEYS:
            QShortcut(QKeySequence(key), self, lambda d=delta: self.step_requested.emit(d))
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._tick()
        self.resize(1280, 760)

    def _build(self) -> None:
        self.counter, self.clock, self.elapsed = _label(1.4, True, wrap=False), _label(2.4, True, wrap=False), \
            _label(1.4, False, MUTED, wrap=False)
        self.reset_button = QPushButton(self.tr("重新计时"))
        self.reset_button.clicked.connect(self.restart_clock)
        header = QHBoxLayout()
        header.addWidget(self.counter)
        header.addStretch(1)
        header.addWidget(self.clock)
        header.addStretch(1)
        header.addWidget(self.elapsed)
        header.addWidget(self.reset_button)

        self.current_heading, self.next_heading = _label(1.0, False, MUTED), _label(1.0, False, MUTED)
        self.current_name, self.next_name = _label(2.0, True), _label(1.5, True)
        self.current_problems, self.next_problems = _label(1.2, True, WARN), _label(1.0, True, WARN)
        self.on_screen = _label(1.0, False, MUTED)
        self.notes = _label(NOTES_SCALE)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.next_notes = _label(1.0, False, MUTED)
        self.next_notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.passage_heading = _label(1.0, False, MUTED)
        self.passage = QTextBrowser()
        self.passage.setObjectName("presenterPassage")
        self.passage.setOpenLinks(False)
        self.passage.setFrameShape(QFrame.Shape.NoFrame)

        current = self._panel(self.current_heading, self.current_name, self.current_problems, self.on_screen,
                              self.notes)
        upcoming = self._panel(self.next_heading, self.next_name, self.next_problems, self.next_notes)
        source = self._panel(self.passage_heading, self.passage)
        self.back_button, self.next_button = QPushButton(), QPushButton()
        self.back_button.clicked.connect(lambda: self.step_requested.emit(-1))
        self.next_button.clicked.connect(lambda: self.step_requested.emit(1))
        for button in (self.back_button, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space steps; it must not press a button
        self.reset_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.banner = _label(0.9, False, MUTED)  # the briefing's title, as-of date and source, as on screen
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.banner, 1)
        buttons.addWidget(self.next_button)

        grid = QGridLayout()
        grid.addWidget(current, 0, 0, 2, 1)
        grid.addWidget(upcoming, 0, 1)
        grid.addWidget(source, 1, 1)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 4)
        grid.setRowStretch(0, 2)
        grid.setRowStretch(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(header)
        layout.addLayout(grid, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self._apply_fonts()

    @staticmethod
    def _panel(*widgets) -> QFrame:
        frame = QFrame()
        frame.setAutoFillBackground(True)
        palette = frame.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(PANEL))
        frame.setPalette(palette)
        column = QVBoxLayout(frame)
        column.setContentsMargins(18, 14, 18, 14)
        for widget in widgets:  # the notes and the passage take the room that is left
            grows = isinstance(widget, QTextBrowser) or widget.property("fontScale") == NOTES_SCALE
            column.addWidget(widget, 1 if grows else 0)
        if not any(isinstance(w, QTextBrowser) for w in widgets):
            column.addStretch(1)
        return frame

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("演讲者视图"))
        self.current_heading.setText(self.tr("当前一站"))
        self.next_heading.setText(self.tr("下一站"))
        self.back_button.setText(self.tr("◀ 上一站"))
        self.next_button.setText(self.tr("下一站 ▶"))
        self.reset_button.setText(self.tr("重新计时"))

    def _apply_fonts(self) -> None:
        base = self.font()
        for label in self.findChildren(QLabel):
            font = QFont(base)
            font.setPointSizeF(max(base.pointSizeF(), 1.0) * float(label.property("fontScale") or 1.0))
            font.setBold(bool(label.property("bold")))
            label.setFont(font)
        reading = QFont(base)
        reading.setPointSizeF(max(base.pointSizeF(), 1.0) * 1.3)
        self.passage.setFont(reading)
        buttons = QFont(base)
        buttons.setPointSizeF(max(base.pointSizeF(), 1.0) * 1.2)
        for button in (self.back_button, self.next_button):
            button.setFont(buttons)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    # -- contents ---------------------------------------------------------------------------

    def show_view(self, briefing, model, state: ViewState, banner: str = "") -> None:
        """Fill in from the agenda (the current stop is model.current) and what the projector shows."""
        self.banner.setText(banner)
        row, total = model.current, model.rowCount()
        current, upcoming = model.stop(row), model.stop(row + 1 if row >= 0 else 0)
        self.counter.setText(self.tr("第 {0} / {1} 站").format(row + 1, total) if current else
                             (self.tr("共 {0} 站").format(total) if total else self.tr("没有议程")))
        subject = briefing.subject(state.subject_id)
        tabs = dict(zip(TABS, (self.tr("口岸"), self.tr("指标"), self.tr("代表建议"), self.tr("原文"))))
        self.on_screen.setText(self.tr("投影画面:{0}").format(
            " · ".join(p for p in (tabs.get(state.tab, state.tab), local_name(subject) if subject else "") if p)))
        self.current_name.setText(current.name if current else self.tr("(未进入议程)"))
        self.current_problems.setText("\n".join(f"⚠ {p}" for p in model.problems_of(row)) if current else "")
        self.notes.setText(current.notes if current and current.notes else
                           (self.tr("(本站没有备注)") if current else ""))
        self.next_name.setText(upcoming.name if upcoming else (self.tr("(最后一站)") if current else "—"))
        next_row = row + 1 if row >= 0 else 0
        self.next_problems.setText("\n".join(f"⚠ {p}" for p in model.problems_of(next_row)) if upcoming else "")
        self.next_notes.setText(upcoming.notes if upcoming else "")
        for label in (self.current_problems, self.next_problems, self.next_notes):
            label.setVisible(bool(label.text()))
        self.next_button.setEnabled(upcoming is not None)
        self.back_button.setEnabled(row > 0)
        self._show_passage(*passage_on_screen(briefing, state))

    def _show_passage(self, passage, figure: str) -> None:
        document = self.passage.document()
        document.clear()
        if passage is None:
            self.passage_heading.setText(self.tr("原文"))
            self.passage.setPlainText(self.tr("画面上没有引自原文的数据。"))
            return
        heading = self.tr("原文 第{0}段").format(passage.position)
        self.passage_heading.setText(f"{heading} · {passage.section}" if passage.section else heading)
        cursor = QTextCursor(document)
        cursor.insertText(passage.text)
        start = passage.text.find(figure) if figure else -1
        if start >= 0:
            cursor.setPosition(start)
            cursor.setPosition(start + len(figure), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(highlight_format())
        self.passage.moveCursor(QTextCursor.MoveOperation.Start)
        if start >= 0:  # bring the figure into view in a long passage
            cursor.setPosition(start)
            self.passage.setTextCursor(cursor)
            self.passage.ensureCursorVisible()

    def passage_text(self) -> str:
        return self.passage.toPlainText()

    # -- clock ------------------------------------------------------------------------------

    def restart_clock(self) -> None:
        self._elapsed.restart()
        self._tick()

    def _tick(self) -> None:
        self.clock.setText(QTime.currentTime().toString("HH:mm"))
        seconds = self._elapsed.elapsed() // 1000
        hours, rest = divmod(seconds, 3600)
        self.elapsed.setText(self.tr("已用 {0}").format(
            f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().closeEvent(event)
        self.closed.emit()


def projector_screen():
    """The screen for the audience when there are two: one that is not the primary (the laptop's)."""
    screens = QGuiApplication.screens()
    primary = QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not primary]
    return others[0] if others else None


def place(presenter: PresenterWindow, window) -> bool:
    """Two screens: presenter maximised on the laptop's, the main window full screen on the other.
    One screen: the presenter is a normal window beside the main one. Returns True for two screens."""
    projector = projector_screen()
    laptop = QGuiApplication.primaryScreen()
    if projector is None or laptop is None:
        presenter.show()
        return False
    presenter.setGeometry(laptop.availableGeometry().adjusted(20, 20, -20, -20))
    if presenter.windowHandle() is not None:
        presenter.windowHandle().setScreen(laptop)
    presenter.showMaximized()
    if window.isFullScreen():
        window.showNormal()
    window.move(projector.availableGeometry().topLeft())
    if window.windowHandle() is not None:
        window.windowHandle().setScreen(projector)
    window.showFullScreen()
    return True
