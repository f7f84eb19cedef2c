"""A full view of the main window as data: capture it, check it against a briefing, restore it.

A view is the tab, the selected port or place, the map's zoom and centre, the chart shown, and the
proposal and passage open. Agenda stops and crash recovery both store one.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from briefing.ui.common.selection import TABS

if TYPE_CHECKING:
    from briefing.ui.shell.main_window import MainWindow

__all__ = ["TABS", "ViewState", "ViewWatcher", "capture", "figure_in", "problems", "restore"]


@dataclass(frozen=True)
class ViewState:
    tab: str = "ports"
    subject_id: str = ""
    map_zoom: float = 1.0  # relative to the whole region fitted in the map
    map_centre: tuple[float, float] | None = None  # (lon, lat); None: the fitted view
    chart: str = ""  # an indicator id, "coverage" for the coverage matrix, or "" for none in particular
    proposal_id: str = ""
    passage_id: str = ""
    extra: dict = field(default_factory=dict, compare=False)  # fields from a newer file, kept as they were

    def to_json(self) -> dict:
        data = asdict(self)
        extra = data.pop("extra")
        data.pop("map_zoom"), data.pop("map_centre")
        data["map"] = {"zoom": self.map_zoom, "center": list(self.map_centre) if self.map_centre else None}
        return {**extra, **data}

    @classmethod
    def from_json(cls, data: dict) -> ViewState:
        """From the fields of an agenda stop; raises ValueError naming the first field that is wrong."""
        if not isinstance(data, dict):
            raise ValueError(QCoreApplication.translate("ViewState", "不是一个对象"))
        known = {"name", "notes", "tab", "subject_id", "map", "chart", "proposal_id", "passage_id"}
        texts = {}
        for key in ("tab", "subject_id", "chart", "proposal_id", "passage_id"):
            value = data.get(key) or ""
            if not isinstance(value, str):
                raise ValueError(QCoreApplication.translate("ViewState", "{0} 不是文字").format(key))
            texts[key] = value
        if texts["tab"] and texts["tab"] not in TABS:
            raise ValueError(
                QCoreApplication.translate("ViewState", "tab “{0}” 不是 {1} 之一").format(texts["tab"], ", ".join(TABS))
            )
        view = data.get("map") or {}
        if not isinstance(view, dict):
            raise ValueError(QCoreApplication.translate("ViewState", "map 不是含 zoom 和 center 的对象"))
        zoom, centre = view.get("zoom", 1.0), view.get("center")
        if isinstance(zoom, bool) or not isinstance(zoom, (int, float)) or not 0 < zoom <= 1000:
            raise ValueError(QCoreApplication.translate("ViewState", "map 的 zoom 不是正数"))
        if centre is not None and not (
            isinstance(centre, list)
            and len(centre) == 2
            and all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and abs(v) <= limit
                for v, limit in zip(centre, (180, 90))
            )
        ):  # on Earth: (lon, lat)
            raise ValueError(QCoreApplication.translate("ViewState", "map 的 center 不是 [经度, 纬度]"))
        return cls(
            tab=texts["tab"] or "ports",
            subject_id=texts["subject_id"],
            map_zoom=float(zoom),
            map_centre=(float(centre[0]), float(centre[1])) if centre else None,
            chart=texts["chart"],
            proposal_id=texts["proposal_id"],
            passage_id=texts["passage_id"],
            extra={k: v for k, v in data.items() if k not in known},
        )


def problems(state: ViewState, briefing) -> list[str]:
    """What in a view this briefing lacks, one short line each (the view still opens without it)."""
    found = []
    if state.subject_id and briefing.subject(state.subject_id) is None:
        found.append(QCoreApplication.translate("ViewState", "找不到口岸 {0}").format(state.subject_id))
    if state.chart and state.chart != "coverage" and briefing.indicator(state.chart) is None:
        found.append(QCoreApplication.translate("ViewState", "找不到指标 {0}").format(state.chart))
    if state.proposal_id and briefing.proposal(state.proposal_id) is None:
        found.append(QCoreApplication.translate("ViewState", "找不到建议 {0}").format(state.proposal_id))
    if state.passage_id and briefing.passage(state.passage_id) is None:
        found.append(QCoreApplication.translate("ViewState", "找不到原文段落 {0}").format(state.passage_id))
    return found


def capture(window: MainWindow) -> ViewState:
    current = window.proposals_tab.current_proposal()
    zoom, (lon, lat) = window.ports_tab.map_view()
    return ViewState(
        tab=window.tab_name(),
        subject_id=window.selection.subject_id,
        map_zoom=round(zoom, 4),
        map_centre=(round(lon, 5), round(lat, 5)),
        chart=window.indicators_tab.current_chart(),
        proposal_id=current.id if current else "",
        passage_id=window.sources_tab.marked_passage(),
    )


def restore(window: MainWindow, state: ViewState) -> list[str]:
    """Show a view; what the briefing lacks is skipped and returned (see `problems`)."""
    briefing = window.briefing
    if briefing.subject(state.subject_id) is not None:
        window.selection.select_subject(state.subject_id)
    if state.proposal_id and briefing.proposal(state.proposal_id) is not None:
        window.proposals_tab.open_proposal(state.proposal_id)
    if state.passage_id and briefing.passage(state.passage_id) is not None:
        window.sources_tab.show_passage(state.passage_id, figure_in(briefing, state.subject_id, state.passage_id))
    window.show_tab(state.tab)
    window.ports_tab.show_map_view(state.map_zoom, state.map_centre)
    found = problems(state, briefing)
    if state.tab == "indicators" or state.chart:
        if not window.indicators_tab.show_chart(state.chart) and briefing.indicator(state.chart) is not None:
            found.append(QCoreApplication.translate("ViewState", "此处没有 {0} 的图表").format(state.chart))
        if state.chart not in ("", "coverage"):  # again once the tab has laid its charts out
            QTimer.singleShot(0, window.indicators_tab, lambda: window.indicators_tab.show_chart(state.chart))
    return found


def figure_in(briefing, subject_id: str, passage_id: str) -> str:
    """The subject's figure as written in a passage, to highlight there ("" when it has none)."""
    mine = [o for o in briefing.observations_citing(passage_id) if o.as_written and o.subject_id == subject_id]
    return mine[0].as_written if mine else ""  # another subject's figure would mislead


class ViewWatcher(QObject):
    """Says, a moment after it happens, that the view changed: a tab, a subject, the map, a chart,
    a proposal or a passage. Recovery and the presenter screen follow it."""

    changed = Signal()

    def __init__(self, window: MainWindow, delay_ms: int = 250) -> None:
        super().__init__(window)
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.changed)
        poke = self.poke
        window.tab_changed.connect(poke)
        window.selection.subject_selected.connect(poke)
        window.selection.passage_requested.connect(poke)
        window.ports_tab.view_changed.connect(poke)
        window.indicators_tab.view_changed.connect(poke)
        window.proposals_tab.proposal_opened.connect(poke)

    def poke(self, *_args) -> None:
        self._timer.start()

    def flush(self) -> None:
        """Say it now if a change is pending (before closing, and in tests)."""
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit()
