"""One colour, one meaning: a colour says the kind of a figure (reported, target, derived …) and
nothing else. A port's mode is its marker's shape and a speaker's body is a word, on screen, on the
stage and in the handout, in both themes; and every map legend explains the shapes it draws."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel

from briefing.drawing import themes
from briefing.drawing.formatting import mode_label
from briefing.drawing.map_geometry import map_word
from briefing.drawing.slides import deck
from briefing.drawing.slides.colours import contrast, slide_colours
from briefing.drawing.slides.paint import slide_text_boxes
from briefing.drawing.slides.pictures import draw_picture
from briefing.drawing.slides.shots import slide_image
from briefing.drawing.slides.text import Canvas
from briefing.export import map_figure
from briefing.store.records import MODES
from briefing.ui.common import theme_widgets
from briefing.ui.ports.map_items import marker_sprite
from briefing.ui.ports.map_overlays import legend_icon
from briefing.ui.ports.map_view import PortMap
from briefing.ui.proposals.proposal_models import CardRole, ProposalTableModel, SpeakerTableModel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

THEMES = (themes.LIGHT, themes.DARK)
CLOSE = 20.0  # CIE76 distance under which two colours read as one (the kinds' own are 17 to 40 apart)


def lab(colour: QColor) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in colour.getRgbF()[:3]]
    x = (0.4124 * linear[0] + 0.3576 * linear[1] + 0.1805 * linear[2]) / 0.95047
    y = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    z = (0.0193 * linear[0] + 0.1192 * linear[1] + 0.9505 * linear[2]) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def distance(a: QColor, b: QColor) -> float:
    return sum((p - q) ** 2 for p, q in zip(lab(a), lab(b))) ** 0.5


def kind_like(colour: QColor, theme: themes.Theme) -> list[str]:
    """The kinds of figure whose colour this one equals or resembles."""
    return [kind for kind, accent in theme.accents.items() if distance(colour, QColor(accent)) < CLOSE]


def test_the_measure_tells_the_old_clashes_apart():
    """The old road blue was the reported blue, the old official grey the derived grey: caught."""
    assert kind_like(QColor("#1763b0"), themes.LIGHT) == ["reported"]
    assert kind_like(QColor("#b1bac4"), themes.DARK) == ["derived"]
    assert kind_like(QColor("#15191e"), themes.LIGHT) == [] and kind_like(QColor("#ffffff"), themes.DARK) == []


def painted(width: int, height: int, paper: QColor, draw) -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(paper)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw(painter)
    painter.end()
    return image


def colours_in(image: QImage, where=None, skip: set[int] = frozenset()) -> Counter:  # type: ignore[assignment]
    """How many opaque pixels of each colour (rgb) an image has (where `where(x, y)`), but `skip`."""
    counts: Counter = Counter()
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixel(x, y)
            if pixel >> 24 == 0xFF and (pixel & 0xFFFFFF) not in skip and (where is None or where(x, y)):
                counts[pixel & 0xFFFFFF] += 1
    return counts


def centre_colours(image: QImage, paper: int) -> list[int]:
    """The colour (rgb) at the middle of each shape in a row of three, each found as the box of the
    pixels that are not paper within its third of the picture."""
    found = []
    third = image.width() / 3
    for column in range(3):
        xs, ys = [], []
        for y in range(image.height()):
            for x in range(round(column * third), round((column + 1) * third)):
                pixel = image.pixel(x, y)
                if pixel >> 24 == 0xFF and (pixel & 0xFFFFFF) != paper:
                    xs.append(x)
                    ys.append(y)
        middle = ((min(xs) + max(xs)) // 2, (min(ys) + max(ys)) // 2 + (column == 2))  # a triangle's middle is low
        found.append(image.pixel(*middle) & 0xFFFFFF)
    return found


def ink(counts: Counter) -> QColor:
    """The colour most pixels have: a marker's fill or rim."""
    return QColor.fromRgb(counts.most_common(1)[0][0])


def rgb(colour: str) -> int:
    return QColor(colour).rgb() & 0xFFFFFF


def assert_one_colour_not_a_kind(found: dict, theme: themes.Theme, what: str) -> None:
    assert len({colour.rgb() for colour in found.values()}) == 1, f"{what} told apart by colour: {found}"
    colour = next(iter(found.values()))
    assert not kind_like(colour, theme), f"{what} in {colour.name()}, the colour of {kind_like(colour, theme)}"


@pytest.fixture
def theme_applied(qapp, qt_fonts):
    applied = []

    def apply(theme: themes.Theme) -> None:
        theme_widgets.apply_theme(theme.name, qapp)
        applied.append(theme)

    yield apply
    theme_widgets.apply_theme("light", qapp)


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_the_screen_map_draws_every_mode_in_one_ink_that_is_no_kind_colour(theme, theme_applied):
    theme_applied(theme)
    base = rgb(theme.base)
    for hollow in (False, True):
        found = {}
        for mode in MODES:
            sprite, _ = marker_sprite(mode, hollow, 9.0, 1.0)
            found[mode] = ink(colours_in(sprite.toImage(), skip={base}))
        assert_one_colour_not_a_kind(found, theme, f"{'hollow' if hollow else 'solid'} markers on screen")
        legend = {
            mode: ink(colours_in(legend_icon((mode,), hollow, 9.0, 1.0).toImage(), skip={base})) for mode in MODES
        }
        assert legend == found  # the legend draws the markers as the map does
    # and the one ink stands out on the land (3:1 for a mark, WCAG 1.4.11)
    assert (
        contrast(
            ink(colours_in(marker_sprite("road", False, 9.0, 1.0)[0].toImage(), skip={base})).name(), theme.map_land
        )
        >= 3
    )


