"""The map's two corner boxes: the legend (a shape per mode, solid and hollow, all in one ink) and the
ports without a sourced coordinate, named as buttons, never placed."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QMenu, QPushButton

from briefing.drawing import themes
from briefing.drawing.i18n import local_name
from briefing.drawing.map_geometry import legend_entries, map_word
from briefing.store.records import MODES, Port
from briefing.ui.ports.map_items import draw_marker

UNPLACED_NAMED = 6  # ports without a coordinate named in the corner box; the rest are in its menu


def corner_box_style() -> str:
    theme = themes.current()
    return (
        f"QFrame#mapOverlay {{ background: {themes.rgba(theme.overlay_background)};"
        f" border: 1px solid {theme.overlay_border}; border-radius: 6px; }}"
        f" QPushButton {{ border: none; color: {theme.link}; text-decoration: underline;"
        " padding: 0 2px; text-align: left; }"
    )


def corner_box(parent) -> QFrame:
    frame = QFrame(parent)
    frame.setObjectName("mapOverlay")
    frame.setStyleSheet(corner_box_style())
    return frame


def place_corner_boxes(legend: QFrame, unplaced: QFrame, height: int, margin: int = 12) -> None:
    """The legend at the top left, the ports without a coordinate at the bottom left."""
    for frame in (legend, unplaced):
        _show_contents(frame)
        frame.adjustSize()
    legend.move(margin, margin)
    unplaced.move(margin, height - unplaced.height() - margin)


def legend_icon(shapes: tuple[str, ...], hollow: bool, radius: float, ratio: float) -> QPixmap:
    """Markers for a legend row, drawn as the map draws them (one ink, solid or hollow), each shape in
    its own column: the rows under a mode's own row show the same shape right below it."""
    size, pitch = radius * 3.2, radius * 3.0
    pixmap = QPixmap(math.ceil((size + pitch * (len(MODES) - 1)) * ratio), math.ceil(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for mode in shapes:
        draw_marker(painter, mode, hollow, QPointF(size / 2 + MODES.index(mode) * pitch, size / 2), radius)
    painter.end()
    return pixmap


def _show_contents(frame: QFrame) -> None:
    """Show now what a refill put in a box on screen: Qt would show it only at the next pass of the
    event loop, after the box took the size of its still hidden contents (a live change of language,
    theme or font left two empty slivers where the legend and the list of unplaced ports were)."""
    layout = frame.layout()
    items = [layout.itemAt(index) for index in range(layout.count())] if layout is not None else []
    for item in items:
        widget = item.widget() if item is not None else None
        if (
            widget is not None
            and widget.isHidden()
            and not widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
        ):
            widget.show()


def _empty(layout) -> None:
    while layout.count():
        widget = layout.takeAt(0).widget()
        # Hidden first: a widget just added to a shown box has a show queued, which would otherwise
        # put it up as a window of its own (taking the focus from the main window) once unparented.
        widget.hide()
        widget.setParent(None)  # gone from findChildren() at once, not at the next event loop pass
        widget.deleteLater()


def fill_legend(frame, icon) -> None:
    """The legend: a shape per mode, then solid for an exact site, hollow for an approximate one.
    `icon(shapes, hollow)` draws those markers."""
    layout = frame.layout() or QGridLayout(frame)
    _empty(layout)
    layout.setContentsMargins(10, 8, 10, 8)
    layout.setHorizontalSpacing(6)
    layout.setVerticalSpacing(3)
    title = QLabel(map_word("legend"))
    title.setStyleSheet("font-weight: bold;")
    layout.addWidget(title, 0, 0, 1, 2)
    for row, (shapes, hollow, text) in enumerate(legend_entries(), start=1):
        picture = QLabel()
        picture.setPixmap(icon(shapes, hollow))
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(picture, row, 0)
        layout.addWidget(label, row, 1)


def fill_unplaced(frame, ports: tuple[Port, ...], tooltip, clicked, named: int = UNPLACED_NAMED) -> None:
    """The ports with no sourced coordinate, named as buttons (`clicked(port_id)`), never placed;
    past the first `named`, the others are in a menu, so the box stays one short line."""
    layout = frame.layout() or QHBoxLayout(frame)
    _empty(layout)
    layout.setContentsMargins(10, 6, 10, 6)
    layout.setSpacing(2)
    layout.addWidget(QLabel(QCoreApplication.translate("PortMap", "无可靠坐标的口岸:")))
    for index, port in enumerate(ports[:named]):
        if index:
            layout.addWidget(QLabel(QCoreApplication.translate("PortMap", "、")))
        button = QPushButton(local_name(port))
        button.setProperty("port_id", port.id)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setToolTip(tooltip(port))
        button.clicked.connect(lambda _=False, pid=port.id: clicked(pid))
        layout.addWidget(button)
    if len(ports) > named:
        more = QPushButton(QCoreApplication.translate("PortMap", "等 {n} 个").format(n=len(ports)))
        more.setCursor(Qt.CursorShape.PointingHandCursor)
        menu = QMenu(more)
        for port in ports[named:]:
            action = menu.addAction(local_name(port))
            action.triggered.connect(lambda _=False, pid=port.id: clicked(pid))
        more.setMenu(menu)
        layout.addWidget(more)
    frame.setVisible(bool(ports))
