"""English that is English: values, units and periods written in English in the English interface
and the English handout (every digit the source gives, none added), the Chinese as written on hover
and beneath; Chinese left as written in the Chinese interface; the map renamed on a live switch."""

from __future__ import annotations

import re
from decimal import Decimal

import fixture_facts as F
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefing.drawing import i18n
from briefing.drawing.formatting import axis_unit_text, english_amount, number_text, period_text, value_text
from briefing.drawing.periods import english_period
from briefing.store.records import Observation
from briefing.ui.ports.map_items import TextBadge

CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(autouse=True)
def chinese_afterwards(qapp):
    yield
    i18n.set_language("zh", qapp)
    QApplication.processEvents()


def test_amounts_in_english_keep_every_digit(qapp):
    assert english_amount("2531", "列") == "2,531 trains"
    assert english_amount("3785.67", "万吨") == "37.8567 million t"
    assert english_amount("2073.1", "亿元") == "207.31 billion yuan"
    assert english_amount("8.42", "亿元") == "842 million yuan"
    assert english_amount("43.36", "万TEU") == "433,600 TEU"
    assert english_amount("1.3", "万人") == "13,000 people"
    assert english_amount("5.8", "%") == "5.8%"
    assert axis_unit_text("万吨", "en") == "10,000 t" and axis_unit_text("亿元", "en") == "100 million yuan"
    assert axis_unit_text("万吨", "zh") == "万吨"


def test_periods_in_english():
    assert english_period("2024-03", "2024年一季度") == "Q1 2024"
    assert english_period("2021-12-05", "2021年1月1日至12月5日") == "1 Jan–5 Dec 2021"
    assert english_period("2024", "截至2024年底") == "as of end-2024"
    assert english_period("2023-06", "2023年上半年") == "H1 2023"
    assert english_period("2024-09", "2024年1—9月") == "Jan–Sep 2024"
    assert english_period("2025-02-14", "2013年以来累计,截至2025年2月14日") == "since 2013, as of 14 Feb 2025"
    assert english_period("2025-03", "目前") == "as of Mar 2025"
    assert english_period("2013", "开行初期", inferred=True) == "2013 (inferred)"


_SCALE = {"million": 6, "billion": 9}


def test_every_bundled_figure_reads_in_english_with_its_exact_number(bundled, qapp):
    i18n.set_language("en", qapp)
    checked = 0
    for subject in bundled.subjects:
        for obs in bundled.observations_for(subject.id):
            english, period = value_text(obs), period_text(obs)
            assert not CJK.search(period), period
            if obs.unit in ("大",):  # not a unit: left for the curated data to correct
                continue
            assert not CJK.search(english), english
            assert value_text(obs, "zh") == (obs.as_written or value_text(obs, "zh"))  # Chinese as written
            if obs.is_derived:
                continue
            match = re.search(r"([\d,]+(?:\.\d+)?)(?: (million|billion))?", english)
            number = Decimal(match.group(1).replace(",", "")).scaleb(_SCALE.get(match.group(2), 0))
            power = 8 if obs.unit.startswith("亿") else 4 if obs.unit.startswith("万") else 0
            assert number == Decimal(number_text(obs.value)).scaleb(power), (obs.id, english)
            checked += 1
    assert checked > 40


def test_lower_bounds_say_over_in_english(qapp):
    obs = Observation(
        "x", "p", "i", "2023", "2023年全年", 3000.0, "列", "lower_bound", "超3000列", None, "s", "", "", ""
    )
    assert value_text(obs, "en") == "over 3,000 trains"
    assert value_text(obs, "zh") == "超3000列"


def test_cards_in_english_with_the_chinese_on_hover(qtbot, qt_fonts, settings, fixture_db):
    from conftest import show_window

    window = show_window(qtbot, qt_fonts, settings, fixture_db, size=(1366, 768))
    window.selection.select_subject(F.RAIL_PORT)
    window.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    window.set_language("en")
    QApplication.processEvents()
    cards = {card.observation.id: card for card in window.indicators_tab.cards.cards}
    card = next(card for card in cards.values() if card.observation.as_written == "突破18000列")
    assert card.value.text() == "over 18,000 trains"
    assert "突破18000列" in card.value.toolTip()
    assert not CJK.search(card.period.text())
    part_year = cards[F.AFTER_ARTICLE]  # 3807列, 2025年1月1日至12月15日: later than the article
    shown = (part_year.value.text(), part_year.period.text())
    assert shown == ("3,807 trains", "1 Jan–15 Dec 2025 · after the article")


def test_the_map_renames_its_ports_after_a_switch_made_on_another_tab(qtbot, qt_fonts, settings, fixture_db):
    from conftest import show_window

    window = show_window(qtbot, qt_fonts, settings, fixture_db, size=(1366, 768))
    window.tabs.setCurrentIndex(0)
    window.selection.select_subject(F.RAIL_PORT)
    QApplication.processEvents()
    port_map = window.ports_tab.map
    assert "二连浩特" in [badge.text for badge in port_map.labels()]
    window.tabs.setCurrentIndex(1)
    window.set_language("en")
    QApplication.processEvents()
    window.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    # the names the map painted (read from its scene: asking the map would lay it out on demand)
    names = [item.text for item in port_map.scene().items() if isinstance(item, TextBadge) and item.isVisible()]
    assert "Erenhot" in names and not any(CJK.search(name) for name in names)
    # the legend box is sized for its English words (it was left at the size of an empty box)
    qtbot.waitUntil(lambda: port_map.legend.width() >= port_map.legend.sizeHint().width() > 60)


def test_proposals_have_english_titles_marked_as_translations(qtbot, qt_fonts, settings, fixture_db):
    from conftest import show_window

    from briefing.drawing.formatting import proposal_title

    window = show_window(qtbot, qt_fonts, settings, fixture_db, size=(1366, 768))
    proposal = window.briefing.proposal(F.RAIL_PROPOSAL)
    assert proposal.title_en and proposal_title(proposal, "en") == f"{proposal.title_en} (translated)"
    assert proposal_title(proposal, "zh") == proposal.title_zh
    window.tabs.setCurrentIndex(2)
    window.set_language("en")
    QApplication.processEvents()
    tab = window.proposals_tab
    assert tab.open_proposal(F.RAIL_PROPOSAL)
    listed = tab.proposal_view().currentIndex()
    assert listed.data(Qt.ItemDataRole.DisplayRole) == f"{proposal.title_en} (translated)"  # in the list
    assert f"{proposal.title_en} (translated)" in tab.reader_document().toPlainText()  # and as the heading
