"""A fence for layout changes: holds one widget and passes its layout requests on only when its size
limits really changed. And `settle_layouts`: finish pending layout work before the next paint.

Why: Qt passes every layout change inside a tab up to the QTabWidget holding it (QLayout.activate
ends with updateGeometry(), "ideally only if sizeHint() or sizePolicy() has changed"), and a
QTabWidget answers each one by repainting itself whole. So a new label text on the indicators tab
repainted the entire window, three or four times per step through the ports. Behind a fence, a
change repaints only the widgets it moved or changed; a change to the minimum size still travels up,
so the window never becomes smaller than its contents need.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize
from PySide6.QtWidgets import QWidget

_LAYOUT_DEPTH = 8  # passes of settle_layouts: from a card's or a chart's own layout up to a tab's fence


class LayoutFence(QWidget):
    """Shows `child` over its whole area and reports the child's size hints as its own."""

    def __init__(self, child: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.child = child
        child.setParent(self)
        self.setSizePolicy(child.sizePolicy())
        self._limits = self._current_limits()

    def _current_limits(self) -> tuple:
        child = self.child
        return (child.minimumSizeHint(), child.minimumSize(), child.maximumSize(), child.sizePolicy())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.child.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.child.minimumSizeHint()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.child.setGeometry(self.rect())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            limits = self._current_limits()
            if limits != self._limits:
                self._limits = limits
                self.setSizePolicy(self.child.sizePolicy())
                self.updateGeometry()
            return True
        return super().event(event)


def settle_layouts(*scroll_areas: QWidget) -> None:
    """Lay out now whatever changed, before the window next paints: otherwise it paints widgets at
    their old sizes, lays them out and paints them again. A change climbs one widget per pass (Qt keeps
    requests posted meanwhile for later), so a few passes reach from a card's own layout to a fence.
    A scroll area places its scroll bars in a queued call after their range changes: that too.
    And a widget shown (a pooled card or chart) asks for its repaint in a posted UpdateLater event,
    which Qt delivered after the window had painted: a second pass just for what was shown. Delivered
    now, once everything has its place, it joins the one pass."""
    for _ in range(_LAYOUT_DEPTH):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    for area in scroll_areas:
        QCoreApplication.sendPostedEvents(area, QEvent.Type.MetaCall)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateLater)
