"""Exports that leave the viewer: the PDF handout, the CSV of figures and chart images.

Qt is used here for painting (QPdfWriter, QPainter on QImage) and for atomic writing (QSaveFile),
never for widgets, so every export also runs from the command line and off the GUI thread.
"""

from briefing.export.save import ExportCancelled, ExportError

__all__ = ["ExportCancelled", "ExportError"]
