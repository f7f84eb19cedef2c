"""What the briefing covers: the grouped subject list and the subjects × indicators matrix.

Both models say plainly where the briefing is silent: a port without figures is greyed and
labelled, and a (subject, indicator) pair nobody reported is an empty '—', never a 0.
"""

from __future__ import annotations

import re

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader

from briefing.drawing import i18n, themes
from briefing.drawing.i18n import QT_TRANSLATE_NOOP, local_name
from briefing.store.records import Indicator, Subject
from briefing.ui.common.plain_text import plain_tooltip

SUBJECT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OBSERVATION_COUNT_ROLE = Qt.ItemDataRole.UserRole + 2


def _muted() -> QBrush:
    """Where the briefing is silent: greyed, in the current theme."""
    return QBrush(QColor(themes.current().disabled_text))


# Column headers are read from the back of a room, so each indicator gets a short name.
# Unknown indicators (another briefing) fall back to their full name, shortened by rule.
_SHORT_NAMES = {
    "open-ports": QT_TRANSLATE_NOOP("CoverageModel", "开放口岸数"),
    "nev-exports": QT_TRANSLATE_NOOP("CoverageModel", "新三样出口额"),
    "nev-exports-growth": QT_TRANSLATE_NOOP("CoverageModel", "新三样增速"),
    "nev-exports-share": QT_TRANSLATE_NOOP("CoverageModel", "新三样占比"),
    "bonded-warehousing-value": QT_TRANSLATE_NOOP("CoverageModel", "保税仓储价值"),
    "bonded-export-tax-rebate": QT_TRANSLATE_NOOP("CoverageModel", "出口退税"),
    "used-car-export-bases": QT_TRANSLATE_NOOP("CoverageModel", "二手车基地"),
    "used-car-exports": QT_TRANSLATE_NOOP("CoverageModel", "二手车出口"),
    "used-car-exports-growth": QT_TRANSLATE_NOOP("CoverageModel", "二手车增速"),
    "processing-industries": QT_TRANSLATE_NOOP("CoverageModel", "加工产业数"),
    "border-trade-value": QT_TRANSLATE_NOOP("CoverageModel", "互市贸易额"),
    "processing-trade-value": QT_TRANSLATE_NOOP("CoverageModel", "落地加工额"),
    "processing-share-of-border-trade": QT_TRANSLATE_NOOP("CoverageModel", "加工占比"),
    "processing-firms": QT_TRANSLATE_NOOP("CoverageModel", "加工企业数"),
    "border-mutual-aid-groups": QT_TRANSLATE_NOOP("CoverageModel", "边民互助组"),
    "border-cooperatives": QT_TRANSLATE_NOOP("CoverageModel", "边民合作社"),
    "registered-border-residents": QT_TRANSLATE_NOOP("CoverageModel", "备案边民"),
    "freight-volume": QT_TRANSLATE_NOOP("CoverageModel", "货运量"),
    "rail-freight-volume": QT_TRANSLATE_NOOP("CoverageModel", "铁路货运量"),
    "road-freight-volume": QT_TRANSLATE_NOOP("CoverageModel", "公路货运量"),
    "ce-trains": QT_TRANSLATE_NOOP("CoverageModel", "中欧班列"),
    "ce-trains-cumulative": QT_TRANSLATE_NOOP("CoverageModel", "班列累计"),
    "ce-train-routes": QT_TRANSLATE_NOOP("CoverageModel", "班列线路"),
    "ce-train-destination-countries": QT_TRANSLATE_NOOP("CoverageModel", "通达国家"),
    "ce-train-destination-regions": QT_TRANSLATE_NOOP("CoverageModel", "通达地区"),
    "ce-train-source-provinces": QT_TRANSLATE_NOOP("CoverageModel", "货源省份"),
    "ce-train-teu": QT_TRANSLATE_NOOP("CoverageModel", "班列标箱"),
    "ce-train-freight": QT_TRANSLATE_NOOP("CoverageModel", "班列货运量"),
    "major-port-projects": QT_TRANSLATE_NOOP("CoverageModel", "重大项目"),
    "port-project-start-rate": QT_TRANSLATE_NOOP("CoverageModel", "项目开工率"),
    "port-projects-completed": QT_TRANSLATE_NOOP("CoverageModel", "项目竣工数"),
    "foreign-trade-value": QT_TRANSLATE_NOOP("CoverageModel", "外贸总值"),
    "foreign-trade-growth": QT_TRANSLATE_NOOP("CoverageModel", "外贸增速"),
    "foreign-trade-growth-vs-national": QT_TRANSLATE_NOOP("CoverageModel", "高于全国"),
    "trading-countries": QT_TRANSLATE_NOOP("CoverageModel", "贸易国家"),
    "partners-with-trade-growth": QT_TRANSLATE_NOOP("CoverageModel", "增长伙伴"),
    "proposed-key-projects": QT_TRANSLATE_NOOP("CoverageModel", "建议项目"),
    "entry-exit-persons": QT_TRANSLATE_NOOP("CoverageModel", "出入境人员"),
    "border-vehicles": QT_TRANSLATE_NOOP("CoverageModel", "出入境车辆"),
    "intl-flights": QT_TRANSLATE_NOOP("CoverageModel", "国际航班"),
    "intl-passengers": QT_TRANSLATE_NOOP("CoverageModel", "国际旅客"),
}


