"""The stage's slides as a room sees them: every text at least 1/40 of the slide's height (hero
figures 1/8), nothing clipped or elided at 1366x768, 1920x1080 and 200 %, contrast 7:1 in both
themes, a profile for every port without figures, and the figures as written with their sources."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QRectF

from briefing import paths
from briefing.drawing.slides import deck
from briefing.drawing.slides.colours import contrast
from briefing.drawing.slides.paint import slide_text_boxes
from briefing.drawing.slides.shots import parse_size, slide_image
from briefing.drawing.themes import DARK, LIGHT
from briefing.ui.presenting.agenda import load_agenda

SIZES = ((1366, 768), (1920, 1080))  # 3840x2160 at 200 % lays out as 1920x1080 (see the last tests)
AGENDA = paths.bundled_sources() / "agenda.json"


@pytest.fixture(scope="module")
def decks(qapp, bundled):
    """Every slide of the default agenda (Chinese and English) and of the shipped agenda."""
    default = deck.default_stops(bundled, "zh")
    shipped = load_agenda(AGENDA).stops
    return {
        ("default", "zh"): deck.slides_for_stops(bundled, default, "zh"),
        ("default", "en"): deck.slides_for_stops(bundled, default, "en"),
        ("shipped", "zh"): deck.slides_for_stops(bundled, shipped, "zh"),
        ("shipped", "en"): deck.slides_for_stops(bundled, shipped, "en"),
    }


def _all(decks):
    return [(key, number, slide) for key, slides in decks.items() for number, slide in enumerate(slides, 1)]


@pytest.mark.parametrize("size", SIZES + ((3840, 2160),), ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_text_is_large_enough_and_whole(decks, size):
    width, height = size
    problems = []
    for key, number, slide in _all(decks):
        boxes = slide_text_boxes(slide, size)
        assert boxes, f"{key} slide {number} shows no text"
        for box in boxes:
            where = f"{key} slide {number} ({slide.kind}) {box.role} {box.text[:24]!r}"
            if box.px < height / 40 - 0.01:
                problems.append(f"{where}: {box.px:.1f} px < {height / 40:.1f}")
            if box.role == "hero" and box.px < height / 8 - 0.01:
                problems.append(f"{where}: hero {box.px:.1f} px < {height / 8:.1f}")
            if box.elided or box.clipped:
                problems.append(f"{where}: cut short")
            if box.role != "mark" and not QRectF(0, 0, width, height).contains(box.rect):
                problems.append(f"{where}: outside the slide {box.rect}")
    assert not problems, "\n".join(problems)


def test_slides_with_figures_show_at_least_one_hero_with_its_source(decks):
    for key, number, slide in _all(decks):
        heroes = getattr(slide, "heroes", ())
        if not heroes:
            continue
        for size in SIZES:
            boxes = slide_text_boxes(slide, size)
            shown = [b.text for b in boxes if b.role == "hero"]
            assert shown, f"{key} slide {number}: no figure shown at {size}"
            texts = " ".join(b.text for b in boxes)
            for hero in heroes:
                if any(hero.value.endswith(text) for text in shown):  # "over" may stand on a line above
                    assert hero.source and hero.source in texts, f"{hero.value} shown without its source"


@pytest.mark.parametrize("theme", (LIGHT, DARK), ids=("light", "dark"))
def test_every_text_has_seven_to_one_contrast(decks, theme):
    for key, number, slide in _all(decks):
        for box in slide_text_boxes(slide, (1920, 1080), theme):
            ratio = contrast(box.colour, box.background)
            assert ratio >= 7, f"{key} slide {number} {box.role} {box.text[:20]!r}: {ratio:.2f}:1 in {theme.name}"


def test_a_port_without_figures_gets_a_profile_slide(bundled, qapp):
    port = next(p for p in bundled.ports if not bundled.observations_for(p.id))
    (slide,) = deck.slides_for_stops(bundled, [{"tab": "indicators", "subject_id": port.id}], "zh")
    assert isinstance(slide, deck.ProfileSlide)
    assert slide.picture is not None and slide.picture.kind == "map"
    texts = [b.text for b in slide_text_boxes(slide, (1366, 768))]
    assert port.name_zh in texts
    assert any("公路" in t or "铁路" in t or "航空" in t for t in texts)  # its mode, never a blank screen
    (entry,) = slide.entries
    assert entry.said  # what the article says of it, or that it does not name it


def test_the_default_agenda_groups_the_ports_without_figures(bundled, qapp):
    stops = deck.default_stops(bundled, "zh")
    without = [p.id for p in bundled.ports if not bundled.observations_for(p.id)]
    grouped = [pid for s in stops if s.get("slide") == "profiles" for pid in s["ports"]]
    assert sorted(grouped) == sorted(without)
    assert len([s for s in stops if s.get("slide") == "profiles"]) <= len(without) / 2
    kinds = [s.kind for s in deck.slides_for_stops(bundled, stops, "zh")]
    assert kinds[0] == "overview" and kinds[-1] == "sources"
    assert kinds.count("proposal") == len(bundled.proposals())
    with_figures = {p.id for p in bundled.ports} - set(without)
    assert {s.get("subject_id") for s in stops} >= with_figures


def test_names_in_both_languages_and_figures_as_written(bundled, qapp):
    stop = [{"tab": "indicators", "subject_id": "ceke"}]
    (zh,) = deck.slides_for_stops(bundled, stop, "zh")
    (en,) = deck.slides_for_stops(bundled, stop, "en")
    port = bundled.port("ceke")
    assert (zh.name, zh.other_name) == (port.name_zh, port.name_en)
    assert (en.name, en.other_name) == (port.name_en, port.name_zh)
    lower = next(h for h in zh.heroes if h.kind == "lower_bound")
    assert lower.value == "超2400万吨"  # as the article wrote it, 超 included
    assert "第" in lower.source and "段" in lower.source  # the paragraph it came from
    texts = [b.text for b in slide_text_boxes(en, (1920, 1080))]
    assert port.name_en in texts and port.name_zh in texts


def test_a_derived_value_is_marked_and_never_more_precise(bundled, qapp):
    (slide,) = deck.slides_for_stops(
        bundled, [{"tab": "indicators", "subject_id": "ordos", "chart": "nev-exports"}], "zh"
    )
    assert slide.picture.kind == "series"
    derived = [p for p in slide.picture.points if p[2] == "derived"]
    assert derived and all(p[1].startswith("≈") for p in derived)


def test_a_passage_slide_marks_the_cited_figure(bundled, qapp):
    stop = {"tab": "sources", "subject_id": "erenhot-rail", "passage_id": "p16"}
    (slide,) = deck.slides_for_stops(bundled, [stop], "zh")
    assert isinstance(slide, deck.PassageSlide)
    assert slide.highlight == "突破18000列" and slide.highlight in slide.quote
    boxes = slide_text_boxes(slide, (1366, 768))
    assert any(b.role == "mark" and b.text == slide.highlight for b in boxes)
    assert slide.citations[0].passage_id == "p16"


def test_a_proposal_slide_names_speaker_seat_and_ports(bundled, qapp):
    (slide,) = deck.slides_for_stops(
        bundled, [{"tab": "proposals", "proposal_id": "ling-yun-manzhouli-processing"}], "zh"
    )
    texts = " ".join(b.text for b in slide_text_boxes(slide, (1366, 768)))
    assert "凌云" in texts and "全国政协委员" in texts and "满洲里铁路口岸" in texts
    key = slide.sentences[slide.ranks[0]]
    assert key in texts  # at least the key sentence, whole
    assert "报告提出" not in slide.sentences[slide.ranks[0]]


def test_a_stop_naming_what_the_briefing_lacks_still_shows_a_slide(bundled, qapp):
    slides = deck.slides_for_stops(
        bundled, [{"tab": "indicators", "subject_id": "nowhere"}, {"tab": "proposals", "proposal_id": "none"}], "zh"
    )
    assert [s.kind for s in slides] == ["overview", "overview"]


def test_at_200_percent_the_slide_is_laid_out_as_at_full_hd(decks):
    slide = decks[("default", "zh")][0]
    image = slide_image(slide, LIGHT, (1920, 1080), 2.0)
    assert (image.width(), image.height()) == (3840, 2160)
    colours = {image.pixel(x, y) for x in range(0, 3840, 97) for y in range(0, 2160, 89)}
    assert len(colours) > 4  # painted, not blank


@pytest.mark.parametrize("text", ("1920", "0x0", "axb", "99999x2"))
def test_a_bad_size_is_refused_in_one_line(text):
    with pytest.raises(ValueError, match="--size"):
        parse_size(text)


def test_stage_screenshots_write_every_slide_of_the_shipped_agenda(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing",
            "view",
            "--agenda",
            str(AGENDA),
            "--stage-screenshots",
            str(tmp_path),
            "--size",
            "1366x768",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    shots = sorted(tmp_path.glob("*.png"))
    assert len(shots) == len(load_agenda(AGENDA).stops)
    assert shots[0].name == "01-overview.png" and shots[-1].name.endswith("-sources.png")


def test_the_shipped_agenda_presents_the_bundled_briefing(qtbot, qt_fonts, settings, bundled):
    """About ten minutes: a dozen stops, each naming only what the briefing has, each with short
    presenter notes in characters the bundled font has; the viewer opens it as --agenda does."""
    from conftest import show_window

    from briefing.ui.presenting.view_state import problems

    agenda = load_agenda(AGENDA)
    assert 10 <= len(agenda.stops) <= 14

    def drawn(ch: str) -> bool:  # the bundled subset has every GB 2312 character (resources/fonts/README.md)
        try:
            return ch.isascii() or bool(ch.encode("gb2312"))
        except UnicodeEncodeError:
            return False

    for stop in agenda.stops:
        assert stop.name and stop.notes and len(stop.notes) <= 80, stop.name
        assert problems(stop.view, bundled) == [], stop.name
        assert [ch for ch in stop.name + stop.notes if not drawn(ch)] == [], stop.name
    window = show_window(qtbot, qt_fonts, settings, size=(1366, 768))
    assert window.presenter_tools.start(AGENDA, recover=False) == ""
    assert window.presenter_tools.model.stops() == agenda.stops
