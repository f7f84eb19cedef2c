"""The indicators tab's subject list: a tree whose long names wrap onto a second line instead of ending in "…".

Qt's tree view asks an item's height without telling its delegate how wide the row is, so a wrapped
name would be given one line's height and still be cut. The delegate here measures each name at the
width the row really has, and the view lays its rows out again when that width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView, QWidget

_Index = QModelIndex | QPersistentModelIndex


def depth(index: _Index) -> int:
    """How many parents an item has (0 for a group heading)."""
    level, parent = 0, index.parent()
    while parent.isValid():
        level, parent = level + 1, parent.parent()
    return level


class _WrappingDelegate(QStyledItemDelegate):
    """Measures a name wrapped to the width its row has in the view."""

    def __init__(self, view: SubjectList) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802 (Qt override)
        width = self._view.text_width(index)
        if width <= 0:
            return super().sizeHint(option, index)
        sized = QStyleOptionViewItem(option)
        # a valid rectangle: the style wraps the text to its width (PySide6 6.9's stubs omit the field)
        sized.rect = QRect(0, 0, width, 1)  # type: ignore[attr-defined]
        return super().sizeHint(sized, index)


class SubjectList(QTreeView):
    """Subjects grouped under headings; each name shown whole, wrapped when the list is narrower than it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)  # a wrapped name takes two lines
        self.setItemDelegate(_WrappingDelegate(self))
        self._laid_out_width = -1

    def text_width(self, index: _Index) -> int:
        """The width an item's row has, from its indentation to the list's right edge."""
        indent = self.indentation() * (depth(index) + (1 if self.rootIsDecorated() else 0))
        return self.viewport().width() - indent

    def natural_width(self) -> int:
        """The width every name needs on one line, with its indentation and the item's margins."""
        model = self.model()
        if model is None:
            return 0
        metrics = self.fontMetrics()
        margin = self.style().pixelMetric(self.style().PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        widest = 0
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                indent = self.indentation() * (depth(index) + (1 if self.rootIsDecorated() else 0))
                widest = max(widest, indent + metrics.horizontalAdvance(str(index.data() or "")) + 2 * margin)
                stack.append(index)
        return widest

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self.viewport().width() != self._laid_out_width:
            self._laid_out_width = self.viewport().width()
            self.scheduleDelayedItemsLayout()  # the rows' heights follow the new width