def test_the_handout_map_draws_every_mode_in_one_ink_that_is_no_kind_colour(qapp):
    paper = rgb("#ffffff")
    for hollow in (False, True):
        found = {
            mode: ink(
                colours_in(
                    painted(
                        40,
                        40,
                        QColor("white"),
                        lambda p, m=mode, h=hollow: map_figure.draw_marker(p, m, h, QPointF(20, 20), 10),
                    ),
                    skip={paper},
                )
            )
            for mode in MODES
        }
        assert_one_colour_not_a_kind(found, themes.LIGHT, "markers in the handout")  # print colours: the light kinds
        assert contrast(next(iter(found.values())).name(), map_figure.LAND.name()) >= 3


def map_with_every_port_as(picture, mode: str):
    return replace(picture, ports=tuple(replace(p, mode=mode, label="") for p in picture.ports), legend=())


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_the_slides_draw_every_mode_in_one_ink_that_is_no_kind_colour(bundled, theme, qapp, qt_fonts):
    """The overview's map drawn with every port as a railway, a road, an airport: where the pictures
    differ are the markers, and they differ in shape only."""
    (overview,) = deck.slides_for_stops(bundled, [{"slide": "overview"}], "zh")
    c = slide_colours(theme)

    def draw(mode: str) -> QImage:
        def paint(painter: QPainter) -> None:
            draw_picture(
                Canvas(painter, QRectF(0, 0, 960, 540), c),
                QRectF(0, 0, 960, 540),
                map_with_every_port_as(overview.picture, mode),
            )

        return painted(960, 540, QColor(c.background), paint)

    images = {mode: draw(mode) for mode in MODES}
    surfaces = {rgb(x) for x in (c.background, c.land, c.land_marked, c.sea, c.border, c.halo)}
    found = {}
    for mode, image in images.items():
        other = images["road" if mode != "road" else "rail"]
        counts = colours_in(image, lambda x, y, o=other, i=image: i.pixel(x, y) != o.pixel(x, y), surfaces)
        assert sum(counts.values()) > 100, f"no {mode} markers drawn"
        found[mode] = ink(counts)
    assert_one_colour_not_a_kind(found, theme, "markers on the stage")
    assert contrast(found["rail"].name(), c.land) >= 3


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_speakers_bodies_are_words_not_colours_in_the_proposals_tab(fixture_briefing, theme, theme_applied):
    theme_applied(theme)
    delegates = fixture_briefing.delegates
    speakers = SpeakerTableModel()
    speakers.set_rows(delegates, {})
    proposals = ProposalTableModel()
    proposals.set_rows(fixture_briefing.proposals(), delegates)
    bodies = {}
    for row in range(1, speakers.rowCount()):
        title, subtitle, _, colour = speakers.data(speakers.index(row, 0), CardRole)
        delegate = delegates[row - 1]
        assert subtitle  # the body, said in words
        bodies.setdefault(delegate.body, colour)
        assert colour == bodies[delegate.body]
        for role in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            assert speakers.data(speakers.index(row, SpeakerTableModel.COL_BODY), role) is None
    for row in range(proposals.rowCount()):
        colour = proposals.data(proposals.index(row, 0), CardRole)[3]
        if colour is not None:
            assert colour in bodies.values()
    assert set(bodies) == {"npc_deputy", "cppcc_member", "official"}
    assert_one_colour_not_a_kind(bodies, theme, "speakers' bodies")


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_a_proposal_slide_looks_the_same_whatever_the_speakers_body(bundled, theme, qapp, qt_fonts):
    slides = deck.slides_for_stops(bundled, deck.default_stops(bundled, "zh"), "zh")
    slide = next(s for s in slides if isinstance(s, deck.ProposalSlide) and s.sentences)
    size = (960, 540)
    images = {
        body: slide_image(replace(slide, body=body), theme, size) for body in ("npc_deputy", "cppcc_member", "official")
    }
    first = images["npc_deputy"]
    assert all(image == first for image in images.values()), "the seat's bar changes colour with the body"
    # the bar beside the quotation, and the quotation: nothing there in a kind's colour (areas of one
    # colour, not the grey edges of letters)
    bare = slide_image(replace(slide, sentences=(), ranks=()), theme, size)

    def inside_a_mark(x: int, y: int) -> bool:
        pixel = first.pixel(x, y)
        return (
            pixel != bare.pixel(x, y)
            and 0 < x < first.width() - 1
            and 0 < y < first.height() - 1
            and all(first.pixel(x + dx, y + dy) == pixel for dx in (-1, 0, 1) for dy in (-1, 0, 1))
        )

    marks = colours_in(first, inside_a_mark, {rgb(slide_colours(theme).background)})
    assert sum(marks.values()) > 100, "no quotation drawn"
    for colour, count in marks.items():
        assert count < 50 or not kind_like(QColor.fromRgb(colour), theme), (
            f"{QColor.fromRgb(colour).name()} looks like a kind"
        )


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_a_comparison_marks_its_subject_with_a_star_and_ink_not_a_kinds_colour(bundled, theme, qapp, qt_fonts):
    """The subject's own bar stood out in orange, which is a target's colour (the dark one all but
    equal to it): solid bars of reported figures are ink for the subject, grey-blue for the others."""
    slides = deck.slides_for_stops(bundled, deck.default_stops(bundled, "zh"), "zh")
    comparisons = [s.picture for s in slides if getattr(s, "picture", None) and s.picture.kind == "comparison"]
    picture = next(p for p in comparisons if all(kind == "reported" for _, _, kind, _, _ in p.bars))
    c = slide_colours(theme)

    def paint(painter: QPainter) -> None:
        draw_picture(Canvas(painter, QRectF(0, 0, 960, 540), c), QRectF(0, 0, 960, 540), picture)

    image = painted(960, 540, QColor(c.background), paint)

    def inside_an_area(x: int, y: int) -> bool:
        pixel = image.pixel(x, y)
        return (
            0 < x < image.width() - 1
            and 0 < y < image.height() - 1
            and all(image.pixel(x + dx, y + dy) == pixel for dx in (-1, 0, 1) for dy in (-1, 0, 1))
        )

    areas = {colour: n for colour, n in colours_in(image, inside_an_area, {rgb(c.background)}).items() if n >= 300}
    assert len(areas) >= 2, "the subject's bar and the others' bars"
    for colour in areas:
        assert not kind_like(QColor.fromRgb(colour), theme), (
            f"a bar in {QColor.fromRgb(colour).name()}, a kind's colour"
        )
    assert any(name.startswith("★") for name, *_ in picture.bars)  # the subject is starred


