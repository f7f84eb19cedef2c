"""Agendas, the recovery record and settings as a user (or a crash) may leave them: each read in a
moment into an agenda or one clear line, the viewer always starting, never blocking on a pipe."""

from __future__ import annotations

import json
import logging
import math
import os
import time
from pathlib import Path

import pytest
from conftest import show_window
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings

from briefing import paths
from briefing.ui.common.settings import FONT_SCALE_MAX, FONT_SCALE_MIN, Settings
from briefing.ui.presenting import json_file
from briefing.ui.presenting.agenda import MAX_STOPS, Agenda, AgendaError, load_agenda, parse_agenda

GOOD_STOP = {
    "name": "满洲里",
    "tab": "ports",
    "subject_id": "manzhouli-rail",
    "map": {"zoom": 2, "center": [117.4, 49.6]},
}


def agenda_text(stops, **fields) -> str:
    return json.dumps({"version": 1, "briefing_sha256": "", "stops": stops, **fields}, ensure_ascii=False)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# (name, how to make the file in a folder, words the one-line refusal holds; None: it must open)
AGENDAS = [
    ("named pipe", lambda d: (os.mkfifo(d / "a.json"), d / "a.json")[1], "不是普通文件"),
    ("/dev/zero", lambda d: Path("/dev/zero"), "不是普通文件"),
    ("folder", lambda d: d, "文件夹"),
    ("missing", lambda d: d / "none.json", "找不到文件"),
    ("6 MB", lambda d: write(d / "a.json", b" " * (6 * 1024 * 1024)), "文件太大"),
    ("not UTF-8", lambda d: write(d / "a.json", b'{"version": 1, "stops": [{"name": "\xff"}]}'), "UTF-8"),
    (
        "UTF-8 with a byte-order mark (Notepad)",
        lambda d: write(d / "a.json", b"\xef\xbb\xbf" + agenda_text([GOOD_STOP]).encode()),
        None,
    ),
    ("400,000 empty stops", lambda d: write(d / "a.json", agenda_text([{}] * 400_000).encode()), "400000"),
    ("nested 100,000 deep", lambda d: write(d / "a.json", ("[" * 100_000 + "]" * 100_000).encode()), "嵌套"),
    (
        "nested deep in a stop",
        lambda d: write(d / "a.json", agenda_text([{"name": "x", "extra": json.loads("[" * 40 + "]" * 40)}]).encode()),
        "嵌套",
    ),
    (
        "a 5,000-digit number",
        lambda d: write(d / "a.json", ('{"version": ' + "9" * 5000 + ', "stops": []}').encode()),
        "数字",
    ),
    (
        "a zoom of 1e400",
        lambda d: write(
            d / "a.json", agenda_text([]).replace('"stops": []', '"stops": [{"map": {"zoom": 1e400}}]').encode()
        ),
        "数字",
    ),
    ("a zoom of NaN", lambda d: write(d / "a.json", b'{"version": 1, "stops": [{"map": {"zoom": NaN}}]}'), "数字"),
    (
        "a centre of Infinity",
        lambda d: write(d / "a.json", b'{"version": 1, "stops": [{"map": {"center": [Infinity, 40]}}]}'),
        "数字",
    ),
    (
        "a centre off the Earth",
        lambda d: write(d / "a.json", agenda_text([{"map": {"center": [1e300, 40]}}]).encode()),
        "center",
    ),
    ("a zoom below zero", lambda d: write(d / "a.json", agenda_text([{"map": {"zoom": -1}}]).encode()), "zoom"),
    ("a 2 MB stop name", lambda d: write(d / "a.json", agenda_text([{"name": "x" * 2_000_000}]).encode()), "太长"),
    ("empty", lambda d: write(d / "a.json", b""), "JSON"),
    ("null", lambda d: write(d / "a.json", b"null"), "version"),
    ("truncated", lambda d: write(d / "a.json", agenda_text([GOOD_STOP])[:-10].encode()), "JSON"),
    ("version as text", lambda d: write(d / "a.json", b'{"version": "1", "stops": []}'), "version"),
    ("version true", lambda d: write(d / "a.json", b'{"version": true, "stops": []}'), "version"),
    ("a newer version", lambda d: write(d / "a.json", b'{"version": 2, "stops": []}'), "2"),
    ("stops not a list", lambda d: write(d / "a.json", b'{"version": 1, "stops": {}}'), "stops"),
    ("a stop that is a number", lambda d: write(d / "a.json", agenda_text([5]).encode()), "1"),
    ("an unknown tab", lambda d: write(d / "a.json", agenda_text([{"tab": "<b>x</b>"}]).encode()), "tab"),
    ("notes as a number", lambda d: write(d / "a.json", agenda_text([{"notes": 5}]).encode()), "notes"),
    (
        "duplicate keys (the last wins, as in JSON)",
        lambda d: write(d / "a.json", b'{"version": 1, "version": 1, "stops": []}'),
        None,
    ),
    (
        "fields from a newer file",
        lambda d: write(d / "a.json", agenda_text([{**GOOD_STOP, "slide": {"layout": [[1, 2], [3]]}}]).encode()),
        None,
    ),
]


