"""Baseline (a) for the launch figure: a bare Qt window with a pyqtgraph chart, exiting after its first paint.

A QApplication, pyqtgraph imported up front, and a window with three tabs: a list of 1,000 items,
a pyqtgraph bar chart of 20 bars and a text view. It quits as soon as the window has painted once,
the same way `briefing view --quit-after-paint` does, so the two are timed alike.

    python benchmarks/baseline_pyqtgraph.py
"""

import sys

import pyqtgraph as pg  # noqa: E402  (after PySide6, so pyqtgraph binds to it)
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow, QTabWidget, QTextBrowser


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
    plot = pg.PlotWidget()
    plot.addItem(
        pg.BarGraphItem(x=list(range(20)), height=[((i * 37) % 20) + 1 for i in range(20)], width=0.8, brush="b")
    )
    tabs.addTab(plot, "Chart")
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
