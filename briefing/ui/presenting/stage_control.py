"""Presenting: the stage and the presenter view on the screens there are, for a deck made from the
open agenda (or the default agenda made from the briefing). With two screens the stage fills the
projector and the presenter view the laptop (the presenter can swap them); with one, the stage fills
the screen and the presenter view takes its place only when asked, never covering it. A question
from the room opens the search box on the presenter's screen, or on the stage when there is only one."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from briefing.drawing import i18n, themes
from briefing.drawing.slides.deck import default_stops
from briefing.ui.presenting.agenda import Stop
from briefing.ui.presenting.presenter import PresenterWindow
from briefing.ui.presenting.stage import StageWindow
from briefing.ui.presenting.stage_deck import Deck
from briefing.ui.presenting.stage_search import StageSearch


def screens():
    """(laptop, projector): the primary screen, and another one if there is one (else None)."""
    laptop = QGuiApplication.primaryScreen()
    others = [s for s in QGuiApplication.screens() if s is not laptop]
    return laptop, (others[0] if others else None)


def _put(widget, screen, full: bool) -> None:
    """Show a top-level widget on a screen, full screen (the stage) or maximised (the presenter view)."""
    widget.setGeometry(screen.availableGeometry() if not full else screen.geometry())
    handle = widget.windowHandle()
    if handle is None:
        widget.winId()  # make the native window, so it can be given its screen before it shows
        handle = widget.windowHandle()
    handle.setScreen(screen)
    widget.setGeometry(screen.geometry() if full else screen.availableGeometry())
    if full:
        widget.showFullScreen()
    else:
        widget.showMaximized()


def default_agenda(briefing) -> tuple[Stop, ...]:
    """The default agenda made from the briefing, in the interface's language."""
    return tuple(Stop.from_json(data) for data in default_stops(briefing, i18n.current_language()))