@pytest.mark.parametrize("name, make, words", AGENDAS, ids=[a[0] for a in AGENDAS])
def test_an_agenda_opens_or_is_refused_in_one_line_at_once(name, make, words, tmp_path, qapp):
    path = make(tmp_path)
    start = time.monotonic()
    if words is None:
        assert isinstance(load_agenda(path), Agenda)
    else:
        with pytest.raises(AgendaError) as caught:
            load_agenda(path)
        message = str(caught.value)
        assert message.startswith(str(path)) and "\n" not in message and words in message, message
        assert len(message) < 300
    assert time.monotonic() - start < 2.0


def test_an_agenda_with_the_most_stops_allowed_opens(tmp_path, qapp):
    path = write(tmp_path / "a.json", agenda_text([{"name": f"{n}"} for n in range(MAX_STOPS)]).encode())
    assert len(load_agenda(path).stops) == MAX_STOPS


# -- property-based: whatever the text, an agenda or an AgendaError, never anything else ----------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=30,
)
_stop_fields = st.fixed_dictionaries(
    {},
    optional={
        "name": _json_values,
        "notes": _json_values,
        "tab": st.sampled_from(["ports", "sources", "x"]) | _json_values,
        "subject_id": _json_values,
        "chart": _json_values,
        "map": st.fixed_dictionaries({}, optional={"zoom": _json_values | st.floats(), "center": _json_values})
        | _json_values,
    },
)


@hypothesis_settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(version=_json_values | st.just(1), stops=st.lists(_stop_fields, max_size=5) | _json_values)
def test_any_agenda_json_is_read_or_refused(version, stops, qapp):
    text = json.dumps({"version": version, "stops": stops})
    try:
        agenda = parse_agenda(text, "fuzz.agenda.json")
    except AgendaError as exc:
        assert "\n" not in exc.problem
        return
    for stop in agenda.stops:
        assert 0 < stop.view.map_zoom <= 1000
        if stop.view.map_centre:
            assert all(math.isfinite(v) for v in stop.view.map_centre)


@hypothesis_settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet='[]{}",:0123456789.eE-+ \\natrufls\ufeff', max_size=200))
def test_any_text_is_read_or_refused(text, qapp):
    try:
        parse_agenda(text, "fuzz.agenda.json")
    except AgendaError:
        pass


@given(depth=st.integers(min_value=0, max_value=200))
def test_nesting_is_counted_without_recursion(depth):
    text = "[" * depth + "]" * depth
    assert json_file.nesting_depth(text) == depth
    assert json_file.nesting_depth(json.dumps({"a": "[[[[" * depth})) == 1  # brackets in strings do not count


