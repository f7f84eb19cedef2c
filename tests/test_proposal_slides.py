"""A proposal slide is composed for the room: its key sentences set large and stood in the space
under the speaker, not bunched at the top with the lower half of the slide empty."""

from __future__ import annotations

from briefing.drawing.slides import deck
from briefing.drawing.slides.paint import slide_text_boxes


def test_every_quotation_fills_the_middle_of_its_slide(qapp, bundled):
    slides = [
        s for s in deck.slides_for_stops(bundled, deck.default_stops(bundled, "zh"), "zh") if s.kind == "proposal"
    ]
    assert len(slides) == 10
    width, height = 1366, 768
    for slide in slides:
        (quote,) = [box for box in slide_text_boxes(slide, (width, height)) if box.role == "quote"]
        middle = quote.rect.center().y()
        assert middle > 0.42 * height, (slide.title, middle)  # not bunched under the header
        assert quote.rect.bottom() < 0.9 * height
        assert quote.px >= height * 0.042
