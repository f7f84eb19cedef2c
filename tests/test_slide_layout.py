"""How the stage's slides are composed, as a room would notice it: a town's port markers on the overview
map stand apart (and near their true places), and a short passage stands in the middle of its slide,
not at the top of an empty page."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QRectF

from briefing.drawing.slides import deck
from briefing.drawing.slides.paint import laid_out_slide
from briefing.drawing.slides.pictures import spread_markers

SIZES = ((1366, 768), (1920, 1080))


@pytest.fixture(scope="module")
def overviews(qapp, bundled):
    return [deck.slides_for_stops(bundled, deck.default_stops(bundled, lang), lang)[0] for lang in ("zh", "en")]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_two_markers_of_the_overview_map_touch(overviews, size):
    for slide in overviews:
        assert isinstance(slide, deck.OverviewSlide)
        markers = laid_out_slide(slide, size).markers
        ids = {pid for pid, _, _ in markers}
        assert {"manzhouli-rail", "manzhouli-air", "erenhot-rail", "erenhot-air"} <= ids
        touching = [
            (a, b)
            for i, (a, box_a, _) in enumerate(markers)
            for b, box_b, _ in markers[i + 1 :]
            if box_a.intersects(box_b)
        ]
        assert touching == []


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_overview_markers_stay_near_their_true_places(overviews, size):
    """A town's markers move aside by about one marker's width; a lone port stays where it is."""
    height = size[1]
    markers = laid_out_slide(overviews[0], size).markers
    moved = {pid: math.dist((box.center().x(), box.center().y()), (true.x(), true.y())) for pid, box, true in markers}
    assert max(moved.values()) < height * 0.06, moved  # 46 px at 768: a row of three markers
    # a port with no other within three markers' widths of its point is not moved at all (Ceke, out west)
    width = max(box.width() for _, box, _ in markers)
    lone = [
        pid
        for pid, _, true in markers
        if all(math.dist((true.x(), true.y()), (t.x(), t.y())) > 3 * width for p, _, t in markers if p != pid)
    ]
    assert "ceke" in lone and all(moved[pid] < 1 for pid in lone)
    # the town's row keeps its ports left to right as their points lie (air is west of the city at Manzhouli)
    row = sorted((box.center().x(), pid) for pid, box, _ in markers if pid.startswith("erenhot-"))
    assert [pid for _, pid in row] == ["erenhot-rail", "erenhot-road", "erenhot-air"]


def test_markers_at_one_point_go_side_by_side_and_a_lone_one_stays():
    from PySide6.QtCore import QPointF

    box = QRectF(-10, -10, 20, 20)
    true = {"a": QPointF(100, 100), "b": QPointF(100, 100), "c": QPointF(300, 100)}
    at = spread_markers(true, dict.fromkeys(true, box), 2.0, {"a": 0, "b": 1, "c": 0})
    assert at["c"] == true["c"]
    assert at["a"].y() == at["b"].y() == 100
    assert at["b"].x() - at["a"].x() == pytest.approx(22)  # one width and the gap
    assert (at["a"].x() + at["b"].x()) / 2 == pytest.approx(100)  # centred on the point


@pytest.fixture(scope="module")
def shortest_passage(qapp, bundled):
    shortest = min(bundled.passages(), key=lambda p: len(p.text))
    (slide,) = deck.slides_for_stops(bundled, [{"tab": "sources", "passage_id": shortest.id}], "zh")
    assert isinstance(slide, deck.PassageSlide) and slide.quote == shortest.text
    return slide


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_short_passage_stands_in_the_middle_of_its_slide(shortest_passage, size):
    width, height = size
    boxes = laid_out_slide(shortest_passage, size).boxes
    (quote,) = [b for b in boxes if b.role == "quote"]
    header_bottom = max(b.rect.bottom() for b in boxes if b.role not in ("quote", "mark"))
    middle = (header_bottom + height) / 2
    assert abs(quote.rect.center().y() - middle) < height * 0.08  # centred under the header, not at its top
    assert quote.px >= height * 0.08  # set large, as there is room for it
    assert not quote.clipped


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_agendas_passage_leaves_no_third_of_its_slide_empty(qapp, bundled, size):
    """The shipped agenda's passage (a few lines): neither above nor below it a band of empty slide
    a third of the slide's height."""
    stop = {"tab": "sources", "subject_id": "erenhot-rail", "passage_id": "p16"}
    (slide,) = deck.slides_for_stops(bundled, [stop], "zh")
    height = size[1]
    boxes = laid_out_slide(slide, size).boxes
    (quote,) = [b for b in boxes if b.role == "quote"]
    header_bottom = max(b.rect.bottom() for b in boxes if b.role not in ("quote", "mark"))
    assert quote.rect.top() - header_bottom < height / 3
    assert height - quote.rect.bottom() < height / 3


