"""What to chart for a subject, worked out from its figures (no Qt, no pyqtgraph): its series over
the years, and comparisons with the subjects that report the same thing.

The viewer's charts (`charts`) and the handout (`export`) draw these specs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing.store.records import Indicator, Observation, Subject

if TYPE_CHECKING:
    from briefing.store.queries import Briefing

_YEAR = re.compile(r"\d{4}")
# Kinds that state a level for the period itself; comparisons use only these.
LEVEL_KINDS = ("reported", "lower_bound", "approximate")
# A briefing of a thousand ports must stay readable and quick: a comparison shows the largest
# subjects and the selected one (and says how many report it).
MAX_BARS = 15


def is_annual(obs: Observation) -> bool:
    return bool(_YEAR.fullmatch(obs.period))


@dataclass(frozen=True)
class SeriesSpec:
    """One indicator of one subject, in one unit, over at least two years."""

    indicator: Indicator
    unit: str
    points: tuple[Observation, ...]  # sorted by year

    @property
    def years(self) -> tuple[str, ...]:
        """Every year from the first to the last, those without a figure included: a missing year
        shows as a gap, never as two neighbouring bars."""
        first, last = int(self.points[0].period), int(self.points[-1].period)
        return tuple(str(year) for year in range(first, last + 1))

    @property
    def kinds(self) -> tuple[str, ...]:
        return kinds_in(self.points)


@dataclass(frozen=True)
class ComparisonSpec:
    """One indicator across subjects that do not overlap: each subject's latest full-year level."""

    indicator: Indicator
    unit: str
    bars: tuple[tuple[Subject, Observation], ...]
    selected_id: str
    total: int = 0  # how many subjects report it (the bars may show fewer: the largest, and the selected)

    @property
    def periods_differ(self) -> bool:
        """True when the bars are not all of one year: each bar then says its year, and the chart says so."""
        return len({obs.period for _, obs in self.bars}) > 1

    @property
    def period(self) -> str:
        """The one year every bar is of ('' when they differ)."""
        return "" if self.periods_differ else self.bars[0][1].period

    @property
    def kinds(self) -> tuple[str, ...]:
        return kinds_in(obs for _, obs in self.bars)


def kinds_in(observations: Iterable[Observation]) -> tuple[str, ...]:
    """The kinds of figure a chart draws, in the order the legend lists them."""
    found = {obs.kind for obs in observations}
    return tuple(kind for kind in KIND_ORDER if kind in found)


KIND_ORDER = ("reported", "cumulative", "lower_bound", "approximate", "derived", "target")


def _indicator(briefing: Briefing, indicator_id: str) -> Indicator:
    return briefing.indicator(indicator_id) or Indicator(indicator_id, indicator_id, "", "")


def series_specs(briefing: Briefing, observations: tuple[Observation, ...]) -> list[SeriesSpec]:
    groups: dict[tuple[str, str], dict[tuple[str, str], Observation]] = {}
    for obs in observations:
        if is_annual(obs) and obs.kind not in ("growth_rate", "share"):
            groups.setdefault((obs.indicator_id, obs.unit), {}).setdefault((obs.period, obs.kind), obs)
    specs: list[Any] = []
    for (indicator_id, unit), by_year_kind in groups.items():
        if len({period for period, _ in by_year_kind}) >= 2:
            points = tuple(sorted(by_year_kind.values(), key=lambda o: (o.period, o.kind == "target")))
            specs.append(SeriesSpec(_indicator(briefing, indicator_id), unit, points))
    return specs


class _Overlaps:
    """Which subjects overlap the selected one: the ports a subject stands for are itself, a group's
    members, or every port for the region."""

    def __init__(self, briefing: Briefing, subject_id: str) -> None:
        self._briefing = briefing
        self._places = {place.id: place for place in briefing.places}
        self._members: dict[str, set[str]] = {}
        self._subject_id = subject_id
        self._mine = self.members(subject_id)

    def members(self, subject_id: str) -> set[str]:
        place = self._places.get(subject_id)
        if place is None:
            return {subject_id}
        if subject_id not in self._members:
            ports = {p.id for p in self._briefing.ports} if place.level == "region" else set(place.port_ids)
            self._members[subject_id] = ports | {subject_id}
        return self._members[subject_id]

    def __call__(self, subject_id: str) -> bool:
        """True for another subject that shares a port with the selected one."""
        if subject_id == self._subject_id:
            return False
        if subject_id in self._places:
            return bool(self.members(subject_id) & self._mine)
        return subject_id in self._mine  # a port stands for itself alone


