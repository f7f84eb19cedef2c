"""Fact cards: one card per figure, grouped by indicator, laid out in as many columns as fit.

A card says what the figure is (reported, target, lower bound, estimate …) by its badge and its
border, not only by its colour, and it leads back to the passage or the source it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from briefing.store.records import Indicator, Observation, Source, Subject
from briefing.ui import themes
from briefing.ui.formatting import kind_label, number_text, value_text
from briefing.ui.i18n import local_name

MAX_COLUMNS = 3
CARDS_AT_ONCE = 24  # more than a screenful; a subject with more figures gets a button for the next ones
_FONT_EVENTS = (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange)


def _tint(accent: str, background: str, amount: float) -> str:
    """`amount` of the accent over the background: a card's faint wash in its kind's colour."""
    a, b = QColor(accent), QColor(background)
    mix = [round(b.red() + (a.red() - b.red()) * amount), round(b.green() + (a.green() - b.green()) * amount),
           round(b.blue() + (a.blue() - b.blue()) * amount)]
    return QColor(*mix).name()


def style_sheet(theme: themes.Theme) -> str:
    """The cards' look in a theme: a border and badge per kind, so the kind reads without colour too."""
    accents, card = theme.accents, theme.card_background
    target, derived = accents["target"], accents["derived"]

    def ink(kind: str) -> str:  # text in a hollow badge: the accent, darkened on a light card
        return accents[kind] if theme.dark else QColor(accents[kind]).darker(127).name()

    sheet = f"""
QWidget#factCardSheet {{ background: {theme.card_sheet}; }}
QFrame#factCard {{ background: {card}; border: 1px solid {theme.card_border}; border-radius: 8px; }}
QLabel#kindBadge {{ color: {theme.base}; border-radius: 5px; padding: 2px 10px; }}
QLabel#factPeriod {{ color: {theme.chart_subtitle}; }}
QLabel#factNote, QLabel#factSource {{ color: {theme.muted}; }}
QLabel#factFormula {{ color: {theme.text}; background: {theme.formula_background}; border-radius: 4px;
                     padding: 4px 6px; }}
QLabel#indicatorHeading {{ color: {theme.card_heading}; padding-top: 10px; }}
QLabel#noDataMessage {{ color: {theme.muted}; background: {card}; border: 1px solid {theme.card_border};
                       border-radius: 8px; padding: 40px; }}
QFrame#factCard[kind="target"] {{ border: 3px dashed {target}; background: {_tint(target, card, 0.05)}; }}
QFrame#factCard[kind="derived"] {{ border: 3px dotted {derived}; background: {_tint(derived, card, 0.05)}; }}
QLabel#kindBadge[kind="target"] {{ background: {card}; color: {ink("target")}; border: 2px dashed {target}; }}
QLabel#kindBadge[kind="derived"] {{ background: {card}; color: {ink("derived")}; border: 2px dotted {derived}; }}
"""
    return sheet + "".join(
        f'QFrame#factCard[kind="{kind}"] {{ border-left: 8px solid {colour}; }}\n'
        f'QLabel#kindBadge[kind="{kind}"] {{ background: {colour}; }}\n'
        for kind, colour in accents.items() if kind not in ("target", "derived")
    )