@pytest.fixture(scope="module")
def default_decks(qapp, bundled):
    return [deck.slides_for_stops(bundled, deck.default_stops(bundled, lang), lang) for lang in ("zh", "en")]


def _ink(box) -> tuple[float, float]:
    """The top of the first line's glyphs and the bottom of the last line's, as the slide draws them."""
    from PySide6.QtGui import QFontMetricsF

    from briefing.drawing.slides.text import lay_out

    laid = lay_out(box.text, box.px, box.rect.width(), box.bold)
    metrics = QFontMetricsF(laid.layout.font())
    first, last = laid.layout.lineAt(0), laid.layout.lineAt(laid.layout.lineCount() - 1)
    top_line = box.text[first.textStart() : first.textStart() + first.textLength()]
    bottom_line = box.text[last.textStart() : last.textStart() + last.textLength()]
    top = box.rect.top() + first.y() + first.ascent() + metrics.tightBoundingRect(top_line).top()
    bottom = box.rect.top() + last.y() + last.ascent() + metrics.tightBoundingRect(bottom_line).bottom()
    return top, bottom


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_figure_reaches_into_the_line_under_it(default_decks, size):
    """A hero figure's descenders ("101 flights") end above the glyphs of the line under it."""
    problems, checked = [], 0
    for slides in default_decks:
        for slide in slides:
            boxes = laid_out_slide(slide, size).boxes
            for hero in (b for b in boxes if b.role in ("hero", "hero_prefix")):
                below = [
                    b for b in boxes if b.rect.top() > hero.rect.top() + 1 and abs(b.rect.left() - hero.rect.left()) < 1
                ]
                if not below:
                    continue
                nearest = min(below, key=lambda b: b.rect.top())
                checked += 1
                reach = _ink(hero)[1] - _ink(nearest)[0]
                if reach > 0:
                    problems.append(f"{hero.text!r} reaches {reach:.1f} px into {nearest.text!r}")
    assert checked > 20
    assert problems == []


def test_a_figure_without_room_does_not_keep_out_a_shorter_one_after_it(default_decks):
    """In English the region's first figure takes two lines; the next (8,357 vehicles) has no room
    left, but the one after it (68.3 %) has, and is shown rather than an empty half column."""
    region = next(s for s in default_decks[1] if isinstance(s, deck.SubjectSlide) and len(s.heroes) >= 3)
    shown = [b.text for b in laid_out_slide(region, (1366, 768)).boxes if b.role == "hero"]
    assert len(shown) >= 2, shown


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_place_name_on_a_slide_map_hides_a_marker(default_decks, size):
    """A named port's name goes where it covers no marker, not even a small one of a port nearby."""
    hidden, named = [], 0
    for slides in default_decks:
        for slide in slides:
            canvas = laid_out_slide(slide, size)
            for label in (b for b in canvas.boxes if b.role == "map_label"):
                named += 1
                hidden += [(label.text, pid) for pid, box, _ in canvas.markers if label.rect.intersects(box)]
    assert named > 20
    assert hidden == []


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_overview_shows_all_three_figures_in_chinese(default_decks, size):
    """Room for the descenders costs no figure: the Chinese overview keeps its three."""
    overview = default_decks[0][0]
    assert len([b for b in laid_out_slide(overview, size).boxes if b.role == "hero"]) == 3


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_lone_figure_beside_a_map_stands_by_its_middle(default_decks, size):
    """The English overview has room for one figure: it stands level with the map's middle, not at
    the top of an otherwise empty column."""
    height = size[1]
    canvas = laid_out_slide(default_decks[1][0], size)
    (hero,) = [b for b in canvas.boxes if b.role == "hero"]
    texts = [b for b in canvas.boxes if abs(b.rect.left() - hero.rect.left()) < 1]
    middle = (min(b.rect.top() for b in texts) + max(b.rect.bottom() for b in texts)) / 2
    markers = [box for _, box, _ in canvas.markers]
    map_middle = (min(b.top() for b in markers) + max(b.bottom() for b in markers)) / 2
    assert abs(middle - map_middle) < height * 0.12