class Rankings:
    """Every subject's latest full-year level of an indicator in a unit, smallest first: worked out
    once per indicator and unit for an open briefing (which never changes), then shared by every
    subject's comparison. Keep one per briefing to step through a thousand ports quickly."""

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self._kinds: dict[str, str] | None = None
        self._ranked: dict[tuple[str, str], tuple[list[tuple[str, Observation]], dict[str, Observation]]] = {}

    def kind_of(self, subject_id: str) -> str:
        """What a subject is: 'port', or a place's level (a group of ports, a league or city, the region)."""
        if self._kinds is None:
            self._kinds = {port.id: "port" for port in self.briefing.ports}
            self._kinds.update({place.id: place.level for place in self.briefing.places})
        return self._kinds.get(subject_id, "port")

    def of(self, indicator_id: str, unit: str) -> tuple[list[tuple[str, Observation]], dict[str, Observation]]:
        key = (indicator_id, unit)
        if key not in self._ranked:
            latest = {
                obs.subject_id: obs
                for obs in self.briefing.latest_annual(indicator_id, LEVEL_KINDS)
                if obs.unit == unit
            }  # each subject's latest year
            self._ranked[key] = (sorted(latest.items(), key=lambda item: item[1].value), latest)
        return self._ranked[key]


def _comparison(
    briefing: Briefing, rankings: Rankings, own: Observation, subject_id: str, overlaps: _Overlaps
) -> ComparisonSpec | None:
    ranked, latest = rankings.of(own.indicator_id, own.unit)
    if subject_id not in latest:
        return None
    kind = rankings.kind_of(subject_id)
    # Like with like: single ports with single ports, sums with sums of the same kind; and a part
    # beside its whole is no comparison.
    others = [item for item in ranked if rankings.kind_of(item[0]) == kind and not overlaps(item[0])]
    year = latest[subject_id].period
    same_year = [item for item in others if item[1].period == year]
    if len(same_year) >= 2:  # one period where the selected subject's year has company
        others = same_year
    if len(others) < 2:  # no chart with a single bar
        return None
    shown = others[-MAX_BARS:]
    if subject_id not in dict(shown):  # the selected one always, in place of the smallest shown
        shown = sorted(shown[1:] + [(subject_id, latest[subject_id])], key=lambda item: item[1].value)
    bars = tuple((briefing.subject(sid) or Subject(sid, "", sid, ""), obs) for sid, obs in shown)
    return ComparisonSpec(_indicator(briefing, own.indicator_id), own.unit, bars, subject_id, total=len(others))


def comparison_specs(
    briefing: Briefing,
    subject_id: str,
    observations: tuple[Observation, ...],
    limit: int | None = None,
    rankings: Rankings | None = None,
) -> list[ComparisonSpec]:
    """Where others report the same indicator, unit and kind of level for a full year (at most
    `limit` of them). `rankings`: kept from an earlier call on the same briefing, to save the work.

    Subjects that overlap the selected one (a port and the group that contains it) are left out:
    a part beside its whole is not a comparison.
    """
    if rankings is None or rankings.briefing is not briefing:
        rankings = Rankings(briefing)
    overlaps = _Overlaps(briefing, subject_id)
    specs: list[Any] = []
    seen: set[tuple[str, str]] = set()
    for own in observations:
        key = (own.indicator_id, own.unit)
        if own.kind not in LEVEL_KINDS or not is_annual(own) or key in seen:
            continue
        if limit is not None and len(specs) >= limit:
            break
        seen.add(key)
        spec = _comparison(briefing, rankings, own, subject_id, overlaps)
        if spec is not None:
            specs.append(spec)
    return specs