class StageControl(QObject):
    """Owns the deck, the stage window, the presenter view and the search box while presenting."""

    left = Signal()  # Esc on the stage or the presenter view
    presenter_shown = Signal(bool)  # the presenter view came up or went away

    def __init__(self, tools) -> None:
        super().__init__(tools)
        self.tools, self.window = tools, tools.window
        self.deck: Deck | None = None
        self.from_agenda = False  # the deck is the open agenda's (its stops are the model's rows)
        self.stage: StageWindow | None = None
        self.presenter: PresenterWindow | None = None
        self.search: StageSearch | None = None
        self.swapped = False  # two screens: the stage on the laptop and the presenter view on the other
        self.presenter_alone = False  # one screen: the presenter view shown instead of the stage
        themes.signals().theme_changed.connect(self._on_theme_changed)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._on_screens_changed)
            app.screenRemoved.connect(self._on_screens_changed)

    # -- the deck -----------------------------------------------------------------------------

    def _stops(self) -> tuple[Stop, ...]:
        model = self.tools.model
        return model.stops() if model.rowCount() else default_agenda(self.window.briefing)

    def _make_deck(self) -> Deck:
        self.from_agenda = self.tools.model.rowCount() > 0
        deck = Deck(self.window.briefing, self._stops(), i18n.current_language(), self)
        deck.changed.connect(self._on_deck_changed)
        deck.leave_requested.connect(self.left)
        deck.search_requested.connect(self.open_search)
        return deck

    def rebuild(self) -> None:
        """The agenda or the briefing changed while presenting: new slides, the same stop if it is there."""
        if self.deck is None:
            return
        model = self.tools.model
        same = self.deck.stops == model.stops() if self.from_agenda else not model.rowCount()
        if same and self.deck.briefing is self.window.briefing:
            return
        index = self.deck.index
        old = self.deck
        self.deck = self._make_deck()
        self.deck.index = min(max(index, 0), max(len(self.deck) - 1, 0))
        if self.stage is not None:
            self.stage.set_deck(self.deck)
        self._show_presenter_deck()
        if self.search is not None:
            self.search.deck = self.deck
        old.deleteLater()

    def set_language(self, language: str) -> None:
        if self.deck is None:
            return
        if not self.from_agenda:  # the default agenda's stop names are in the interface language
            self.deck.stops = default_agenda(self.window.briefing)
        self.deck.set_language(language)
        self._show_presenter_deck()  # the banner in the new language

    # -- showing ------------------------------------------------------------------------------

    def start(self, row: int = 0) -> None:
        if self.deck is None:
            self.deck = self._make_deck()
        self.deck.go(row if 0 <= row < len(self.deck) else 0)
        if self.stage is None:
            self.stage = StageWindow(self.deck)
            self.stage.closed.connect(lambda: self.left.emit() if self.deck is not None else None)
        else:
            self.stage.set_deck(self.deck)
        self.presenter_alone = False
        self.place()

    def stop(self) -> None:
        if self.search is not None:
            self.search.hide()
        for view in (self.stage, self.presenter):
            if view is not None:
                view.hide()
        if self.stage is not None:
            self.stage.set_deck(None)
        if self.presenter is not None:
            self.presenter.release_deck()
        if self.deck is not None:
            self.deck.deleteLater()
        self.deck = None
        self.window.activateWindow()

    def close(self) -> None:
        """The main window is closing: the stage and the presenter view go with it (they have no parent)."""
        self.stop()
        for view in (self.stage, self.presenter):
            if view is not None:
                view.blockSignals(True)  # closing is not the presenter asking for the stage back
                view.close()
                view.deleteLater()
        self.stage = self.presenter = self.search = None

    def two_screens(self) -> bool:
        return screens()[1] is not None

    def place(self) -> None:
        """Stage and presenter view on the screens there are now."""
        if self.deck is None or self.stage is None:
            return
        laptop, projector = screens()
        if projector is None:  # one screen: the stage, or the presenter view instead when asked
            self.stage.show_typing = True
            if self.presenter_alone:
                self.stage.hide()
                presenter = self._ensure_presenter()
                _put(presenter, laptop, full=False)
                presenter.activateWindow()
                presenter.setFocus()
            else:
                if self.presenter is not None:
                    self.presenter.hide()
                _put(self.stage, laptop, full=True)
                self.stage.activateWindow()
                self.stage.setFocus()
            self.presenter_shown.emit(self.presenter_visible())
            return
        self.stage.show_typing = False
        if self.swapped:
            laptop, projector = projector, laptop
        _put(self.stage, projector, full=True)
        presenter = self._ensure_presenter()
        _put(presenter, laptop, full=False)
        presenter.activateWindow()
        presenter.setFocus()
        self.presenter_shown.emit(True)

    def _ensure_presenter(self) -> PresenterWindow:
        if self.presenter is None:
            self.presenter = PresenterWindow()
            self.presenter.swap_requested.connect(self.swap)
            self.presenter.stage_toggle_requested.connect(self.toggle_presenter)
            self.presenter.closed.connect(self._on_presenter_closed)
        self._show_presenter_deck()
        return self.presenter

    def _show_presenter_deck(self) -> None:
        if self.presenter is None or self.deck is None:
            return
        screen = self.stage.screen() if self.stage is not None and self.stage.isVisible() else None
        size = (screen or QGuiApplication.primaryScreen()).geometry().size()
        self.presenter.set_deck(
            self.deck, self.window.briefing, self.window.banner.text(), size.width() / max(size.height(), 1)
        )
        self.presenter.set_one_screen(not self.two_screens())

    def presenter_visible(self) -> bool:
        return self.presenter is not None and self.presenter.isVisible()

    def toggle_presenter(self) -> None:
        """One screen: the presenter view instead of the stage, or back. Two: show or hide it."""
        if self.deck is None:
            return
        if self.two_screens():
            if self.presenter is not None and self.presenter.isVisible():
                self.presenter.hide()
                self.presenter_shown.emit(False)
            else:
                self.place()
            return
        self.presenter_alone = not self.presenter_alone
        self.place()

    def swap(self) -> None:
        """Two screens: the stage and the presenter view change screens."""
        self.swapped = not self.swapped
        self.place()

    def open_search(self) -> None:
        """The search box on the presenter's screen; on the stage only when it is the only screen."""
        host = self.presenter if self.presenter_visible() else self.stage
        if self.deck is None or host is None:
            return
        if self.search is None or self.search.parentWidget() is not host:
            if self.search is not None:
                self.search.deleteLater()
            self.search = StageSearch(self.deck, host)
        self.search.deck = self.deck
        self.search.open()

    # -- following ----------------------------------------------------------------------------

    def _on_deck_changed(self) -> None:
        deck = self.deck
        if deck is None or deck.found is not None:
            return
        if self.from_agenda and self.tools.model.current != deck.index:
            QTimer.singleShot(0, self, self._follow)  # the stage paints first; the analyst's view follows

    def _follow(self) -> None:
        if self.deck is not None and self.from_agenda and self.tools.model.current != self.deck.index:
            self.tools.go_to(self.deck.index)

    def _on_theme_changed(self, *_args) -> None:
        if self.stage is not None:
            self.stage.update()
        if self.presenter is not None:
            self.presenter.refresh_pictures()

    def _on_presenter_closed(self) -> None:
        self.presenter_shown.emit(False)
        if self.deck is not None and not self.two_screens() and self.presenter_alone:
            self.presenter_alone = False
            QTimer.singleShot(0, self, self.place)  # closing it brings the stage back

    def _on_screens_changed(self, *_args) -> None:
        if self.deck is not None:  # a projector plugged in or out
            QTimer.singleShot(0, self, self.place)
