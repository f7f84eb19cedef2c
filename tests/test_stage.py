"""The stage: F5 shows full-screen slides and nothing of the analyst's window; the clicker's keys, black
and white screens, a stop number and Enter, a question from the room, Esc; live language and theme."""

from __future__ import annotations

import pytest
from conftest import show_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLineEdit, QMenuBar, QTableView, QTabWidget, QWidget

from briefing import paths
from briefing.drawing.slides.deck import ProfileSlide, ProposalSlide, SourcesSlide, SubjectSlide
from briefing.ui.presenting.agenda import load_agenda

ANALYST_CONTROLS = (QMenuBar, QTabWidget, QTableView, QLineEdit)


@pytest.fixture
def window(qtbot, qt_fonts, settings, fixture_db):
    """The main window on the test briefing."""
    return show_window(qtbot, qt_fonts, settings, fixture_db, size=(1280, 760))


@pytest.fixture
def bundled_window(qtbot, qt_fonts, settings):
    """The main window on the bundled briefing (for the agenda shipped with it)."""
    return show_window(qtbot, qt_fonts, settings, size=(1280, 760))


def press_f5(window, qtbot):
    tools = window.presenter_tools
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert tools.presenting and tools.presentation_action.isChecked()
    qtbot.addWidget(tools.stage)
    qtbot.waitExposed(tools.stage)
    qtbot.waitUntil(tools.stage.isActiveWindow)  # the keys go to the stage, not to the window behind it
    return tools.stage


def analyst_controls_in(stage: QWidget) -> list[QWidget]:
    return [w for kind in ANALYST_CONTROLS for w in stage.findChildren(kind) if w.isVisible()]


def shown(stage) -> QImage:
    return stage.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def type_into(qtbot, box, text: str) -> None:
    """Typing: Latin keys one by one; Chinese as an input method commits it, a word at once."""
    if text.isascii():
        qtbot.keyClicks(box, text)
    else:
        box.insert(text)