# -- settings and the recovery record --------------------------------------------------------------


@pytest.mark.parametrize("written", ["nan", "NaN", "inf", "-inf", "1e999", "-1e999", "abc", "1, 2", "9" * 5000, ""])
def test_a_damaged_font_scale_reads_as_a_scale_the_menu_offers(written, tmp_path, caplog):
    ini = tmp_path / "settings.ini"
    ini.write_text(f"[view]\nfont_scale={written}\nlast_tab={written}\n", encoding="utf-8")
    settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
    with caplog.at_level(logging.WARNING, logger="briefing"):
        scale = settings.font_scale
        assert settings.last_tab >= 0
    assert math.isfinite(scale) and FONT_SCALE_MIN <= scale <= FONT_SCALE_MAX


DAMAGED_RECORDS = [
    ("view nested 100,000 deep", {"recovery/view": "[" * 100_000 + "]" * 100_000}),
    ("view with a 5,000-digit zoom", {"recovery/view": '{"map": {"zoom": ' + "9" * 5000 + "}}"}),
    ("view with a NaN centre", {"recovery/view": '{"map": {"center": [NaN, 1]}}'}),
    ("agenda nested 100,000 deep", {"recovery/agenda": "{" * 1 + '"stops": ' + "[" * 100_000 + "]" * 100_000 + "}"}),
    ("agenda of 400,000 stops", {"recovery/agenda": agenda_text([{}] * 400_000)}),
    ("agenda with a 5,000-digit number", {"recovery/agenda": '{"version": ' + "9" * 5000 + ', "stops": []}'}),
    ("a named pipe as the last agenda", {"recovery/agenda": agenda_text([GOOD_STOP]), "recovery/agenda_path": "PIPE"}),
    (
        "/dev/zero as the last agenda",
        {"recovery/agenda": agenda_text([GOOD_STOP]), "recovery/agenda_path": "/dev/zero"},
    ),
    ("a stop of 10^50", {"recovery/agenda": agenda_text([GOOD_STOP]), "recovery/stop": "1" + "0" * 50}),
    ("a font scale of NaN", {"view/font_scale": "nan", "recovery/view": "{}"}),
]


@pytest.mark.parametrize("name, values", DAMAGED_RECORDS, ids=[r[0] for r in DAMAGED_RECORDS])
def test_the_viewer_starts_whatever_the_recovery_record_holds(name, values, qtbot, qt_fonts, tmp_path, caplog):
    ini = tmp_path / "settings.ini"
    settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
    raw = QSettings(str(ini), QSettings.Format.IniFormat)
    raw.setValue("recovery/briefing", str(paths.bundled_database().resolve()))
    for key, value in values.items():
        if value == "PIPE":
            os.mkfifo(tmp_path / "pipe.json")
            value = str(tmp_path / "pipe.json")
        raw.setValue(key, value)
    raw.sync()
    start = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="briefing"):
        window = show_window(qtbot, qt_fonts, settings)
        assert window.presenter_tools.start(None) == ""
    assert time.monotonic() - start < 5.0
    assert window.isVisible()
    assert FONT_SCALE_MIN <= settings.font_scale <= FONT_SCALE_MAX
    if name.startswith(("view", "agenda")):  # set aside with a note in the log
        assert any("set aside" in record.getMessage() for record in caplog.records), caplog.text


@pytest.mark.parametrize("target", ["/dev/null", "pipe", "folder"])
def test_an_agenda_is_never_saved_over_a_device_pipe_or_folder(target, tmp_path, qapp):
    from briefing.ui.presenting.agenda import save_agenda

    if target == "pipe":
        target = str(tmp_path / "talk.agenda.json")
        os.mkfifo(target)
    elif target == "folder":
        target = str(tmp_path)
    with pytest.raises(AgendaError):
        save_agenda(Agenda(()), Path(target))
    assert not Path(target).is_file()
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")
