"""At a laptop's 1366x768 every port name in the analyst's lists is read whole, in Chinese and English:
the subject list of the indicators tab and the ports table, with the bundled briefing (its airport
names are the longest)."""

from __future__ import annotations

import pytest
from conftest import show_window
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyle

from briefing.drawing import i18n

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")


def _lines(text: str, font: QFont, width: float, wrap: bool) -> list[tuple[float, float]]:
    """(natural width, height) of each line the view sets the text in, at `width`."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap if wrap else QTextOption.WrapMode.ManualWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append((line.naturalTextWidth(), line.height()))
    layout.endLayout()
    return lines


def cut_texts(view: QAbstractItemView, indexes: list[QModelIndex]) -> list[str]:
    """The texts of these items that their cells cannot show whole (they would end in '…' or be cut)."""
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    cut = []
    for index in indexes:
        text = str(index.data() or "")
        font = index.data(Qt.ItemDataRole.FontRole) or view.font()
        rect = view.visualRect(index)
        width = rect.width() - 2 * margin
        lines = _lines(text, font, width, view.wordWrap())
        fits = all(w <= width + 0.5 for w, _ in lines) and sum(h for _, h in lines) <= rect.height() + 0.5
        if not fits or QFontMetricsF(font).horizontalAdvance(text) <= 0:
            cut.append(text)
    return cut


def all_indexes(model, column: int = 0, parent: QModelIndex = QModelIndex()) -> list[QModelIndex]:
    found = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, column, parent)
        found.append(index)
        found.extend(all_indexes(model, column, index))
    return found


@pytest.fixture
def laptop(qtbot, qt_fonts, settings):
    """The main window on the bundled briefing at 1366x768; the language put back afterwards."""
    window = show_window(qtbot, qt_fonts, settings, size=(1366, 768))
    yield window
    i18n.set_language("zh", QApplication.instance())


def _show(window, lang: str, tab: int) -> None:
    i18n.set_language(lang, QApplication.instance())
    window.tabs.setCurrentIndex(tab)
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_subject_name_is_whole_in_the_indicators_list(laptop, lang):
    _show(laptop, lang, 1)
    view = laptop.indicators_tab.subject_view
    indexes = all_indexes(view.model())
    assert len(indexes) > 20
    assert any("海拉尔" in str(i.data()) or "Hailar" in str(i.data()) for i in indexes)
    assert cut_texts(view, indexes) == []
    assert view.horizontalScrollBar().maximum() == 0  # nothing hidden to the right either


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_port_name_is_whole_in_the_ports_table(laptop, lang):
    _show(laptop, lang, 0)
    table = laptop.ports_tab.table
    model = table.model()
    header = table.horizontalHeader()
    for column in range(model.columnCount()):  # both names, and the counterpart port's too
        indexes = [model.index(row, column) for row in range(model.rowCount())]
        assert len(indexes) == 20
        assert cut_texts(table, indexes) == [], column
        assert header.sectionSizeFromContents(column).width() <= header.sectionSize(column), column
    # no row is taller than its longest-wrapping text needs: a one-line row is one line high
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    one = table.verticalHeader().defaultSectionSize()
    for row in range(model.rowCount()):
        lines = [
            _lines(str(model.index(row, c).data()), table.font(), table.columnWidth(c) - 1 - 2 * margin, True)
            for c in range(model.columnCount())
        ]
        most = max(lines, key=len)
        assert table.rowHeight(row) <= one + sum(h for _, h in most[1:]) + 1, model.index(row, 0).data()
    # both names are in view without scrolling sideways
    for column in (0, 1):
        assert table.columnViewportPosition(column) + table.columnWidth(column) <= table.viewport().width()
    # sorted by the other name, then narrowed to the airports: the taller rows follow their names
    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    laptop.ports_tab.text_filter.setText("air" if lang == "en" else "航空")
    QApplication.processEvents()
    assert 0 < model.rowCount() < 20
    for column in (0, 1):
        assert cut_texts(table, [model.index(row, column) for row in range(model.rowCount())]) == [], column
    laptop.ports_tab.text_filter.clear()  # and every port back again
    QApplication.processEvents()
    assert model.rowCount() == 20
    for column in (0, 1):
        assert cut_texts(table, [model.index(row, column) for row in range(model.rowCount())]) == [], column


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_coverage_matrix_shows_every_subject_name_and_indicator_head(laptop, lang):
    _show(laptop, lang, 1)
    tab = laptop.indicators_tab
    tab.pages.setCurrentIndex(1)
    QApplication.processEvents()
    rows = tab.coverage_view.verticalHeader()
    cut = [
        str(rows.model().headerData(r, Qt.Orientation.Vertical))
        for r in range(rows.count())
        if rows.sectionSizeFromContents(r).width() > rows.width()
    ]
    assert rows.count() > 20 and cut == []
    # the indicator heads are drawn (English turned upright): dark text on the header's light face
    columns = tab.coverage_view.horizontalHeader()
    image = columns.grab().toImage()
    first = columns.sectionViewportPosition(0), columns.sectionSize(0)
    inked = sum(
        1
        for x in range(first[0], first[0] + first[1])
        for y in range(image.height())
        if abs(image.pixelColor(x, y).lightness() - image.pixelColor(first[0] + 2, 2).lightness()) > 80
    )
    assert inked > 30


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_ports_filter_hint_is_read_whole(laptop, lang):
    _show(laptop, lang, 0)
    line = laptop.ports_tab.text_filter
    hint = line.placeholderText()
    assert hint and line.fontMetrics().horizontalAdvance(hint) + 16 <= line.width()


def test_a_wide_window_gives_the_subject_list_room_to_keep_every_name_on_one_line(qtbot, qt_fonts, settings):
    window = show_window(qtbot, qt_fonts, settings, size=(1920, 1080))
    try:
        _show(window, "en", 1)
        view = window.indicators_tab.subject_view
        line = view.fontMetrics().height()
        wrapped = [str(i.data()) for i in all_indexes(view.model()) if view.visualRect(i).height() > line * 1.6]
        assert wrapped == []
    finally:
        i18n.set_language("zh", QApplication.instance())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_window_fits_a_1366_screen_with_its_banner_whole(laptop, lang):
    _show(laptop, lang, 0)
    assert laptop.width() <= 1366 and laptop.minimumSizeHint().width() <= 1366
    banner = laptop.banner
    assert banner.heightForWidth(banner.width()) <= banner.height()


def test_at_150_percent_every_fact_card_is_as_tall_as_its_wrapped_lines(qtbot, qapp, qt_fonts, settings):
    """Seen at 150 % on 1366x768 in English: a card's source line ran over its note and its last
    line was cut, the card's row being sized for shorter texts."""
    from briefing.drawing import fonts

    fonts.apply_font(qapp, qt_fonts, 1.5)
    try:
        window = show_window(qtbot, qt_fonts, settings, size=(1366, 768))
        window.tabs.setCurrentIndex(1)
        window.selection.select_subject("manzhouli-rail")
        for language in ("en", "zh", "en"):  # the cards filled again in each language
            window.set_language(language)
            for _ in range(5):
                QApplication.processEvents()
        cards = window.indicators_tab.cards.cards
        assert len(cards) > 3
        short = [c.value.text() for c in cards if c.height() < c.layout().totalHeightForWidth(c.width())]
        assert short == []
    finally:
        i18n.set_language("zh", qapp)
        fonts.apply_font(qapp, qt_fonts, 1.0)