def _scaled(base: QFont, factor: float, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPointSizeF(max(base.pointSizeF(), 1.0) * factor)
    font.setBold(bold)
    return font


def _label(text: str, name: str, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # database text is never read as HTML
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


# -- formulas ---------------------------------------------------------------------------------

_TOKEN = re.compile(r"(\{[^}]+\}(?:\s*/\s*100\b)?)")


def _operand(token: str, inputs: dict[str, Observation]) -> str:
    match = re.fullmatch(r"\{([^}]+)\}(\s*/\s*100)?", token)
    obs = inputs.get(match.group(1)) if match else None
    if obs is None:
        return token
    number = number_text(obs.value)
    if match.group(2):
        return f"{number}%" if obs.unit == "%" else f"{number}{obs.unit} ÷ 100"
    return f"{number}{obs.unit}"


def readable_formula(obs: Observation, inputs: dict[str, Observation]) -> str:
    """'{a} / (1 + {b} / 100)' as '2073.1亿元 ÷ (1 + 5.8%) ≈1,959.45亿元'."""
    parts = []
    for piece in _TOKEN.split(obs.formula):
        if _TOKEN.fullmatch(piece):
            parts.append(_operand(piece, inputs))
        else:  # operators only ever appear outside the braces; units may contain '/'
            piece = re.sub(r"\s*/\s*", " ÷ ", piece)
            parts.append(re.sub(r"\s*\*\s*", " × ", piece))
    text = re.sub(r"\((\S+%)\)", r"\1", "".join(parts).strip())  # '÷ (91.6%)' reads as '÷ 91.6%'
    result = value_text(obs)
    return f"{text} {result}" if result.startswith("≈") else f"{text} = {result}"


# -- one card ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardContext:
    """What a card needs besides its own record; looked up by the panel, never by the card."""

    subject: Subject | None
    inputs: dict[str, Observation]
    input_names: dict[str, str]
    source: Source | None


class FactCard(QFrame):
    """One figure. Its `kind` property drives the border and badge in the style sheet."""

    source_requested = Signal(str, str)  # passage id, text to highlight

    def __init__(self, obs: Observation, context: CardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.observation = obs
        self.setObjectName("factCard")
        self.setProperty("kind", obs.kind)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)  # a row's cards share a height
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)

        top = QHBoxLayout()
        self.badge = _label(kind_label(obs.kind), "kindBadge", wrap=False)
        self.badge.setProperty("kind", obs.kind)
        self.period = _label(obs.period_zh or obs.period, "factPeriod")
        self.period.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.period, 1)
        layout.addLayout(top)

        self.value = _label(value_text(obs), "factValue")
        self.unit = _label(QCoreApplication.translate("FactCard", "单位:{unit}").format(unit=obs.unit)
                           if obs.unit else "", "factUnit")
        layout.addWidget(self.value)
        layout.addWidget(self.unit)
        self.formula = self._formula_label(obs, context)
        if self.formula is not None:
            layout.addWidget(self.formula)
        self.note = _label(obs.note, "factNote")
        self.note.setVisible(bool(obs.note))
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addWidget(self._footer(obs, context))
        self._apply_fonts()

    def _formula_label(self, obs: Observation, context: CardContext) -> QLabel | None:
        if not obs.is_derived or not obs.formula:
            return None
        lines = [QCoreApplication.translate("FactCard", "推算:{formula}").format(
            formula=readable_formula(obs, context.inputs))]
        for input_id in obs.inputs:
            source = context.inputs.get(input_id)
            if source is not None:
                lines.append("  " + QCoreApplication.translate("FactCard", "{value}:{name}").format(
                    value=f"{number_text(source.value)}{source.unit}", name=context.input_names.get(input_id, "")))
        return _label("\n".join(lines), "factFormula")

    def _footer(self, obs: Observation, context: CardContext) -> QWidget:
        if obs.passage_id:
            button = QPushButton(QCoreApplication.translate("FactCard", "查看原文"))
            button.setObjectName("sourceButton")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setToolTip(QCoreApplication.translate("FactCard", "在“原文”页打开这句话所在的段落"))
            button.clicked.connect(self._on_source_clicked)
            self.source_button = button
            self.source_label = None
            return button
        self.source_button = None
        title = context.source.title if context.source else obs.source_id
        confidence = {"high": QCoreApplication.translate("FactCard", "高"),
                      "medium": QCoreApplication.translate("FactCard", "中"),
                      "low": QCoreApplication.translate("FactCard", "低")}.get(obs.confidence, obs.confidence)
        text = QCoreApplication.translate("FactCard", "来源:{title}").format(title=title)
        if confidence:
            text += "\n" + QCoreApplication.translate("FactCard", "可信度:{confidence}").format(confidence=confidence)
        self.source_label = _label(text, "factSource")
        return self.source_label

    def _on_source_clicked(self) -> None:
        self.source_requested.emit(self.observation.passage_id or "", self.observation.as_written)

    def _apply_fonts(self) -> None:
        base = self.font()
        self.value.setFont(_scaled(base, 2.1, bold=True))
        self.badge.setFont(_scaled(base, 0.95, bold=True))
        self.period.setFont(_scaled(base, 1.0))
        self.unit.setFont(_scaled(base, 0.9))
        self.note.setFont(_scaled(base, 0.85))
        if self.formula is not None:
            self.formula.setFont(_scaled(base, 0.95))
        if self.source_label is not None:
            self.source_label.setFont(_scaled(base, 0.9))

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
        self._sheet.setStyleSheet(style_sheet(themes.current()))
        themes.signals().theme_changed.connect(self._apply_theme)
        self._grid = QGridLayout(self._sheet)
        self._grid.setContentsMargins(16, 8, 16, 16)
        self._grid.setSpacing(14)
        self.setWidget(self._sheet)
        self._message = _label("", "noDataMessage")
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._groups: list[tuple[QLabel, list[FactCard]]] = []
        self._columns = 0
        self.cards: list[FactCard] = []
        self._waiting: list[Observation] = []  # in order, not yet made into cards
        self._made_for: tuple = ({}, {})  # the indicators and contexts of the figures shown
        self.more = QPushButton(self._sheet)
        self.more.setObjectName("moreCards")
        self.more.clicked.connect(lambda: self._add_cards(CARDS_AT_ONCE))
        self.more.hide()

    def show_observations(self, subject: Subject | None, observations: tuple[Observation, ...],
                          indicators: dict[str, Indicator], contexts: dict[str, CardContext]) -> None:
        self._clear()
        if not observations:
            name = local_name(subject) if subject else ""
            self._message.setText(QCoreApplication.translate(
                "FactCardPanel", "本简报没有关于该口岸的数据\n\n{name}:文章与参考资料都没有给出数字。").format(name=name))
            self._message.show()
            self._relayout(force=True)
            return
        self._message.hide()
        by_indicator: dict[str, list[Observation]] = {}
        for obs in observations:
            by_indicator.setdefault(obs.indicator_id, []).append(obs)
        order = {indicator_id: position for position, indicator_id in enumerate(indicators)}
        self._waiting = [obs for indicator_id in sorted(by_indicator, key=lambda i: order.get(i, len(order)))
                         for obs in by_indicator[indicator_id]]
        self._made_for = (indicators, contexts)
        self._add_cards(CARDS_AT_ONCE)
        self.verticalScrollBar().setValue(0)

    def _add_cards(self, count: int) -> None:
        """Make the next `count` figures into cards (a card is a dozen widgets: a thousand take seconds)."""
        indicators, contexts = self._made_for
        batch, self._waiting = self._waiting[:count], self._waiting[count:]
        for obs in batch:
            if not self._groups or self._groups[-1][1][0].observation.indicator_id != obs.indicator_id:
                indicator = indicators.get(obs.indicator_id)
                heading = _label(local_name(indicator) if indicator else obs.indicator_id, "indicatorHeading")
                self._groups.append((heading, []))
            card = FactCard(obs, contexts[obs.id])
            card.source_requested.connect(self.source_requested)
            self._groups[-1][1].append(card)
            self.cards.append(card)
        self.more.setText(QCoreApplication.translate("FactCardPanel", "显示更多数据(还有 {n} 条)").format(
            n=len(self._waiting)))
        self._apply_fonts()
        self._relayout(force=True)

    def _apply_theme(self, *_args) -> None:
        self._sheet.setStyleSheet(style_sheet(themes.current()))

    def headings(self) -> list[str]:
        return [heading.text() for heading, _ in self._groups]

    def message_text(self) -> str:
        return self._message.text() if not self._message.isHidden() else ""

    def _clear(self) -> None:
        while self._grid.count():
            self._grid.takeAt(0)
        for heading, cards in self._groups:
            for widget in (heading, *cards):
                widget.hide()
                widget.deleteLater()
        self._groups = []
        self.cards = []
        self._waiting = []

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
        for heading, _ in self._groups:
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
