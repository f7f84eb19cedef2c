"""Draw the application icon with QPainter: PNGs from 16 to 256 px and one multi-size Windows .ico.

Run from the repository root (no display needed):

    python -m briefing.devtools.make_icons [--out resources/icons]

The motif is a map pin standing on a border line, with a border gate (two pillars under a lintel,
an arched passage) in the pin's head; at 24 px and below the gate becomes a plain dot, which
reads better than a smudge. Qt's ico plugin writes one image per file (and leaves bytes of its
mask unset), so the .ico is written here: 32-bit BMP entries up to 48 px, PNG entries above, as
Windows expects. No Pillow needed. The output is deterministic: same code, byte-identical files.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath

SIZES = (16, 24, 32, 48, 64, 128, 256)
BMP_MAX = 48  # larger .ico entries are stored as PNG
NAME = "briefing"

SKY_TOP = QColor("#1f6fa8")
SKY_BOTTOM = QColor("#154a73")
PIN = QColor("#ffffff")
BORDER = QColor("#f2b632")  # the border line the pin stands on


def _pin_path(cx: float, cy: float, radius: float, tip_y: float) -> QPainterPath:
    """A teardrop: a circle joined by its two tangents to a point below it."""
    path = QPainterPath()
    path.addEllipse(QPointF(cx, cy), radius, radius)
    distance = tip_y - cy
    # Tangent points of the lines from the tip to the circle.
    sin_a = radius / distance
    cos_a = (1 - sin_a * sin_a) ** 0.5
    dx, dy = radius * cos_a, radius * sin_a
    cone = QPainterPath()
    cone.moveTo(cx, tip_y)
    cone.lineTo(cx - dx, cy + dy)
    cone.lineTo(cx + dx, cy + dy)
    cone.closeSubpath()
    return path.united(cone)


def _gate_path(cx: float, cy: float) -> QPainterPath:
    """A border gate in a 256-unit drawing: a lintel over two pillars framing an arched passage."""
    gate = QPainterPath()
    gate.addRect(QRectF(cx - 40, cy - 34, 80, 14))  # lintel
    gate.addRect(QRectF(cx - 32, cy - 20, 64, 50))  # body
    passage = QPainterPath()
    passage.moveTo(cx - 14, cy + 30)
    passage.lineTo(cx - 14, cy + 2)
    passage.arcTo(QRectF(cx - 14, cy - 12, 28, 28), 180, -180)
    passage.lineTo(cx + 14, cy + 30)
    passage.closeSubpath()
    return gate.subtracted(passage)


def draw_icon(size: int) -> QImage:
    """The icon at `size` px, drawn in a 256-unit space so every size has the same proportions."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256, size / 256)
    small = size <= 24

    background = QLinearGradient(0, 0, 0, 256)
    background.setColorAt(0, SKY_TOP)
    background.setColorAt(1, SKY_BOTTOM)
    inset = 4 if small else 10
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(background))
    painter.drawRoundedRect(QRectF(inset, inset, 256 - 2 * inset, 256 - 2 * inset), 48, 48)

    # The border line, drawn first so the pin's tip stands on it.
    line_y, line_height = (200, 22) if small else (204, 14)
    painter.setBrush(BORDER)
    painter.drawRoundedRect(QRectF(40, line_y - line_height / 2, 176, line_height), line_height / 2, line_height / 2)

    head_y, radius = (98, 70) if small else (100, 66)
    painter.setBrush(PIN)
    painter.drawPath(_pin_path(128, head_y, radius, line_y))

    painter.setBrush(SKY_BOTTOM)
    if small:
        painter.drawEllipse(QPointF(128, head_y), 30, 30)
    else:
        painter.drawPath(_gate_path(128, head_y + 4))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def _encoded(image: QImage, fmt: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, fmt):  # type: ignore[call-overload]  # PySide6 takes the format as text too
        raise RuntimeError(f"Qt could not encode a {image.width()} px image as {fmt}")
    buffer.close()
    return bytes(data.data())


def _dib(image: QImage) -> bytes:
    """A 32-bit BMP as an .ico stores it: header with doubled height, BGRA rows bottom-up, AND mask."""
    size = image.width()
    bits = bytes(image.constBits())
    stride = image.bytesPerLine()
    rows = [bits[y * stride : y * stride + size * 4] for y in range(size)]
    mask_stride = (size + 31) // 32 * 4
    mask = bytearray()
    for row in reversed(rows):
        line = bytearray(mask_stride)
        for x in range(size):
            if row[x * 4 + 3] == 0:  # fully transparent: set in the AND mask for pre-alpha readers
                line[x // 8] |= 0x80 >> (x % 8)
        mask += line
    header = struct.pack("<IiiHHIIiiII", 40, size, 2 * size, 1, 32, 0, 0, 0, 0, 0, 0)
    return header + b"".join(reversed(rows)) + bytes(mask)


def _ico_entry(image: QImage) -> tuple[bytes, bytes]:
    """The 16-byte directory entry (offset left 0) and the image data for one .ico entry."""
    size = image.width()
    data = _dib(image) if size <= BMP_MAX else _encoded(image, "PNG")
    side = 0 if size >= 256 else size  # 0 means 256 in an .ico directory
    return struct.pack("<BBBBHHI", side, side, 0, 0, 1, 32, len(data)) + b"\0\0\0\0", data


def build_ico(images: list[QImage]) -> bytes:
    entries = [_ico_entry(image) for image in images]
    offset = 6 + 16 * len(entries)
    directory, payload = [], []
    for head, data in entries:
        directory.append(head[:12] + struct.pack("<I", offset))
        payload.append(data)
        offset += len(data)
    return struct.pack("<HHH", 0, 1, len(entries)) + b"".join(directory) + b"".join(payload)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("resources/icons"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (keeps Qt alive)
    args.out.mkdir(parents=True, exist_ok=True)
    images = [draw_icon(size) for size in SIZES]
    for image in images:
        path = args.out / f"{NAME}-{image.width()}.png"
        path.write_bytes(_encoded(image, "PNG"))
        print(path)
    ico = args.out / f"{NAME}.ico"
    ico.write_bytes(build_ico(images))
    print(ico)
    return 0


if __name__ == "__main__":
    sys.exit(main())
