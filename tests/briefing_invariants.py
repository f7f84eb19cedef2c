"""What holds for any well-made briefing, checked on the bundled 2025 briefing and on the test one."""

from __future__ import annotations

from briefing.store import Briefing


def unplaced_ports(briefing: Briefing) -> set[str]:
    """The ports without a position; every placed one has a known precision and a coordinate source."""
    for port in briefing.ports:
        if port.has_position:
            assert port.coord_precision in {"exact", "nearby_town", "approximate"}
            assert any(role == "coordinate" for role, _ in briefing.port_sources(port.id))
    return {p.id for p in briefing.ports if not p.has_position}


def figures_cited_in_passages(briefing: Briefing, article_id: str) -> int:
    """Check every figure's citation; return how many cite a passage of the article.

    A derived figure has a formula and inputs and cites where they come from; an article figure sits
    verbatim in its passage; any other cites a source of its own, and "high" confidence is never given
    to a lower bound, an approximation or a figure read in a copy."""
    checked = 0
    for subject in briefing.subjects:
        for obs in briefing.observations_for(subject.id):
            if obs.kind == "derived":
                assert obs.formula and obs.inputs, obs.id
                assert obs.passage_id or obs.source_id != article_id, obs.id  # cites its inputs' origin
                continue
            if obs.passage_id:
                passage = briefing.passage(obs.passage_id)
                assert passage is not None and obs.as_written in passage.text, obs.id
                checked += 1
            else:
                source = briefing.source(obs.source_id)
                assert obs.source_id != article_id and obs.confidence in {"high", "medium", "low"}, obs.id
                if obs.confidence == "high":  # never for a lower bound or a figure read in a copy
                    assert source is not None
                    assert obs.kind not in {"lower_bound", "approximate"} and not source.is_copy, obs.id
    return checked
