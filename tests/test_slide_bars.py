"""On the stage a bar is drawn as its kind is, as on the cards and the analyst's charts: a lower
bound hatched (the true value is higher), a stated value solid."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from briefing.drawing.slides.pictures import draw_bar


def inside(kind: str) -> Counter:
    image = QImage(200, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    draw_bar(painter, QRectF(20, 20, 160, 80), kind, QColor("#1f5fa8"), 3.0)
    painter.end()
    return Counter(image.pixel(x, y) & 0xFFFFFF for y in range(30, 90) for x in range(30, 170))


@pytest.mark.parametrize("kind", ["lower_bound"])
def test_a_lower_bound_is_hatched_not_solid(qapp, kind):
    pixels = inside(kind)
    assert pixels[0xFFFFFF] > 0.3 * sum(pixels.values())  # paper between the lines
    assert pixels[0x1F5FA8] > 0.1 * sum(pixels.values())  # and the lines themselves


def test_a_stated_value_is_solid(qapp):
    pixels = inside("reported")
    assert pixels[0x1F5FA8] == sum(pixels.values())
