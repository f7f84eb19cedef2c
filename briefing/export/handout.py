"""The PDF handout: cover, port map, one section per subject with figures, the proposals, the sources.

Text is real text in the bundled font (embedded by QPdfWriter, selectable and searchable), the map
and charts are vectors, and every figure carries a numbered reference to the paragraph or source
it came from. `write_handout` lays the document out once to count its pages, then again painting
each page as it is laid out (memory holds one page, not the document), reporting progress and
stopping cleanly when cancelled; the file appears only when complete. A handout can be limited to
some subjects (the selected port): their sections, the proposals about their ports, their sources.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from briefing import __version__
from briefing.drawing import chart_painter
from briefing.drawing.chart_specs import ComparisonSpec, SeriesSpec, comparison_specs, series_specs
from briefing.drawing.formatting import (
    body_label,
    briefing_title,
    country_label,
    kind_label,
    mode_label,
    period_text,
    precision_label,
    proposal_title,
    readable_formula,
    same_figure,
    source_date,
    subject_kind_label,
    value_text,
    written_text,
)
from briefing.drawing.i18n import checked_language, in_language, local_name
from briefing.drawing.paint_font import handout_family
from briefing.export.handout_scope import ports_of, proposals_in_scope
from briefing.export.handout_words import handout_word
from briefing.export.layout import INK, MUTED, RULE, Column, Flow
from briefing.export.map_figure import MapFigure, map_aspect
from briefing.export.save import ExportCancelled, check_target, streamed
from briefing.store.records import Source, has_later_figures

Progress = Callable[[int, int], bool]
EXCERPT = 180  # characters of a long paragraph quoted on the sources page
SUBJECT_ORDER = ("region", "league_city")  # these lead; port groups go just before their first port
LATER_MARK = " *"  # after a period later than the article: a figure added to it (explained under the heading)


def prepare() -> str:
    """What must happen on the GUI thread before a handout is written in another: its font."""
    return handout_family()


class Citations:
    """Reference numbers in order of first use: one per paragraph or per outside source."""

    KEEP_HIGHLIGHTS = 4  # figures as written kept per reference, to centre its excerpt on one (the first found)

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, str], int] = {}  # a dict: a million figures look theirs up at once
        self.highlights: dict[tuple[str, str], list[str]] = {}

    def number(self, obs=None, passage_id: str | None = None, source_id: str | None = None) -> int:
        if source_id:  # a source cited as a whole (where a port's marker stands)
            key = ("source", source_id)
        elif passage_id or obs.passage_id:
            key = ("passage", passage_id or obs.passage_id)
        else:
            key = ("source", obs.source_id)
        found = self.numbers.setdefault(key, len(self.numbers) + 1)
        if obs is not None and obs.as_written:
            kept = self.highlights.setdefault(key, [])
            if len(kept) < self.KEEP_HIGHLIGHTS:
                kept.append(obs.as_written)
        return found


def ordered_subjects(briefing) -> list:
    """Subjects with figures: the region and cities first, then ports in roster order, each port
    group just before its first member."""
    having = set(briefing.subjects_with_observations())
    subjects = [s for s in briefing.subjects if s.id in having]
    lead = [s for level in SUBJECT_ORDER for s in subjects if s.kind == level]
    groups = {p.id: p for p in briefing.places if p.level == "port_group" and p.id in having}
    ordered = list(lead)
    for port in briefing.ports:
        for group_id, group in list(groups.items()):
            if port.id in group.port_ids:
                ordered.append(briefing.subject(group_id))
                del groups[group_id]
        if port.id in having:
            ordered.append(briefing.subject(port.id))
    ordered += [briefing.subject(g) for g in groups] + [s for s in subjects if s not in ordered]
    return ordered


class Handout:
    """Builds the pages of one handout on a Flow: of every subject, or only of `subject_ids`."""

    def __init__(self, briefing, flow: Flow, lang: str, subject_ids: tuple[str, ...] | None = None) -> None:
        self.b, self.flow, self.lang = briefing, flow, lang
        self.only = set(subject_ids) if subject_ids else None
        self.cite = Citations()
        self.w = lambda key, **values: handout_word(key, lang, **values)
        self.title = briefing_title(briefing.meta, lang)
        subjects = ordered_subjects(briefing)
        self.subjects = subjects if self.only is None else [s for s in subjects if s.id in self.only]
        chosen = ports_of(briefing, self.only) if self.only is not None else set()
        self.ports = briefing.ports if self.only is None else [p for p in briefing.ports if p.id in chosen]

    def build(self) -> None:
        self.cover()
        self.port_map()
        self.figures()
        self.proposals()
        self.sources()

    # -- cover ----------------------------------------------------------------------------------

    def cover(self) -> None:
        f, meta = self.flow, self.b.meta
        f.space(90)
        f.text(self.w("kicker"), size=12, colour=MUTED, after=8)
        f.text(self.title, size=24, bold=True, after=6)
        other = meta.get("title_en" if self.lang == "zh" else "title_zh", "")
        if other and other != self.title:
            f.text(other, size=13, colour=MUTED, after=14)
        description = meta.get("description_en" if self.lang == "en" else "description") or meta.get("description")
        if description:
            f.text(description, size=10.5, after=16)
        source = self.b.source(meta.get("source_id", ""))
        if source is not None:
            f.text(f"{self.w('source')}: {_source_line(source, self.lang)}", size=10)
        as_of, through = meta.get("as_of", ""), meta.get("data_through", "")
        dates = f"{self.w('as_of')}: {as_of}"
        if has_later_figures(meta):  # figures added after the article: say how far they reach
            dates += f"    {self.w('data_through')}: {through}"
        f.text(dates, size=10)
        f.text(
            f"{self.w('db_built')}: {meta.get('built_at', '')[:10]}    "
            f"{self.w('generated')}: {datetime.date.today().isoformat()}",
            size=10,
            after=24,
        )
        if self.only is not None:
            names = ("、" if self.lang == "zh" else ", ").join(local_name(s, self.lang) for s in self.subjects)
            f.text(self.w("scope", names=names or "—"), size=10, bold=True, after=16)
        self.contents()

    def contents(self) -> None:
        f = self.flow
        f.heading(self.w("contents"), 13, keep_with=f.pt(60), rule=True)
        entries = [("map", self.w("map"), 0), ("figures", self.w("figures"), 0)]
        entries += [(s.id, local_name(s, self.lang), 1) for s in self.subjects]
        entries += [("proposals", self.w("proposals"), 0), ("sources", self.w("sources"), 0)]
        for key, name, depth in entries:
            font = f.font(9.5 if depth else 10.5, bold=not depth)
            step = f.line_height(font)
            f.ensure(step)
            y = f.y + f.metrics(font).ascent()
            f.add(_contents_row(f, font, key, name, f.left + f.pt(14 * depth), y))
            f.y += step

    # -- map ------------------------------------------------------------------------------------

    def port_map(self) -> None:
        f = self.flow
        f.new_page()
        f.heading(self.w("map"), 16, mark="map", keep_with=f.pt(200), rule=True)
        outlines, ports = self.b.outlines(), self.b.ports  # the map shows every port, as context
        height = min(f.text_width * map_aspect(outlines, ports), f.room() - f.pt(60))
        figure = MapFigure(outlines, ports, self.lang, f.family, f.unit)
        f.figure(height, figure.draw, after=4)
        f.text(self.w("map_note"), size=8.5, colour=MUTED)
        unplaced = [local_name(p, self.lang) for p in ports if not p.has_position]
        if unplaced:
            f.text(self.w("unplaced") + ("、" if self.lang == "zh" else ", ").join(unplaced), size=8.5, colour=MUTED)
        columns = (
            Column(self.w("col_port"), 0.27, bold=True),
            Column(self.w("col_mode"), 0.08),
            Column(self.w("col_counterpart"), 0.27),
            Column(self.w("col_city"), 0.14),
            Column(self.w("col_position"), 0.24),
        )
        rows = [
            [
                local_name(p, self.lang),
                mode_label(p.mode, self.lang),
                " · ".join(
                    x for x in (country_label(p.country, self.lang) if p.country else "", self._counterpart(p)) if x
                )
                or "—",
                in_language(p.league_city, p.league_city_en, self.lang),
                self._position(p),
            ]
            for p in self.ports
        ]
        if not rows:
            return
        table = f.measure_table(columns, rows, size=8.3)
        f.heading(self.w("roster"), 12, keep_with=table.opening_height(2))
        f.table(table, size=8.3, continued=self.w("roster") + self.w("continued"))

    def _counterpart(self, port) -> str:
        return in_language(port.counterpart, port.counterpart_en, self.lang)

    def _position(self, port) -> str:
        """Where the map draws a port: how precise the point is, and the sources it comes from."""
        if not port.has_position:
            return self.w("not_drawn")
        refs = "".join(
            f"[{self.cite.number(source_id=source.id)}]"
            for role, source in self.b.port_sources(port.id)
            if role == "coordinate"
        )
        return f"{precision_label(port.coord_precision, self.lang)} {refs}".strip()

    # -- figures --------------------------------------------------------------------------------

    def figures(self) -> None:
        f = self.flow
        f.new_page()
        f.heading(self.w("figures"), 16, mark="figures", keep_with=f.pt(120), rule=True)
        f.text(self.w("figures_note"), size=8.5, colour=MUTED, after=2)
        if has_later_figures(self.b.meta):
            f.text(self.w("later_note"), size=8.5, colour=MUTED, after=6)
        order = {i.id: n for n, i in enumerate(self.b.indicators)}
        for subject in self.subjects:
            observations = sorted(
                self.b.observations_for(subject.id), key=lambda o: (order.get(o.indicator_id, 999), o.period)
            )
            self.subject_section(subject, observations)
            charts: list[SeriesSpec | ComparisonSpec] = [
                *series_specs(self.b, tuple(observations)),
                *comparison_specs(self.b, subject.id, tuple(observations)),
            ]
            for spec in charts:
                f.figure(f.pt(chart_painter.chart_height(spec)), self._chart_drawing(spec), after=10)

    def _chart_drawing(self, spec: SeriesSpec | ComparisonSpec) -> Callable[[QPainter, QRectF], None]:
        """How one chart is drawn on a page, once the page places it."""
        family, unit = self.flow.family, self.flow.unit

        def draw(painter: QPainter, rect: QRectF) -> None:
            chart_painter.draw_chart(painter, rect, spec, self.lang, family, unit)

        return draw

    def subject_section(self, subject, observations) -> None:
        f = self.flow
        rows: list[list[str]] = []
        rows_of: dict[tuple, list[str]] = {}
        for obs in observations:
            reference = f"[{self.cite.number(obs)}]"
            repeated = rows_of.get(same_figure(obs))
            if repeated is not None:  # one figure several passages state: one row citing them all
                if reference not in repeated[-1]:
                    repeated[-1] += reference
                continue
            indicator = self.b.indicator(obs.indicator_id)
            period = period_text(obs, self.lang) + (LATER_MARK if obs.after_article else "")
            row = [
                local_name(indicator, self.lang) if indicator else obs.indicator_id,
                self.value_cell(obs),
                obs.unit,
                period,
                kind_label(obs.kind, self.lang),
                reference,
            ]
            row = row if self.lang != "en" else row[:2] + row[3:]  # English values say their unit in words
            rows_of[same_figure(obs)] = row
            rows.append(row)
        # A reference column wide enough for its longest number ([43811] in a briefing of 60,000
        # paragraphs) on one line, taken from the indicator column; [12] fits the usual width.
        widest = max((f.metrics(f.font(8.8)).horizontalAdvance(row[-1]) for row in rows), default=0.0)
        ref = max(0.07, (widest + f.pt(8)) / f.text_width)
        columns: tuple[Column, ...] = (
            Column(self.w("col_indicator"), 0.30 - (ref - 0.07)),
            Column(self.w("col_value"), 0.2, bold=True),
            Column(self.w("col_unit"), 0.08),
            Column(self.w("col_period"), 0.19),
            Column(self.w("col_kind"), 0.14),
            Column(self.w("col_ref"), ref),
        )
        if self.lang == "en":
            columns = (columns[0], Column(self.w("col_value"), 0.28, bold=True), *columns[3:])
        table = f.measure_table(columns, rows)
        name = local_name(subject, self.lang)
        details = self.subject_details(subject)
        f.heading(
            name, 13.5, keep_with=f.line_height(f.font(8.5)) * 2 + table.opening_height(2), before=16, mark=subject.id
        )
        f.text(details, size=8.5, colour=MUTED, after=4, keep_with=table.opening_height(2))
        f.table(table, continued=name + self.w("continued"))
        self.formulas(observations)

    def value_cell(self, obs) -> str:
        """The value in the handout's language; in English with the Chinese as written beneath."""
        value = value_text(obs, self.lang)
        written = written_text(obs)
        return f"{value}\n{written}" if self.lang == "en" and written != value else value

    def subject_details(self, subject) -> str:
        other = subject.name_zh if self.lang == "en" else subject.name_en
        parts = [other] if other and other != local_name(subject, self.lang) else []
        parts.append(subject_kind_label(subject.kind, self.lang))
        port = self.b.port(subject.id)
        if port is not None:
            parts.append(mode_label(port.mode, self.lang))
            if port.country:
                parts.append(country_label(port.country, self.lang))
        return "  ·  ".join(parts)

    def formulas(self, observations) -> None:

        for obs in observations:
            if not obs.is_derived or not obs.formula:
                continue
            inputs = {i: found for i in obs.inputs if (found := self.b.observation(i)) is not None}
            indicator = self.b.indicator(obs.indicator_id)
            label = (
                f"{local_name(indicator, self.lang) if indicator else obs.indicator_id} {period_text(obs, self.lang)}"
            )
            self.flow.text(
                self.w("formula", label=label, formula=readable_formula(obs, inputs, self.lang)),
                size=8,
                colour=MUTED,
                after=3,
            )

    # -- proposals ------------------------------------------------------------------------------

    def proposals(self) -> None:
        f = self.flow
        f.new_page()
        f.heading(self.w("proposals"), 16, mark="proposals", keep_with=f.pt(100), rule=True)
        joiner = "、" if self.lang == "zh" else ", "
        for proposal in proposals_in_scope(self.b, None if self.only is None else tuple(self.only)):
            speaker = self.b.delegate(proposal.delegate_id)
            f.heading(proposal_title(proposal, self.lang), 11, keep_with=f.pt(70), before=12, after=3)
            if self.lang == "en" and proposal.title_en:
                f.text(proposal.title_zh, size=8.8, colour=MUTED, after=2)
            if speaker is not None:
                f.text(self.speaker_line(speaker), size=8.8, colour=MUTED, after=2)
            ports = [self.b.port(pid) for pid in proposal.port_ids]
            names = [local_name(p, self.lang) for p in ports if p is not None]
            f.text(
                self.w("ports_concerned") + joiner.join(names) if names else self.w("no_port"),
                size=8.8,
                colour=MUTED,
                after=3,
            )
            refs = "".join(f"[{self.cite.number(passage_id=pid)}]" for pid in proposal.passage_ids)
            f.text(f"{proposal.text_zh} {refs}", size=9.5, after=4)

    def speaker_line(self, speaker) -> str:
        """凌云 · 全国政协委员,… (the titles name the seat); in English the seat is named first."""
        titles = speaker.titles if speaker.titles != speaker.name_zh else ""
        parts = [speaker.name_zh]
        if self.lang == "en" or not titles:
            parts.append(body_label(speaker.body, self.lang))
        return "  ·  ".join(parts + ([titles] if titles else []))

    # -- sources --------------------------------------------------------------------------------

    def sources(self) -> None:
        f = self.flow
        f.new_page()
        f.heading(self.w("sources"), 16, mark="sources", keep_with=f.pt(100), rule=True)
        f.text(self.w("sources_note"), size=8.5, colour=MUTED, after=6)
        article = self.b.source(self.b.meta.get("source_id", ""))
        if article is not None:
            f.text(_source_line(article, self.lang), size=9, bold=True, after=8)
        for key, number in self.cite.numbers.items():
            kind, ref = key
            if kind == "passage":
                passage = self.b.passage(ref)
                if passage is None:
                    continue
                head = self.w("paragraph", n=passage.position) + (f"  ·  {passage.section}" if passage.section else "")
                if article is None or passage.source_id != article.id:
                    other = self.b.source(passage.source_id)
                    head += f"  ·  {_source_line(other, self.lang)}" if other else ""
                body = f"“{excerpt(passage.text, self.cite.highlights.get(key, []))}”"
            else:
                source = self.b.source(ref)
                head, body = (_source_line(source, self.lang), self._address(source)) if source else (ref, "")
            text = head + (f"\n{body}" if body else "")
            f.text(text, size=8.5, indent=26, hang=f"[{number}]", after=5)

    def _address(self, source) -> str:
        """The address to copy, saying when it is a copy of the publisher's page."""
        if source.url and source.url_kind in ("repost", "mirror"):
            return self.w(source.url_kind) + source.url
        return source.url


