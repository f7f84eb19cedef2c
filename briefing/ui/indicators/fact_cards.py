"""Fact cards: one card per figure, grouped by indicator, laid out in as many columns as fit.

A card says what the figure is (reported, target, lower bound, estimate …) by its badge and its
border, not only by its colour, and it leads back to the passage or the source it came from.

Cards are made once and kept in a pool: the next subject fills the cards already made with its
figures and hides the ones it does not need (making a card, a dozen widgets, cost more than a
frame for a few of them). Their look is painted from the theme's colours (`card_look`), not set by
a style sheet: a style sheet over the cards made Qt restyle every label on every change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from briefing.drawing import themes
from briefing.drawing.formatting import (
    english_amount,
    kind_label,
    number_text,
    period_text,
    readable_formula,
    same_figure,
    source_date,
    value_text,
    written_text,
)
from briefing.drawing.i18n import in_language, is_english, local_name
from briefing.store.records import Indicator, Observation, Source, Subject
from briefing.ui.common import theme_widgets
from briefing.ui.indicators import card_look
from briefing.ui.indicators.card_look import Badge, BoxedLabel, CardText

MAX_COLUMNS = 3
L = TypeVar("L", bound=QLabel)
CARDS_AT_ONCE = 24  # more than a screenful; a subject with more figures gets a button for the next ones
_FONT_EVENTS = (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange)


def _scaled(base: QFont, factor: float, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPointSizeF(max(base.pointSizeF(), 1.0) * factor)
    font.setBold(bold)
    return font


def _made(kind: type[L], text: str, name: str, wrap: bool = True) -> L:
    label = kind(text)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # database text is never read as HTML
    label.setWordWrap(wrap)  # selectable by mouse once pointed at (see CardText)
    return label


def _label(text: str, name: str, wrap: bool = True) -> CardText:
    return _made(CardText, text, name, wrap)


# -- one card ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardContext:
    """What a card needs besides its own record; looked up by the panel, never by the card."""

    subject: Subject | None
    inputs: dict[str, Observation]
    input_names: dict[str, str]
    source: Source | None
    also: int = 0  # how many more passages give the very same figure (shown once, on one card)


def note_text(obs: Observation) -> str:
    """The figure's note for the audience, in English where the briefing has one."""
    return in_language(obs.note_zh, obs.note_en)


