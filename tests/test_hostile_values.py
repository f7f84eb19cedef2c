"""Property-based checks of the store's boundary: whatever numbers, text or outline JSON a file
holds, it opens with every value in range, or is refused with BriefingError in one line."""

from __future__ import annotations

import json
import math
import os
import shutil
import sqlite3
import tempfile

import fixture_facts as F
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.store import BriefingError, open_briefing
from briefing.store.boundary import describe
from briefing.store.opening import connect_readonly
from briefing.store.records import KINDS
from briefing.store.value_checks import VALUE_LIMIT, observation_problem, parse_rings

CHECKS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
any_float = st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([1e308, -1e308, 1e18, 1e19, 90.0, 90.0001])


@pytest.fixture(scope="module")
def template(tmp_path_factory, fixture_db):
    """A folder for the changed copies of the test briefing, and that briefing."""
    return tmp_path_factory.mktemp("values"), fixture_db


def _opened_with(template, statement: str, value) -> tuple[object, str]:
    folder, original = template
    path = folder / "v.sqlite"
    shutil.copyfile(original, path)
    conn = sqlite3.connect(path)
    conn.execute(statement, (value,))
    conn.commit()
    conn.close()
    try:
        briefing = open_briefing(path)
    except BriefingError as exc:
        assert "\n" not in str(exc) and str(path) in str(exc)
        return None, exc.problem
    return briefing, ""


@CHECKS
@given(lat=any_float)
def test_a_latitude_opens_only_on_earth(lat, template):
    briefing, problem = _opened_with(template, "UPDATE ports SET lat = ? WHERE rowid = 2", lat)
    on_earth = not math.isnan(lat) and -90 <= lat <= 90  # NaN is stored as NULL: a longitude without latitude
    assert (briefing is not None) == on_earth, problem
    if briefing is not None:
        assert all(-90 <= p.lat <= 90 for p in briefing.ports if p.lat is not None)
    else:
        assert "row 2: lat" in problem


@CHECKS
@given(value=any_float)
def test_a_figure_opens_only_finite_and_bounded(value, template):
    if math.isnan(value):  # SQLite stores NaN as NULL, which the table's NOT NULL refuses
        return
    briefing, problem = _opened_with(template, "UPDATE observations SET value = ? WHERE rowid = 5", value)
    assert (briefing is not None) == (abs(value) <= VALUE_LIMIT), problem
    if briefing is None:
        assert "row 5: value" in problem


@CHECKS
@given(text=st.text(max_size=40))
def test_any_period_opens_only_as_a_date(text, template):
    briefing, problem = _opened_with(template, "UPDATE observations SET period = ? WHERE rowid = 5", text)
    looks_like_a_date = observation_problem(1.0, "reported", text) == ""
    assert (briefing is not None) == looks_like_a_date, (text, problem)


@settings(max_examples=400, deadline=None)
@given(
    value=any_float | st.integers(),
    kind=st.sampled_from(KINDS) | st.text(max_size=10),
    period=st.text(max_size=12) | st.sampled_from(["2024", "2024-03", "2024-03-09", "24", "2024-3"]),
)
def test_a_figure_read_later_is_judged_the_same_way(value, kind, period):
    problem = observation_problem(value, kind, period)
    digits = [c for c in period if c in "0123456789"]
    shaped = (
        period.isascii()
        and len(period) in (4, 7, 10)
        and len(digits) == len(period) - (len(period) - 4) // 3
        and all(period[i] == "-" for i in (4, 7) if i < len(period))
        and all(period[i] in "01" for i in (5,) if i < len(period))
        and all(period[i] in "0123" for i in (8,) if i < len(period))
    )
    fine = (
        (not isinstance(value, float) or math.isfinite(value))
        and abs(value) <= VALUE_LIMIT
        and kind in KINDS
        and shaped
    )
    assert (problem == "") == fine, (value, kind, period, problem)


_point = st.lists(any_float | st.integers(min_value=-400, max_value=400), min_size=0, max_size=3)
_rings = st.lists(st.lists(_point, max_size=6), max_size=3)


@settings(max_examples=400, deadline=None)
@given(rings=_rings | st.recursive(st.integers(), lambda c: st.lists(c, max_size=3), max_leaves=20))
def test_outline_json_is_read_or_refused(rings):
    text = json.dumps(rings)
    try:
        parsed = parse_rings(text)
    except ValueError:
        return
    for ring in parsed:
        assert len(ring) >= 3
        for lon, lat in ring:
            assert -180 <= lon <= 180 and -90 <= lat <= 90


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet='[]{},.0123456789eE-+ "abNIn', max_size=300))
def test_any_outline_text_is_read_or_refused(text):
    try:
        parse_rings(text)
    except ValueError:
        pass


def test_deep_outline_nesting_is_refused_before_parsing():
    with pytest.raises(ValueError, match="nested"):
        parse_rings("[" * 1_000_000 + "]" * 1_000_000)


def test_a_statement_past_its_time_budget_is_stopped_in_one_line(fixture_db):
    import time

    conn = connect_readonly(fixture_db)  # the connection the store reads through
    conn.budget = 0.3  # seconds of CPU; the statement below takes 3 s and more (ends, were it not stopped)
    start = time.monotonic()
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2e7) SELECT count(*) FROM c"
        ).fetchall()
    assert time.monotonic() - start < 3
    problem = describe(caught.value, conn)
    assert problem.startswith("takes too long to read") and "\n" not in problem
    assert conn.execute("SELECT count(*) FROM ports").fetchone()[0] == F.port_count()  # a budget of its own
    conn.close()


@pytest.mark.parametrize("query", ["口岸" * 20_000, " OR ".join(["a*"] * 3000), '"' * 5000, "NEAR(" * 1000])
def test_a_pasted_page_of_query_is_searched_not_refused(query, fixture_briefing):
    assert isinstance(fixture_briefing.search(query), list)
    assert fixture_briefing.matches(query, ("proposal", "delegate")) is not None


def test_a_briefing_with_a_write_ahead_log_shows_what_sqlite_shows(tmp_path):
    import glob
    import hashlib

    from hostile_crafted import wal_beside

    path = wal_beside(tmp_path)
    log = tmp_path / f"{path.name}-wal"
    before = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (path, log)]
    folded = set(glob.glob(os.path.join(tempfile.gettempdir(), "briefing-folded-*")))
    briefing = open_briefing(path)
    assert briefing.ports[0].name_en == "Changed in the log"  # the log's newer text, as sqlite3 shows it
    assert briefing.path == path
    briefing.close()
    assert set(glob.glob(os.path.join(tempfile.gettempdir(), "briefing-folded-*"))) == folded  # copy gone
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in (path, log)] == before