def _source_line(source: Source, language: str) -> str:
    # a bracketed title describes a headline that was not recorded: it is not quoted as one; a
    # title is quoted as the handout's language quotes one (《…》 in Chinese, “…” after a comma in English)
    if source.title.startswith("["):
        title = f" {source.title}" if language == "en" else source.title
    else:
        title = f", “{source.title}”" if language == "en" else f"《{source.title}》"
    parts = [f"{source.publisher}{title}" if source.publisher else source.title]
    if date := source_date(source, language):
        parts.append(date)
    return "  ".join(parts)


def excerpt(text: str, highlights: list[str], length: int = EXCERPT) -> str:
    """The paragraph, or `length` characters of it around the first figure cited, marked with …."""
    if len(text) <= length:
        return text
    at = next((text.find(h) for h in highlights if h and text.find(h) >= 0), 0)
    start = max(0, min(at - length // 3, len(text) - length))
    piece = text[start : start + length]
    return ("…" if start > 0 else "") + piece + ("…" if start + length < len(text) else "")


def _contents_row(flow: Flow, font, key: str, name: str, x: float, baseline: float):
    right = flow.right

    def draw(painter: QPainter) -> None:
        page = flow.sections.get(key)
        metrics = flow.metrics(font)
        painter.setFont(font)
        painter.setPen(INK)
        room = right - x - metrics.horizontalAdvance("0000")
        painter.drawText(QPointF(x, baseline), metrics.elidedText(name, Qt.TextElideMode.ElideRight, room))
        if page:
            number = str(page)
            painter.drawText(QPointF(right - metrics.horizontalAdvance(number), baseline), number)

    return draw


def _no_decoration(painter: QPainter, number: int, total: int) -> None:
    """Before the page decoration is known (never called: it is set before the first page)."""


def _decorate(flow: Flow, title: str, lang: str) -> Callable[[QPainter, int, int], None]:
    def draw(painter: QPainter, number: int, total: int) -> None:
        small = flow.font(7.5)
        metrics = flow.metrics(small)
        painter.setFont(small)
        painter.setPen(MUTED)
        footer = handout_word("page_of", lang, n=number, total=total)
        baseline = flow.height - flow.pt(30)
        painter.drawText(QPointF((flow.width - metrics.horizontalAdvance(footer)) / 2, baseline), footer)
        if number == 1:
            return
        top = flow.pt(34)
        painter.drawText(
            QPointF(flow.left, top), metrics.elidedText(title, Qt.TextElideMode.ElideRight, flow.text_width * 0.6)
        )
        section = flow.running[number - 1]
        section = metrics.elidedText(section, Qt.TextElideMode.ElideRight, flow.text_width * 0.38)
        painter.drawText(QPointF(flow.right - metrics.horizontalAdvance(section), top), section)
        painter.setPen(QPen(RULE, flow.pt(0.5)))
        painter.drawLine(QPointF(flow.left, top + flow.pt(5)), QPointF(flow.right, top + flow.pt(5)))

    return draw


def render_handout(
    briefing, device: QIODevice, lang: str, progress: Progress | None = None, subject_ids: tuple[str, ...] | None = None
) -> int:
    """Write the handout as PDF into an open device; returns the number of pages.

    `progress(done, total)` returning False cancels (ExportCancelled): while the pages are being
    counted it is called with total 0 and `done` the pages counted so far."""
    lang = checked_language(lang)
    writer = QPdfWriter(device)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    title = briefing_title(briefing.meta, lang)
    writer.setTitle(title)
    writer.setCreator(f"briefing {__version__}")
    family = handout_family()

    def counted(number: int, _steps) -> None:
        if progress is not None and number % 20 == 0 and not progress(number, 0):
            raise ExportCancelled()

    counting = Flow(writer, family, keep=False, on_page=counted)
    Handout(briefing, counting, lang, subject_ids).build()
    counting.finish()
    total = counting.page_count
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("the PDF could not be started")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    decorate: Callable[[QPainter, int, int], None] = _no_decoration

    def paint(number: int, steps) -> None:
        if progress is not None and not progress(number - 1, total):
            raise ExportCancelled()
        if number > 1 and not writer.newPage():
            raise OSError("the PDF writer could not start a new page")
        for step in steps:
            step(painter)
        decorate(painter, number, total)

    try:
        flow = Flow(writer, family, keep=False, on_page=paint, sections=counting.sections)
        decorate = _decorate(flow, title, lang)
        Handout(briefing, flow, lang, subject_ids).build()
        flow.finish()
        if flow.page_count != total:  # layout is deterministic; never print a wrong "page n of m"
            raise OSError(f"the handout came out at {flow.page_count} pages, not the {total} counted")
        if progress is not None and not progress(total, total):
            raise ExportCancelled()
        return total
    finally:
        painter.end()


def write_handout(
    briefing, path: Path, lang: str = "zh", progress: Progress | None = None, subject_ids: tuple[str, ...] | None = None
) -> int:
    """The handout as `path` (of `subject_ids` only, if given); returns its page count. It is
    written as it is made into a temporary file, renamed into place only when complete, so
    ExportError or ExportCancelled leave no file behind."""
    path = Path(path)
    check_target(path, (briefing.path,))  # before the work: a missing folder fails at once
    with streamed(path, protected=(briefing.path,), ending=b"%%EOF\n") as device:
        return render_handout(briefing, device, lang, progress, subject_ids)