class FactCard(QWidget):
    """One figure (filled in by `show_observation`). Its `kind` property picks the border and badge
    that `card_look` paints."""

    source_requested = Signal(str, str)  # passage id, text to highlight

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.observation: Observation | None = None
        self.setObjectName("factCard")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)  # a row's cards share a height
        layout = self._layout = QVBoxLayout(self)
        layout.setSpacing(6)

        top = QHBoxLayout()
        self.badge = _made(Badge, "", "kindBadge", wrap=False)
        self.period = _label("", "factPeriod")
        self.period.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.period, 1)
        layout.addLayout(top)

        self.value = _label("", "factValue")
        self.unit = _label("", "factUnit")
        self._formula = _made(BoxedLabel, "", "factFormula")
        self.note = _label("", "factNote")
        layout.addWidget(self.value)
        layout.addWidget(self.unit)
        layout.addWidget(self._formula)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self._button = QPushButton()
        self._button.setObjectName("sourceButton")
        self._button.setCursor(Qt.CursorShape.PointingHandCursor)
        self._button.clicked.connect(self._on_source_clicked)
        self._source = _label("", "factSource")
        layout.addWidget(self._button)
        layout.addWidget(self._source)
        self.apply_theme()
        self._apply_fonts()

    # The parts a figure may lack are hidden, not removed; these say None for a hidden one.
    @property
    def formula(self) -> QLabel | None:
        return None if self._formula.isHidden() else self._formula

    @property
    def source_button(self) -> QPushButton | None:
        return None if self._button.isHidden() else self._button

    @property
    def source_label(self) -> QLabel | None:
        return None if self._source.isHidden() else self._source

    def show_observation(self, obs: Observation, context: CardContext) -> None:
        self.observation = obs
        self.setProperty("kind", obs.kind)
        self.badge.set_kind(obs.kind)
        self._layout.setContentsMargins(*card_look.content_margins(obs.kind))
        self.badge.setText(kind_label(obs.kind))
        period = period_text(obs)
        if obs.after_article:  # a figure later than the article: say so wherever it is shown
            period += " · " + QCoreApplication.translate("FactCard", "晚于原文")
        self.period.setText(period)
        self.value.setText(value_text(obs))
        written = written_text(obs)  # in English, the Chinese as the source wrote it, on hover
        self.value.setToolTip(
            QCoreApplication.translate("FactCard", "原文:{written}").format(written=written)
            if written != value_text(obs)
            else ""
        )
        # In English the value already says its unit in words; the Chinese unit line stays in Chinese.
        self.unit.setText(
            QCoreApplication.translate("FactCard", "单位:{unit}").format(unit=obs.unit)
            if obs.unit and not is_english()
            else ""
        )
        self.unit.setVisible(bool(self.unit.text()))
        formula = self._formula_text(obs, context)
        self._formula.setText(formula)
        self._formula.setVisible(bool(formula))
        note = note_text(obs)
        if context.also:
            also = QCoreApplication.translate("FactCard", "原文另有 {n} 处给出同一数字").format(n=context.also)
            note = f"{note}\n{also}" if note else also
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self._show_footer(obs, context)
        self.update()

    def _formula_text(self, obs: Observation, context: CardContext) -> str:
        if not obs.is_derived or not obs.formula:
            return ""
        lines = [
            QCoreApplication.translate("FactCard", "推算:{formula}").format(
                formula=readable_formula(obs, context.inputs)
            )
        ]
        for input_id in obs.inputs:
            source = context.inputs.get(input_id)
            if source is not None:
                amount = (
                    english_amount(number_text(source.value), source.unit)
                    if is_english()
                    else f"{number_text(source.value)}{source.unit}"
                )
                lines.append(
                    "  "
                    + QCoreApplication.translate("FactCard", "{value}:{name}").format(
                        value=amount, name=context.input_names.get(input_id, "")
                    )
                )
        return "\n".join(lines)

    def _show_footer(self, obs: Observation, context: CardContext) -> None:
        if obs.passage_id:
            self._button.setText(QCoreApplication.translate("FactCard", "查看原文"))
            self._button.setToolTip(QCoreApplication.translate("FactCard", "在“原文”页打开这句话所在的段落"))
            self._source.hide()
            self._button.show()
            return
        title = _citation(context.source) if context.source else obs.source_id
        confidence = {
            "high": QCoreApplication.translate("FactCard", "高"),
            "medium": QCoreApplication.translate("FactCard", "中"),
            "low": QCoreApplication.translate("FactCard", "低"),
        }.get(obs.confidence, obs.confidence)
        text = QCoreApplication.translate("FactCard", "来源:{title}").format(title=title)
        if confidence:
            text += "\n" + QCoreApplication.translate("FactCard", "可信度:{confidence}").format(confidence=confidence)
        self._source.setText(text)
        self._button.hide()
        self._source.show()

    def _on_source_clicked(self) -> None:
        if self.observation is not None:
            self.source_requested.emit(self.observation.passage_id or "", self.observation.as_written)

    def apply_theme(self) -> None:
        theme = themes.current()
        theme_widgets.set_text_colour(self.period, theme.chart_subtitle)
        for label in (self.note, self._source):
            theme_widgets.set_text_colour(label, theme.muted)
        theme_widgets.set_text_colour(self._formula, theme.text)
        self._formula.set_box(theme.formula_background)
        self.badge.apply_theme()
        self.update()

    def _apply_fonts(self) -> None:
        base = self.font()
        self.value.setFont(_scaled(base, 2.1, bold=True))
        self.badge.setFont(_scaled(base, 0.95, bold=True))
        self.period.setFont(_scaled(base, 1.0))
        self.unit.setFont(_scaled(base, 0.9))
        self.note.setFont(_scaled(base, 0.85))
        self._formula.setFont(_scaled(base, 0.95))
        self._source.setFont(_scaled(base, 0.9))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        # The grid sometimes sizes a row from a height worked out for the card's earlier texts, and its
        # wrapped lines then overlap (seen at 150 % on 1366x768): ask for what the texts need at this width.
        needed = self._layout.totalHeightForWidth(self.width())
        if needed != self.minimumHeight() and (needed > self.height() or self.minimumHeight() > needed):
            self.setMinimumHeight(needed)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.observation is not None:
            card_look.paint_card(QPainter(self), self.rect(), self.observation.kind, themes.current())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _FONT_EVENTS:
            self._apply_fonts()
        super().changeEvent(event)


