"""On paper, as on screen, where a port is drawn is sourced: the handout's roster says how precise each
marker is and cites the sources of its point (an encyclopedia entry with the day it was consulted),
or says it is not drawn; in English the counterpart ports and the citations are English."""

from __future__ import annotations

import re
import shutil
import subprocess

import fixture_facts as F
import pytest

from briefing.drawing.formatting import precision_label, source_date
from briefing.export.handout import prepare, write_handout

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")


def handout_text(briefing, path, language: str) -> str:
    prepare()
    write_handout(briefing, path, language)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_roster_says_where_each_port_is_drawn_and_from_what(qapp, fixture_briefing, tmp_path, language):
    text = handout_text(fixture_briefing, tmp_path / f"h-{language}.pdf", language)
    exact = fixture_briefing.port(F.EXACT_PORT)
    assert precision_label(exact.coord_precision, language) in text
    assert ("未标注" if language == "zh" else "Not drawn") in text  # the fixture has unplaced ports
    # every source of a drawn point is listed with its date, the encyclopedia's as the day it was read
    cited = {
        source.id: source
        for port in fixture_briefing.ports
        if port.has_position
        for role, source in fixture_briefing.port_sources(port.id)
        if role == "coordinate"
    }
    consulted = [s for s in cited.values() if not s.published]
    assert consulted, "the fixture places a port on an encyclopedia entry"
    for source in cited.values():
        assert f"{source.title}" in text and source_date(source, language) in text, source.id
    assert ("查阅于 " if language == "zh" else "accessed ") + consulted[0].accessed in text


def test_the_english_roster_names_the_counterpart_in_english(qapp, fixture_briefing, tmp_path):
    text = handout_text(fixture_briefing, tmp_path / "h-en.pdf", "en")
    port = fixture_briefing.port(F.EXACT_PORT)
    assert port.counterpart_en and port.counterpart_en in text
    assert f"· {port.counterpart} " not in text
