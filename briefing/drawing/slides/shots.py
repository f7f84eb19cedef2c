"""Every slide of an agenda to PNG, as the stage shows it at a screen size and scale, so that a
person or a test can look at every slide (`briefing view --stage-screenshots DIR`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from briefing.drawing.slides.deck import Slide
from briefing.drawing.slides.paint import paint_slide
from briefing.drawing.themes import Theme

_SIZE = re.compile(r"^\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*$")


def parse_size(text: str) -> tuple[int, int]:
    """'1920x1080' -> (1920, 1080); ValueError with a one-line reason otherwise."""
    found = _SIZE.match(text or "")
    if not found:
        raise ValueError(f"--size {text!r} is not WIDTHxHEIGHT (e.g. 1920x1080)")
    width, height = int(found.group(1)), int(found.group(2))
    if not (160 <= width <= 8192 and 90 <= height <= 8192):
        raise ValueError(f"--size {text!r} is out of range (160x90 to 8192x8192)")
    return width, height


def slide_image(slide: Slide, theme: Theme, size: tuple[int, int], scale: float = 1.0) -> QImage:
    """The slide as the stage paints it on a screen of `size` logical pixels at `scale` device
    pixels per logical pixel (2 for 200 %)."""
    width, height = size
    image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(scale)
    painter = QPainter(image)
    paint_slide(painter, QRectF(0, 0, width, height), slide, theme)
    painter.end()
    return image


def save_stage_screenshots(
    slides: Sequence[Slide], theme: Theme, folder: Path, size: tuple[int, int] = (1920, 1080), scale: float = 1.0
) -> list[Path]:
    """`01-overview.png`, `02-subject.png` … in `folder` (made if missing); returns the files written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number, slide in enumerate(slides, start=1):
        path = folder / f"{number:02d}-{slide.kind}.png"
        if not slide_image(slide, theme, size, scale).save(str(path)):
            raise OSError(f"{path}: the PNG could not be written")
        written.append(path)
    return written
