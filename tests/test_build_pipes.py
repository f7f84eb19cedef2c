"""A pipe, folder or device where the build expects a curated file or the map outlines: one line
naming it, exit status 1, at once (a read from a pipe would never end), and nothing written."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")


def build(folder, output):
    return subprocess.run(
        [sys.executable, "-m", "briefing", "build", str(folder), "-o", str(output)],
        capture_output=True,
        text=True,
        timeout=60,  # a blocked read would hang here, not pass
    )


@pytest.mark.parametrize("name", ["ports.csv", "sources.csv", "briefing.toml", "outlines"])
def test_a_pipe_in_place_of_a_curated_file_is_refused_at_once(fixture_copy, tmp_path, name):
    if name == "outlines":
        geo = tmp_path / "resources" / "geo" / "nmg_leagues.geojson"
        geo.unlink()
        os.mkfifo(geo)
        target = geo
    else:
        target = fixture_copy / name
        target.unlink()
        os.mkfifo(target)
    output = tmp_path / "out.sqlite"
    result = build(fixture_copy, output)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert str(target.name) in lines[0] and "not a regular file" in lines[0]
    assert not output.exists()


def test_a_folder_in_place_of_a_curated_file_is_named_as_such(fixture_copy, tmp_path):
    (fixture_copy / "speakers.csv").unlink()
    (fixture_copy / "speakers.csv").mkdir()
    result = build(fixture_copy, tmp_path / "out.sqlite")
    assert result.returncode == 1 and "speakers.csv:0: is not a regular file" in result.stderr