# -- the legends explain what the maps draw ---------------------------------------------------------


def test_the_screen_map_legend_names_every_shape_and_fill_it_draws(qtbot, fixture_briefing, qt_fonts):
    view = PortMap()
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.set_briefing(fixture_briefing)
    view.show()
    qtbot.waitExposed(view)
    drawn = {(marker.port.mode, marker.hollow) for marker in view._markers.values()}
    assert {mode for mode, _ in drawn} == set(MODES) and {hollow for _, hollow in drawn} == {False, True}
    words = [label.text() for label in view.legend.findChildren(QLabel) if label.text()]
    for mode, hollow in drawn:
        assert mode_label(mode) in words
        assert map_word("approximate" if hollow else "exact") in words
    # each row's picture: its mode's shape alone, or every shape solid, or every shape hollow
    pictures = [label.pixmap() for label in view.legend.findChildren(QLabel) if not label.pixmap().isNull()]
    assert len(pictures) == len(MODES) + 2
    solid, hollow = pictures[-2].toImage(), pictures[-1].toImage()
    paper, marker = rgb(themes.current().base), rgb(themes.current().map_ink)
    assert colours_in(hollow)[paper] > 2 * colours_in(solid)[paper]  # hollow: paper inside
    # at the middle of each of the three shapes: ink in the solid row, paper in the hollow one
    assert centre_colours(solid, paper) == [marker] * len(MODES)
    assert centre_colours(hollow, paper) == [paper] * len(MODES)
    for number in range(len(MODES)):  # each mode's shape stands in its own column, over the same shape
        shape = pictures[number].toImage()
        assert {x for x in range(shape.width()) for y in range(shape.height()) if shape.pixel(x, y) >> 24} <= {
            x for x in range(solid.width()) for y in range(solid.height()) if solid.pixel(x, y) >> 24
        }


def test_every_map_slide_legend_names_every_shape_it_draws(bundled, qapp, qt_fonts):
    """The overview, a port's map, a group of ports: each shape drawn (the small unmarked ports' too)
    and a hollow marker, if any is drawn, are in the legend under the map, as words shown."""
    for language in ("zh", "en"):
        slides = deck.slides_for_stops(bundled, deck.default_stops(bundled, language), language)
        maps = [s for s in slides if getattr(s, "picture", None) is not None and s.picture.kind == "map"]
        assert any(isinstance(s, deck.OverviewSlide) for s in maps) and any(
            isinstance(s, deck.ProfileSlide) for s in maps
        )
        for slide in maps:
            picture = slide.picture
            keys = [key for key, _ in picture.legend]
            assert {p.mode for p in picture.ports} <= set(keys), f"{slide.stop_name}: {keys}"
            assert ("hollow" in keys) == any(p.hollow for p in picture.ports)
            shown = {box.text for box in slide_text_boxes(slide, (1366, 768)) if box.role == "map_legend"}
            for key, text in picture.legend:
                assert text in shown, f"{slide.stop_name}: the legend's {key!r} is not shown ({language})"
                if key in MODES:
                    assert mode_label(key, language) in text
