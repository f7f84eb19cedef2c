"""The overview slide counts every port by mode in its legend; the ports it cannot draw are told to
the room in the same legend, in the slide's language, so the counts and the map never disagree."""

from __future__ import annotations

import pytest

from briefing.drawing.slides import deck


@pytest.mark.parametrize(
    "language, words", [("zh", "另有 {n} 个无可靠坐标,未标出"), ("en", "{n} more not drawn (no reliable location)")]
)
def test_the_overview_legend_says_how_many_ports_are_not_drawn(qapp, fixture_briefing, language, words):
    (overview,) = [
        s
        for s in deck.slides_for_stops(fixture_briefing, deck.default_stops(fixture_briefing), language)
        if s.kind == "overview"
    ]
    legend = dict(overview.picture.legend)
    unplaced = [p for p in fixture_briefing.ports if not p.has_position]
    drawn = overview.picture.ports
    assert unplaced and len(drawn) + len(unplaced) == len(fixture_briefing.ports)
    assert legend["note"] == words.format(n=len(unplaced))
    counted = sum(int(text.rsplit(" ", 1)[1]) for key, text in legend.items() if key in ("rail", "road", "air"))
    assert counted == len(fixture_briefing.ports)  # the mode counts are of every port, drawn or not
