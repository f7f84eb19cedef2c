"""What changed between two briefings: ports, observations and proposals added, removed or changed.

Records are matched by id. Values are compared exactly as stored and handed back unformatted; the
caller decides how to show them (`plain` gives the text a figure is stored as, never rounded).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from briefing.store.queries import Briefing
from briefing.store.records import Observation, Proposal

KINDS = ("port", "observation", "proposal")
CHANGES = ("added", "removed", "changed")
LONG_TEXT = 80  # a longer changed text is summarised in `describe`, not printed twice


@dataclass(frozen=True)
class FieldChange:
    name: str
    old: object
    new: object


@dataclass(frozen=True)
class Change:
    kind: str  # port, observation, proposal
    change: str  # added, removed, changed
    id: str
    label: str  # what the record is, in the briefing's own words (the newer one's where both exist)
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class BriefingDiff:
    old_title: str
    new_title: str
    old_as_of: str
    new_as_of: str
    changes: tuple[Change, ...]

    def of(self, kind: str, change: str | None = None) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.kind == kind and (change is None or c.change == change))

    def counts(self) -> dict[str, dict[str, int]]:
        return {kind: {change: len(self.of(kind, change)) for change in CHANGES} for kind in KINDS}

    @property
    def is_empty(self) -> bool:
        return not self.changes


def plain(value: object) -> str:
    """A stored value as text: 4818.0 reads 4818, 38.3 reads 38.3, None reads as empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, tuple):
        return ";".join(plain(v) for v in value)
    return str(value)


def diff_briefings(old: Briefing, new: Briefing) -> BriefingDiff:
    changes = (
        _compare(
            "port",
            {p.id: p for p in old.ports},
            {p.id: p for p in new.ports},
            lambda p, _b: f"{p.name_zh} {p.name_en}".strip(),
            old,
            new,
        )
        + _compare("observation", _observations(old), _observations(new), _observation_label, old, new)
        + _compare(
            "proposal",
            {p.id: p for p in old.proposals()},
            {p.id: p for p in new.proposals()},
            _proposal_label,
            old,
            new,
        )
    )
    return BriefingDiff(
        old.meta.get("title_zh", ""),
        new.meta.get("title_zh", ""),
        old.meta.get("as_of", ""),
        new.meta.get("as_of", ""),
        tuple(changes),
    )


def _observations(briefing: Briefing) -> dict[str, Observation]:
    found: dict[str, Observation] = {}
    for subject_id in briefing.subjects_with_observations():
        for obs in briefing.observations_for(subject_id):
            found[obs.id] = obs
    return found


def _compare(
    kind: str,
    old: dict[str, Any],
    new: dict[str, Any],
    label: Callable[[Any, Briefing], str],
    old_briefing: Briefing,
    new_briefing: Briefing,
) -> list[Change]:
    changes = []
    for record_id, record in new.items():
        before = old.get(record_id)
        if before is None:
            changes.append(Change(kind, "added", record_id, label(record, new_briefing)))
        elif before != record:
            differing = tuple(
                FieldChange(f.name, getattr(before, f.name), getattr(record, f.name))
                for f in fields(record)
                if getattr(before, f.name) != getattr(record, f.name)
            )
            changes.append(Change(kind, "changed", record_id, label(record, new_briefing), differing))
    for record_id, record in old.items():
        if record_id not in new:
            changes.append(Change(kind, "removed", record_id, label(record, old_briefing)))
    return changes


def _observation_label(obs: Observation, briefing: Briefing) -> str:
    subject = briefing.subject(obs.subject_id)
    indicator = briefing.indicator(obs.indicator_id)
    parts = (
        subject.name_zh if subject else obs.subject_id,
        indicator.name_zh if indicator else obs.indicator_id,
        obs.period_zh or obs.period,
        obs.as_written or f"{plain(obs.value)}{obs.unit}",
    )
    return " · ".join(p for p in parts if p)


def _proposal_label(proposal: Proposal, briefing: Briefing) -> str:
    speaker = briefing.delegate(proposal.delegate_id)
    return f"{speaker.name_zh}:{proposal.title_zh}" if speaker else proposal.title_zh


def describe(diff: BriefingDiff) -> list[str]:
    """The diff as lines of plain text, as `briefing diff` prints it."""
    names = {"port": "ports", "observation": "observations", "proposal": "proposals"}
    marks = {"added": "+", "removed": "-", "changed": "~"}
    counts = diff.counts()
    lines = [f"old: {diff.old_title} (as of {diff.old_as_of})", f"new: {diff.new_title} (as of {diff.new_as_of})"]
    lines.append("; ".join(f"{names[k]}: " + ", ".join(f"{counts[k][c]} {c}" for c in CHANGES) for k in KINDS))
    for change in diff.changes:
        lines.append(f"{marks[change.change]} {change.kind:<11} {change.id}  {change.label}")
        for field in change.fields:
            old, new = plain(field.old), plain(field.new)
            if max(len(old), len(new)) > LONG_TEXT or "\n" in old + new:
                lines.append(f"      {field.name}: text changed ({len(old)} -> {len(new)} characters)")
            else:
                lines.append(f"      {field.name}: {old} -> {new}")
    if diff.is_empty:
        lines.append("no differences in ports, observations or proposals")
    return lines