def short_name(indicator: Indicator) -> str:
    known = _SHORT_NAMES.get(indicator.id)
    if known:
        return QCoreApplication.translate("CoverageModel", known)
    if i18n.is_english() and indicator.name_en:
        name = re.sub(r"\s*\([^)]*\)", "", indicator.name_en).removeprefix("Number of ").strip()
        return name if len(name) <= 22 else name[:21].rstrip() + "…"
    name = re.sub(r"[(（][^)）]*[)）]", "", indicator.name_zh)
    return name.removesuffix("数量")[:6] or indicator.id


def column_head(indicator: Indicator) -> str:
    """Chinese one character per line; English as one line (the header view turns it upright)."""
    return short_name(indicator) if i18n.is_english() else vertical(short_name(indicator))


def vertical(text: str) -> str:
    """Chinese set one character per line, the way narrow column heads are set in print."""
    return "\n".join(text)


class ColumnHeader(QHeaderView):
    """Column heads for narrow columns: Chinese as the model sets it (one character per line),
    English turned a quarter to read bottom-up, since a word cannot be stacked letter by letter."""

    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)

    def _text(self, logical: int) -> str:
        return str(self.model().headerData(logical, self.orientation(), Qt.ItemDataRole.DisplayRole) or "")

    def sectionSizeFromContents(self, logical: int) -> QSize:  # noqa: N802 (Qt override)
        if not i18n.is_english() or self.model() is None:
            return super().sectionSizeFromContents(logical)
        metrics = self.fontMetrics()
        return QSize(metrics.height() + 10, metrics.horizontalAdvance(self._text(logical)) + 18)

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:  # noqa: N802 (Qt override)
        if not i18n.is_english():
            super().paintSection(painter, rect, logical)
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect, option.section, option.text = rect, logical, ""  # type: ignore[attr-defined]  # PySide6 6.9's stubs omit the option's fields
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.restore()  # the style leaves a clip behind that would hide the turned text
        painter.save()
        painter.translate(rect.left(), rect.bottom())
        painter.rotate(-90)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.drawText(
            QRect(9, 0, rect.height() - 12, rect.width()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self._text(logical),
        )
        painter.restore()


# -- the grouped subject list ---------------------------------------------------------------


def subject_group(subject: Subject) -> int:
    """0 region and cities, 1 port groups, 2 single ports."""
    return {"region": 0, "league_city": 0, "port_group": 1, "port": 2}.get(subject.kind, 1)


def ordered_subjects(subjects: tuple[Subject, ...]) -> list[Subject]:
    return sorted(subjects, key=subject_group)  # stable: keeps the briefing's own order in a group


class SubjectTreeModel(QStandardItemModel):
    """Subjects under three headings; ports the briefing says nothing about are greyed."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: dict[str, QStandardItem] = {}

    def set_subjects(self, subjects: tuple[Subject, ...], counts: dict[str, int]) -> None:
        self.clear()
        self._items = {}
        headings = (
            QCoreApplication.translate("SubjectTreeModel", "全区与城市"),
            QCoreApplication.translate("SubjectTreeModel", "口岸组合"),
            QCoreApplication.translate("SubjectTreeModel", "口岸"),
        )
        groups = []
        for heading in headings:
            group = QStandardItem(heading)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font()
            font.setBold(True)
            group.setFont(font)
            groups.append(group)
        for subject in ordered_subjects(subjects):
            groups[subject_group(subject)].appendRow(self._subject_item(subject, counts.get(subject.id, 0)))
        for group in groups:
            if group.rowCount():
                self.appendRow(group)

    def _subject_item(self, subject: Subject, count: int) -> QStandardItem:
        name = local_name(subject)
        item = QStandardItem(name)
        item.setEditable(False)
        item.setData(subject.id, SUBJECT_ID_ROLE)
        item.setData(count, OBSERVATION_COUNT_ROLE)
        if count:
            tip = QCoreApplication.translate("SubjectTreeModel", "{name}:本简报中有 {n} 条数据")
        else:
            item.setText(name + QCoreApplication.translate("SubjectTreeModel", "(本简报无数据)"))
            item.setForeground(_muted())
            tip = QCoreApplication.translate("SubjectTreeModel", "{name}:本简报没有关于该口岸的数据")
        item.setToolTip(plain_tooltip(tip.format(name=name, n=count)))
        self._items[subject.id] = item
        return item

    def index_of(self, subject_id: str) -> QModelIndex:
        item = self._items.get(subject_id)
        return item.index() if item is not None else QModelIndex()


# -- the coverage matrix --------------------------------------------------------------------


class CoverageModel(QAbstractTableModel):
    """Rows are subjects, columns indicators; a cell holds how many figures the briefing gives."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._subjects: list[Subject] = []
        self._indicators: list[Indicator] = []
        self._counts: dict[tuple[str, str], int] = {}
        self._row_of: dict[str, int] = {}
        self._reported: set[str] = set()

    def set_rows(
        self, subjects: tuple[Subject, ...], indicators: tuple[Indicator, ...], counts: dict[tuple[str, str], int]
    ) -> None:
        self.beginResetModel()
        self._subjects = ordered_subjects(subjects)
        self._indicators = list(indicators)
        self._counts = dict(counts)
        # Worked out once per briefing, not per click or per painted row head (a thousand subjects).
        self._row_of = {subject.id: row for row, subject in reversed(list(enumerate(self._subjects)))}
        self._reported = {subject_id for (subject_id, _), n in self._counts.items() if n}
        self.endResetModel()

    def subject_at(self, row: int) -> Subject | None:
        return self._subjects[row] if 0 <= row < len(self._subjects) else None

    def row_of(self, subject_id: str) -> int:
        return self._row_of.get(subject_id, -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._subjects)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._indicators)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        subject = self._subjects[index.row()]
        indicator = self._indicators[index.column()]
        count = self._counts.get((subject.id, indicator.id), 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count) if count else "—"
        if role == Qt.ItemDataRole.ToolTipRole:
            if not count:
                return QCoreApplication.translate("CoverageModel", "未报告")
            text = QCoreApplication.translate("CoverageModel", "{subject} · {indicator}:{n} 条数据")
            return plain_tooltip(text.format(subject=local_name(subject), indicator=local_name(indicator), n=count))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole and count:
            return QBrush(QColor(themes.current().coverage_reported_background))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(themes.current().coverage_reported_text)) if count else _muted()
        if role == SUBJECT_ID_ROLE:
            return subject.id
        if role == OBSERVATION_COUNT_ROLE:
            return count
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._indicators):
                return None
            indicator = self._indicators[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column_head(indicator)
            if role == Qt.ItemDataRole.ToolTipRole:
                name = local_name(indicator)
                return plain_tooltip(f"{name}({indicator.unit})" if indicator.unit else name)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            return None
        if not 0 <= section < len(self._subjects):
            return None
        subject = self._subjects[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return local_name(subject)
        if role == Qt.ItemDataRole.ToolTipRole:  # both names (the head may be elided)
            return plain_tooltip(
                "\n".join(dict.fromkeys(filter(None, (local_name(subject), subject.name_zh, subject.name_en))))
            )
        if role == Qt.ItemDataRole.ForegroundRole:
            return None if subject.id in self._reported else _muted()
        return None