def one_colour(image: QImage) -> QColor | None:
    """The colour of an image that is all one colour (sampled on a grid), else None."""
    first = image.pixelColor(0, 0)
    for x in range(0, image.width(), max(1, image.width() // 40)):
        for y in range(0, image.height(), max(1, image.height() // 40)):
            if image.pixelColor(x, y) != first:
                return None
    return first


def test_f5_without_an_agenda_presents_the_default_agenda_on_a_stage_of_its_own(window, qtbot):
    stage = press_f5(window, qtbot)
    tools = window.presenter_tools
    assert stage.isVisible() and stage.isFullScreen() and stage is not window
    assert not window.isFullScreen()  # the main window stays the analyst's view
    assert analyst_controls_in(stage) == [] and stage.findChildren(QWidget) == []
    deck = tools.deck
    kinds = [type(slide) for slide in deck.slides]
    assert kinds[0].__name__ == "OverviewSlide" and kinds[-1] is SourcesSlide
    assert SubjectSlide in kinds and ProfileSlide in kinds and ProposalSlide in kinds
    seen = []
    for number in range(len(deck)):  # the clicker walks the whole default agenda, never a blank screen
        assert deck.index == number
        assert one_colour(shown(stage)) is None, f"slide {number + 1} is blank"
        seen.append(deck.current())
        qtbot.keyClick(stage, Qt.Key.Key_PageDown if number % 2 else Qt.Key.Key_Space)
        assert analyst_controls_in(stage) == []
    assert deck.index == len(deck) - 1 and seen == deck.slides
    qtbot.keyClick(stage, Qt.Key.Key_F5)  # a clicker's start button again: the show goes on
    assert tools.presenting and stage.isVisible() and deck.index == len(deck) - 1
    qtbot.keyClick(stage, Qt.Key.Key_Escape)
    assert not tools.presenting and not stage.isVisible() and not tools.presentation_action.isChecked()


def test_the_shipped_agenda_is_presented_stop_by_stop_on_the_bundled_briefing(bundled_window, qtbot):
    window = bundled_window
    tools = window.presenter_tools
    shipped = sorted(paths.bundled_database().parent.glob("agenda*.json")) or sorted(
        paths.bundled_sources().glob("agenda*.json")
    )
    assert shipped, "the bundled briefing ships an agenda"
    assert tools.open_agenda(shipped[0])
    stage = press_f5(window, qtbot)
    stops = load_agenda(shipped[0]).stops
    assert len(tools.deck) == len(stops) >= 5
    for number in range(len(stops)):
        assert tools.deck.index == number and analyst_controls_in(stage) == []
        assert one_colour(shown(stage)) is None
        qtbot.keyClick(stage, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: tools.model.current == len(stops) - 1)  # the agenda follows the stage
    for _ in stops:
        qtbot.keyClick(stage, Qt.Key.Key_Backspace)
    assert tools.deck.index == 0


def test_black_and_white_screens_and_back(window, qtbot):
    stage = press_f5(window, qtbot)
    deck = window.presenter_tools.deck
    qtbot.keyClick(stage, Qt.Key.Key_B)
    assert one_colour(shown(stage)) == QColor("#000000")
    qtbot.keyClick(stage, Qt.Key.Key_B)
    assert one_colour(shown(stage)) is None and deck.index == 0
    qtbot.keyClick(stage, Qt.Key.Key_Period)
    assert one_colour(shown(stage)) == QColor("#000000")
    qtbot.keyClick(stage, Qt.Key.Key_W)
    assert one_colour(shown(stage)) == QColor("#ffffff")
    qtbot.keyClick(stage, Qt.Key.Key_PageDown)  # the clicker brings the slide back before it moves on
    assert one_colour(shown(stage)) is None and deck.index == 0
    qtbot.keyClick(stage, Qt.Key.Key_PageDown)
    assert deck.index == 1


def test_a_number_and_enter_jump_to_that_stop_home_and_end_to_the_ends(window, qtbot):
    stage = press_f5(window, qtbot)
    deck = window.presenter_tools.deck
    qtbot.keyClicks(stage, "12")
    assert deck.index == 0 and deck.typed == "12"  # nothing moves until Enter
    qtbot.keyClick(stage, Qt.Key.Key_Return)
    assert deck.index == 11 and deck.typed == ""
    qtbot.keyClicks(stage, "3")
    qtbot.keyClick(stage, Qt.Key.Key_Enter)
    assert deck.index == 2
    qtbot.keyClicks(stage, "999")
    qtbot.keyClick(stage, Qt.Key.Key_Return)
    assert deck.index == len(deck) - 1
    qtbot.keyClick(stage, Qt.Key.Key_Home)
    assert deck.index == 0
    qtbot.keyClick(stage, Qt.Key.Key_End)
    assert deck.index == len(deck) - 1
    qtbot.keyClick(stage, Qt.Key.Key_Left)
    assert deck.index == len(deck) - 2


@pytest.mark.parametrize(
    "query, subject", [("Erlian", "erenhot"), ("ganqimaodu", "ganqimaodu"), ("满洲里", "manzhouli")]
)
def test_a_question_from_the_room_shows_its_slide_and_esc_returns_to_the_same_stop(window, qtbot, query, subject):
    stage = press_f5(window, qtbot)
    deck = window.presenter_tools.deck
    qtbot.keyClicks(stage, "5")
    qtbot.keyClick(stage, Qt.Key.Key_Return)
    before = deck.current()
    qtbot.keyClick(stage, Qt.Key.Key_Slash)  # one screen: the box is on the stage itself
    box = stage.findChild(QLineEdit, "stageSearchBox")
    assert box is not None and box.isVisible()
    qtbot.waitUntil(box.hasFocus)
    type_into(qtbot, box, query)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert not box.isVisible() and analyst_controls_in(stage) == []
    found = deck.current()
    assert found is deck.found and found is not before
    assert (
        subject in getattr(found, "subject_id", "")
        or any(subject in e.port_id for e in getattr(found, "entries", ()))
        or subject in str(found).lower()
    )
    qtbot.keyClick(stage, Qt.Key.Key_Escape)
    assert deck.current() is before and deck.index == 4 and window.presenter_tools.presenting
    qtbot.keyClick(stage, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert box.isVisible() and box.text() == ""
    type_into(qtbot, box, query)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClick(stage, Qt.Key.Key_Backspace)
    assert deck.current() is before


def test_a_question_with_no_answer_says_so_and_esc_closes_the_box(window, qtbot):
    stage = press_f5(window, qtbot)
    deck = window.presenter_tools.deck
    qtbot.keyClick(stage, Qt.Key.Key_Slash)
    box = stage.findChild(QLineEdit, "stageSearchBox")
    qtbot.keyClicks(box, "zzzzqqq")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.isVisible() and deck.found is None
    assert stage.findChild(QWidget, "stageSearch").status.text() == "没有找到"
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not box.isVisible() and deck.index == 0 and window.presenter_tools.presenting


def test_language_and_theme_switches_repaint_the_stage_on_the_same_stop(window, qtbot):
    stage = press_f5(window, qtbot)
    tools = window.presenter_tools
    qtbot.keyClicks(stage, "4")
    qtbot.keyClick(stage, Qt.Key.Key_Return)
    zh = shown(stage)
    name_zh = tools.deck.current().name
    window.set_language("en")
    try:
        qtbot.waitUntil(lambda: tools.deck.language == "en")
        assert tools.deck.index == 3
        assert tools.deck.current().name != name_zh and tools.deck.current().name.isascii()
        qtbot.waitUntil(lambda: shown(stage) != zh)
        en = shown(stage)
        window.set_theme("dark")
        qtbot.waitUntil(lambda: shown(stage) != en)
        assert shown(stage).pixelColor(2, 2).lightness() < 80  # a dark slide
    finally:
        window.set_theme("light")
        window.set_language("zh")
    qtbot.waitUntil(lambda: tools.deck.language == "zh")
    assert tools.deck.current().name == name_zh


def test_the_deck_stays_while_the_analyst_view_changes_behind_the_stage(window, qtbot):
    stage = press_f5(window, qtbot)
    tools = window.presenter_tools
    deck = tools.deck
    qtbot.keyClick(stage, Qt.Key.Key_PageDown)
    qtbot.keyClick(stage, Qt.Key.Key_Slash)
    box = stage.findChild(QLineEdit, "stageSearchBox")
    type_into(qtbot, box, "ceke")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    found = deck.found
    window.selection.select_subject("arxan")  # the main window moves on behind the stage
    tools.watcher.flush()
    assert tools.deck is deck and deck.found is found and deck.index == 1


def test_opening_another_briefing_while_presenting_shows_its_slides(window, qtbot, tmp_path):
    import shutil

    stage = press_f5(window, qtbot)
    tools = window.presenter_tools
    qtbot.keyClick(stage, Qt.Key.Key_End)
    old = tools.deck
    copy = tmp_path / "copy.sqlite"
    shutil.copy(window.briefing.path, copy)  # another file of the same briefing: the same stops
    assert window.open_file(copy)  # with two screens the main window is within reach while presenting
    deck = tools.deck
    assert deck is not old and deck.briefing is window.briefing and deck.index == len(deck) - 1
    assert stage.deck is deck and one_colour(shown(stage)) is None
    qtbot.keyClick(stage, Qt.Key.Key_Home)
    assert deck.index == 0


def test_a_second_show_after_esc_steps_its_own_slides(window, qtbot):
    stage = press_f5(window, qtbot)
    tools = window.presenter_tools
    qtbot.keyClick(stage, Qt.Key.Key_End)
    qtbot.keyClick(stage, Qt.Key.Key_Escape)
    qtbot.wait(10)  # the first show's deck is gone
    qtbot.waitUntil(window.isActiveWindow)
    again = press_f5(window, qtbot)
    assert again is stage and stage.deck is tools.deck and tools.deck.index == 0
    qtbot.keyClick(stage, Qt.Key.Key_PageDown)
    assert tools.deck.index == 1 and one_colour(shown(stage)) is None