# -- the panel --------------------------------------------------------------------------------


class FactCardPanel(QScrollArea):
    """All cards of one subject in a scrolling grid; reflows to 1–3 columns as the width allows."""

    source_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._sheet = QWidget()
        self._sheet.setObjectName("factCardSheet")
        self._sheet.setAutoFillBackground(True)
        self._grid = QGridLayout(self._sheet)
        self._grid.setContentsMargins(16, 8, 16, 16)
        self._grid.setSpacing(14)
        self.setWidget(self._sheet)
        self._message = _made(BoxedLabel, "", "noDataMessage")
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setParent(self._sheet)
        self._message.hide()
        self._groups: list[tuple[QLabel, list[FactCard]]] = []
        self._columns = 0
        self.cards: list[FactCard] = []  # the cards showing the subject's figures, in order
        self._card_pool: list[FactCard] = []  # every card made so far; those past `cards` are hidden
        self._heading_pool: list[QLabel] = []
        self._waiting: list[Observation] = []  # in order, not yet shown as cards
        self._made_for: tuple = ({}, None)  # the indicators, and how to look up a figure's context
        self._also: dict[str, int] = {}  # a figure's first observation -> how many passages repeat it
        self.more = QPushButton(self._sheet)
        self.more.setObjectName("moreCards")
        self.more.clicked.connect(lambda: self._add_cards(CARDS_AT_ONCE))
        self.more.hide()
        self._apply_theme()
        themes.signals().theme_changed.connect(self._apply_theme)

    def show_observations(
        self,
        subject: Subject | None,
        observations: tuple[Observation, ...],
        indicators: dict[str, Indicator],
        context_for: Callable[[Observation], CardContext],
    ) -> None:
        """Show a subject's figures; `context_for` is asked only for the figures made into cards."""
        self._groups, self.cards, self._waiting = [], [], []
        if not observations:
            name = local_name(subject) if subject else ""
            self._message.setText(
                QCoreApplication.translate(
                    "FactCardPanel", "本简报没有关于该口岸的数据\n\n{name}:文章与参考资料都没有给出数字。"
                ).format(name=name)
            )
            self._message.show()
            self._finish()
            return
        self._message.hide()
        by_indicator: dict[str, list[Observation]] = {}
        self._also = {}
        first: dict[tuple, Observation] = {}
        for obs in observations:
            key = same_figure(obs)
            if key in first:
                self._also[first[key].id] = self._also.get(first[key].id, 0) + 1
                continue
            first[key] = obs
            by_indicator.setdefault(obs.indicator_id, []).append(obs)
        order = {indicator_id: position for position, indicator_id in enumerate(indicators)}
        self._waiting = [
            obs
            for indicator_id in sorted(by_indicator, key=lambda i: order.get(i, len(order)))
            for obs in by_indicator[indicator_id]
        ]
        self._made_for = (indicators, context_for)
        self._add_cards(CARDS_AT_ONCE)
        self.verticalScrollBar().setValue(0)

    def _add_cards(self, count: int) -> None:
        """Show the next `count` figures as cards, making cards only when the pool has too few."""
        indicators, context_for = self._made_for
        batch, self._waiting = self._waiting[:count], self._waiting[count:]
        for obs in batch:
            last = self._groups[-1][1][0].observation if self._groups else None
            if last is None or last.indicator_id != obs.indicator_id:
                indicator = indicators.get(obs.indicator_id)
                heading = self._pooled(self._heading_pool, len(self._groups), self._make_heading)
                heading.setText(local_name(indicator) if indicator else obs.indicator_id)
                self._groups.append((heading, []))
            card = self._pooled(self._card_pool, len(self.cards), self._make_card)
            context = context_for(obs)
            if self._also.get(obs.id):
                context = replace(context, also=self._also[obs.id])
            card.show_observation(obs, context)
            self._groups[-1][1].append(card)
            self.cards.append(card)
        self.more.setText(
            QCoreApplication.translate("FactCardPanel", "显示更多数据(还有 {n} 条)").format(n=len(self._waiting))
        )
        self._finish()

    @staticmethod
    def _pooled(pool: list, index: int, make: Callable[[], QWidget]):
        while len(pool) <= index:
            pool.append(make())
        return pool[index]

    def _make_card(self) -> FactCard:
        card = FactCard(self._sheet)
        card.source_requested.connect(self.source_requested)
        return card

    def _make_heading(self) -> QLabel:
        heading = _label("", "indicatorHeading")
        heading.setContentsMargins(5, 10, 0, 0)
        heading.setParent(self._sheet)
        heading.setFont(_scaled(self.font(), 1.3, bold=True))
        theme_widgets.set_text_colour(heading, themes.current().card_heading)
        return heading

    def _finish(self) -> None:
        """Lay out what is in use, then show it and hide the rest of the pool."""
        self._relayout(force=True)
        in_use = {id(widget) for heading, cards in self._groups for widget in (heading, *cards)}
        for widget in (*self._heading_pool, *self._card_pool):
            widget.setVisible(id(widget) in in_use)

    def _apply_theme(self, *_args) -> None:
        theme = themes.current()
        theme_widgets.set_background(self._sheet, theme.card_sheet)
        theme_widgets.set_text_colour(self._message, theme.muted)
        self._message.set_box(theme.card_background, theme.card_border, card_look.CARD_RADIUS, (40, 40))
        for heading in self._heading_pool:
            theme_widgets.set_text_colour(heading, theme.card_heading)
        for card in self._card_pool:
            card.apply_theme()

    def headings(self) -> list[str]:
        return [heading.text() for heading, _ in self._groups]

    def message_text(self) -> str:
        return self._message.text() if not self._message.isHidden() else ""

    def _column_count(self) -> int:
        width = self.viewport().width() - 32
        card_width = self.fontMetrics().horizontalAdvance("口") * 19
        return max(1, min(MAX_COLUMNS, width // max(card_width, 1)))

    def _relayout(self, force: bool = False) -> None:
        columns = self._column_count()
        if columns == self._columns and not force:
            return
        self._columns = columns
        while self._grid.count():
            self._grid.takeAt(0)
        for column in range(MAX_COLUMNS):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        row = 0
        if not self._message.isHidden():
            self._grid.addWidget(self._message, 0, 0, 1, columns)
            row = 1
        for heading, cards in self._groups:
            self._grid.addWidget(heading, row, 0, 1, columns)
            row += 1
            for position, card in enumerate(cards):
                self._grid.addWidget(card, row + position // columns, position % columns)
            row += (len(cards) + columns - 1) // columns
        self.more.setVisible(bool(self._waiting))
        if self._waiting:
            self._grid.addWidget(self.more, row, 0, 1, columns, Qt.AlignmentFlag.AlignLeft)
            row += 1
        for stretch_row in range(self._grid.rowCount()):
            self._grid.setRowStretch(stretch_row, 0)
        self._grid.setRowStretch(row, 1)

    def _apply_fonts(self) -> None:
        base = self.font()
        for heading in self._heading_pool:
            heading.setFont(_scaled(base, 1.3, bold=True))
        self._message.setFont(_scaled(base, 1.6, bold=True))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _FONT_EVENTS:
            self._apply_fonts()
            self._relayout()
        super().changeEvent(event)


def _citation(source: Source) -> str:
    """Publisher · date · title, and whether the address is a copy of the publisher's page."""
    text = " · ".join(part for part in (source.publisher, source_date(source), source.title) if part)
    if source.url_kind == "repost":
        text += QCoreApplication.translate("FactCard", "(转载)")
    elif source.url_kind == "mirror":
        text += QCoreApplication.translate("FactCard", "(镜像页)")
    return text
