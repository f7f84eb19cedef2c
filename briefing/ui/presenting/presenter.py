"""The presenter view: what only the presenter sees. Pictures of the current and the next slide (the
real slides, painted small), the notes for the stop in large type, the passage or source behind the
figures on the current slide, the clock, the time elapsed and "stop n of N". Its keys go to the deck,
as the stage's do; it never changes the deck itself otherwise."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QRect, QSize, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing.ui.common.reader_formats import highlight_format
from briefing.ui.presenting.stage import render_slide
from briefing.ui.presenting.stage_deck import Deck
from briefing.ui.presenting.stage_search import StageSearch
from briefing.ui.presenting.stage_sources import sources_behind
from briefing.ui.presenting.view_state import problems

NOTES_SCALE = 1.6  # the presenter's notes, readable at arm's length
REFERENCE_HEIGHT = 760  # a laptop's presenter view (1366x768 less a frame): the type as designed
INK, MUTED, WARN, PAPER, PANEL = "#eef1f4", "#a9b4bf", "#ffb86b", "#1d2329", "#262e36"


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


class SlidePicture(QWidget):
    """A slide painted small, as the stage paints it: the largest rectangle of the stage's shape that fits."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)
        self.aspect = 16 / 9
        self.slide = None
        self._image = None
        self.caption = ""  # shown instead when there is no slide

    def set_slide(self, slide, caption: str = "") -> None:
        self.slide, self.caption, self._image = slide, caption, None
        self.update()

    def picture_size(self) -> QSize:
        width, height = self.width(), self.height()
        if width / max(height, 1) > self.aspect:
            width = round(height * self.aspect)
        else:
            height = round(width / self.aspect)
        return QSize(max(width, 1), max(height, 1))

    def image(self):
        """The picture shown (None without a slide), painted when first asked for at this size."""
        if self.slide is None:
            return None
        size = self.picture_size()
        if self._image is None or self._image.deviceIndependentSize().toSize() != size:
            self._image = render_slide(self.slide, size, self.devicePixelRatioF())
        return self._image

    def refresh(self) -> None:
        """Paint again (the theme or the language changed)."""
        self._image = None
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        size = self.picture_size()
        target = QRect((self.width() - size.width()) // 2, 0, size.width(), size.height())
        image = self.image()
        if image is not None:
            painter.drawImage(target, image)
        else:
            painter.setPen(QColor(MUTED))
            painter.drawRect(target.adjusted(0, 0, -1, -1))
            painter.drawText(target, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.caption)
        painter.end()


class PresenterWindow(QWidget):
    """The laptop's screen while presenting. Keys go to the deck; buttons ask for a step or a swap."""

    swap_requested = Signal()
    stage_toggle_requested = Signal()
    closed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presenterWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # closing the main window quits
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        palette = self.palette()
        for role, colour in (
            (QPalette.ColorRole.Window, PAPER),
            (QPalette.ColorRole.Base, PANEL),
            (QPalette.ColorRole.WindowText, INK),
            (QPalette.ColorRole.Text, INK),
            (QPalette.ColorRole.Button, PANEL),
            (QPalette.ColorRole.ButtonText, INK),
        ):
            palette.setColor(role, QColor(colour))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.deck: Deck | None = None
        self.briefing = None
        self._elapsed = QElapsedTimer()
        self._elapsed.start()
        self._build()
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._tick()
        self.resize(1280, 720)

    def _build(self) -> None:
        self.counter, self.clock, self.elapsed = (
            _label(1.4, True, wrap=False),
            _label(2.0, True, wrap=False),
            _label(1.4, False, MUTED, wrap=False),
        )
        self.state = _label(1.2, True, WARN, wrap=False)  # blacked out, a found slide, a number being typed
        self.reset_button, self.swap_button, self.stage_button = QPushButton(), QPushButton(), QPushButton()
        self.reset_button.clicked.connect(self.restart_clock)
        self.swap_button.clicked.connect(self.swap_requested)
        self.stage_button.clicked.connect(self.stage_toggle_requested)
        header = QHBoxLayout()
        header.addWidget(self.counter)
        header.addSpacing(16)
        header.addWidget(self.state)
        header.addStretch(1)
        header.addWidget(self.clock)
        header.addStretch(1)
        header.addWidget(self.elapsed)
        for button in (self.reset_button, self.swap_button, self.stage_button):
            header.addWidget(button)

        self.current_heading, self.next_heading = _label(1.0, False, MUTED), _label(1.0, False, MUTED)
        self.current_picture, self.next_picture = SlidePicture(), SlidePicture()
        self.notes = _label(NOTES_SCALE)
        self.problems = _label(1.1, True, WARN)  # what the stop names that this briefing lacks
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.notes.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.passage_heading = _label(1.0, False, MUTED)
        self.passage = QTextBrowser()
        self.passage.setObjectName("presenterPassage")
        self.passage.setOpenLinks(False)
        self.passage.setFrameShape(QFrame.Shape.NoFrame)
        self.passage.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the clicker's keys stay with the window

        current = self._panel((self.current_heading, 0), (self.current_picture, 5), (self.problems, 0), (self.notes, 3))
        upcoming = self._panel((self.next_heading, 0), (self.next_picture, 1))
        source = self._panel((self.passage_heading, 0), (self.passage, 1))
        self.back_button, self.next_button = QPushButton(), QPushButton()
        self.back_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        for button in (self.back_button, self.next_button, self.reset_button, self.swap_button, self.stage_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space steps; it must not press a button
        self.banner = _label(0.9, False, MUTED)  # the briefing's title, as-of date and source
        self.keys = _label(0.9, False, MUTED)  # the keys the stage knows, for a presenter new to them
        for label in (self.banner, self.keys):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        middle = QVBoxLayout()
        middle.setSpacing(0)
        middle.addWidget(self.keys)
        middle.addWidget(self.banner)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addLayout(middle, 1)
        buttons.addWidget(self.next_button)

        grid = QGridLayout()
        grid.setSpacing(12)
        grid.addWidget(current, 0, 0, 2, 1)
        grid.addWidget(upcoming, 0, 1)
        grid.addWidget(source, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(8)
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
        column.setContentsMargins(12, 8, 12, 8)
        for widget, stretch in widgets:
            column.addWidget(widget, stretch)
        return frame

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("演讲者视图"))
        self.current_heading.setText(self.tr("当前"))
        self.next_heading.setText(self.tr("下一张"))
        self.back_button.setText(self.tr("◀ 上一站"))
        self.next_button.setText(self.tr("下一站 ▶"))
        self.reset_button.setText(self.tr("重新计时"))
        self.swap_button.setText(self.tr("交换屏幕"))
        self.stage_button.setText(self.tr("显示幻灯片"))
        self.keys.setText(
            self.tr("翻页键、→、空格:下一张 · B 黑屏 · W 白屏 · 数字+回车:跳到该站 · / 观众提问 · Esc 结束放映")
        )  # noqa: E501 (one message)
        self._tick()
        self.show_deck()

    def _screen_scale(self) -> float:
        """Type grows with the window past a laptop's height, so it reads at arm's length on any screen."""
        return min(max(self.height() / REFERENCE_HEIGHT, 1.0), 2.5)

    def _apply_fonts(self) -> None:
        base = self.font()
        size = max(base.pointSizeF(), 1.0) * self._screen_scale()
        self._font_scale_applied = self._screen_scale()
        for label in self.findChildren(QLabel):
            if isinstance(label.parentWidget(), StageSearch):
                continue  # the search box sizes its own type
            font = QFont(base)
            font.setPointSizeF(size * float(label.property("fontScale") or 1.0))
            font.setBold(bool(label.property("bold")))
            label.setFont(font)
        reading = QFont(base)
        reading.setPointSizeF(size * 1.25)
        self.passage.setFont(reading)
        buttons = QFont(base)
        buttons.setPointSizeF(size)
        for button in (self.back_button, self.next_button, self.reset_button, self.swap_button, self.stage_button):
            button.setFont(buttons)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if abs(self._screen_scale() - getattr(self, "_font_scale_applied", 1.0)) > 0.05:
            self._apply_fonts()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def _step(self, delta: int) -> None:
        if self.deck is not None:
            self.deck.step(delta)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.deck is None or not self.deck.handle_key(event):
            super().keyPressEvent(event)

    # -- contents ---------------------------------------------------------------------------

    def set_deck(self, deck: Deck, briefing, banner: str = "", aspect: float = 16 / 9) -> None:
        if self.deck is not None and self.deck is not deck:
            self.deck.changed.disconnect(self.show_deck)
        if self.deck is not deck:
            deck.changed.connect(self.show_deck)
        self.deck, self.briefing = deck, briefing
        self.banner.setText(banner)
        for picture in (self.current_picture, self.next_picture):
            picture.aspect = aspect
        self.show_deck()

    def release_deck(self) -> None:
        """The show ended: let go of its deck (a new show brings its own)."""
        if self.deck is not None:
            self.deck.changed.disconnect(self.show_deck)
        self.deck = None

    def set_one_screen(self, one: bool) -> None:
        """With one screen the presenter can go back to the slides; with two, swap the screens."""
        self.stage_button.setVisible(one)
        self.swap_button.setVisible(not one)

    def refresh_pictures(self) -> None:
        self.current_picture.refresh()
        self.next_picture.refresh()

    def show_deck(self, *_args) -> None:
        deck = self.deck
        if deck is None:
            return
        total, number = len(deck), deck.index + 1
        self.counter.setText(self.tr("第 {0} / {1} 站").format(number, total) if total else self.tr("没有幻灯片"))
        stop = deck.current_stop()
        states = []
        if deck.blank:
            states.append(self.tr("黑屏中(按 B 恢复)") if deck.blank == "black" else self.tr("白屏中(按 W 恢复)"))
        if deck.found is not None:
            states.append(self.tr("提问页(Esc 返回第 {0} 站)").format(number))
        if deck.typed:
            states.append(self.tr("跳到第 {0} 站,按回车").format(deck.typed))
        self.state.setText("  ·  ".join(states))
        self.current_picture.set_slide(deck.current())
        upcoming = deck.upcoming()
        self.next_picture.set_slide(upcoming, self.tr("(最后一张)"))
        self.next_heading.setText(self.tr("下一张") if deck.found is None else self.tr("返回议程"))
        notes = stop.notes if stop is not None and deck.found is None else ""
        self.notes.setText(notes or self.tr("(本站没有备注)"))
        missing = problems(stop.view, self.briefing) if stop is not None and deck.found is None else []
        self.problems.setText("\n".join(f"⚠ {p}" for p in missing))
        self.problems.setVisible(bool(missing))
        self.next_button.setEnabled(upcoming is not None)
        self.back_button.setEnabled(deck.index > 0 or deck.found is not None)
        self._show_sources(deck.current())

    def _show_sources(self, slide) -> None:
        """Each passage or source behind the slide's figures, its figures marked, the first in view."""
        document = self.passage.document()
        document.clear()
        behind = sources_behind(slide) if slide is not None else []
        self.passage_heading.setText(self.tr("这张幻灯片的出处"))
        if not behind:
            self.passage.setPlainText(self.tr("这张幻灯片上没有引自原文或其他来源的数据。"))
            return
        cursor = QTextCursor(document)
        heading = QTextCharFormat()
        heading.setForeground(QColor(MUTED))
        heading.setFontWeight(QFont.Weight.Bold)
        plain = QTextCharFormat()
        first = -1
        for number, entry in enumerate(behind):
            if number:
                cursor.insertBlock()
            cursor.insertText(entry.line, heading)
            cursor.insertBlock()
            at = cursor.position()
            cursor.insertText(entry.text, plain)
            for figure in entry.figures:  # every figure of the slide found in the passage is marked
                start = entry.text.find(figure)
                if start >= 0:
                    first = at + start if first < 0 else first
                    mark = QTextCursor(document)
                    mark.setPosition(at + start)
                    mark.setPosition(at + start + len(figure), QTextCursor.MoveMode.KeepAnchor)
                    mark.mergeCharFormat(highlight_format())
            cursor.movePosition(QTextCursor.MoveOperation.End)
        self.passage.moveCursor(QTextCursor.MoveOperation.Start)
        if first >= 0:  # bring the first figure into view in a long passage
            cursor.setPosition(first)
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
        self.elapsed.setText(
            self.tr("已用 {0}").format(
                f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"
            )
        )

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().closeEvent(event)
        self.closed.emit()
