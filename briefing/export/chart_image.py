"""A chart as a PNG of any size (for slides made elsewhere), drawn by the shared chart painter on white.

Written through a temporary file, so a failure leaves nothing behind.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from briefing.drawing.chart_painter import NATURAL_WIDTH, chart_height, draw_chart
from briefing.export.save import ExportError, write_bytes


def chart_image(spec, width: int, height: int, lang: str, family: str) -> QImage:
    """The chart alone on white, `width` x `height` pixels; text grows with the image."""
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    unit = max(min(width / (NATURAL_WIDTH + 24), height / (chart_height(spec) + 24)), 0.5)  # pixels per point
    margin = 12 * unit
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    draw_chart(painter, QRectF(margin, margin, width - 2 * margin, height - 2 * margin), spec, lang, family, unit)
    painter.end()
    return image


def save_png(image: QImage, path: Path) -> None:
    """Write a PNG through a temporary file, so a failure leaves nothing behind."""
    if image.isNull():
        raise ExportError(path, "there is no image to save")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # PySide6 takes the format as text too
        raise ExportError(path, "the PNG could not be encoded")
    write_bytes(Path(path), bytes(buffer.data().data()))
