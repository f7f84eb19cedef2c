"""Baseline (b) for the launch figure: the floor for any Qt app here (no pyqtgraph, no numpy).

The same window as baseline (a), a list of 1,000 items, a chart of 20 bars and a text view in
three tabs, except that the chart is drawn with plain QPainter. It quits after the first paint.

    python benchmarks/baseline_qpainter.py
"""

import sys

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow, QTabWidget, QTextBrowser, QWidget

HEIGHTS = [((i * 37) % 20) + 1 for i in range(20)]


class BarChart(QWidget):
    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        painter.setBrush(QColor("blue"))
        step = self.width() / len(HEIGHTS)
        unit = self.height() * 0.9 / max(HEIGHTS)
        for i, value in enumerate(HEIGHTS):
            painter.drawRect(QRectF(i * step + step * 0.1, self.height() - value * unit, step * 0.8, value * unit))
        painter.end()


class QuitAfterPaint(QObject):
    def __init__(self, window, app) -> None:
        super().__init__(window)
        self._app, self._done = app, False
        window.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            QTimer.singleShot(0, self._app.quit)
        return False


def build() -> QMainWindow:
    window, tabs = QMainWindow(), QTabWidget()
    items = QListWidget()
    items.addItems([f"Port {i:04d}" for i in range(1000)])
    tabs.addTab(items, "Ports")
    tabs.addTab(BarChart(), "Chart")
    text = QTextBrowser()
    text.setHtml("<h1>口岸 briefing</h1>" + "<p>Lorem ipsum dolor sit amet 口岸.</p>" * 50)
    tabs.addTab(text, "Text")
    window.setCentralWidget(tabs)
    window.resize(1280, 800)
    return window


def main() -> int:
    app = QApplication(sys.argv)
    window = build()
    window.show()
    QuitAfterPaint(window, app)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
