"""One translation layer: the English handout says every kind, mode and body word exactly as the
interface's catalogue translates it (there is no second table of the handout's own)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from briefing.drawing import i18n
from briefing.drawing.formatting import body_label, kind_label, mode_label
from briefing.export.handout import prepare, write_handout

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_english_handout_uses_the_interfaces_words(qapp, fixture_briefing, tmp_path):
    assert i18n.current_language() == "zh"  # the handout's language is its own, not the interface's
    prepare()
    path = tmp_path / "handout-en.pdf"
    write_handout(fixture_briefing, path, "en")
    text = _flat(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout)

    kinds = {obs.kind for s in fixture_briefing.subjects for obs in fixture_briefing.observations_for(s.id)}
    modes = {port.mode for port in fixture_briefing.ports}
    bodies = {d.body for d in fixture_briefing.delegates}
    assert {"reported", "target", "lower_bound", "derived"} <= kinds and len(modes) == 3 and len(bodies) == 3
    words = {kind_label(k, "en") for k in kinds} | {mode_label(m, "en") for m in modes}
    words |= {body_label(b, "en") for b in bodies}
    for word in sorted(words):
        assert word not in {kind_label(k) for k in kinds}, f"{word!r} is the Chinese word: nothing was translated"
        assert _flat(word) in text, f"the English handout lacks {word!r}"
