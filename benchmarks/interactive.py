"""In-process figures on one briefing: the next port, a search as typed, map pan/zoom, table scrolling,
and the session's peak memory. Prints JSON lines (one per figure).

The real main window is built offscreen at 1920×1080. "Painted" means: the action ran, then events
were processed until the window had repainted and then stayed quiet for two passes, deleting
the widgets scheduled for deletion on the way: all the work a click costs before the next click
can be handled. (Work that waits on a timer, such as placing map names after a zoom rests, is
timed as a figure of its own.)

    python benchmarks/interactive.py DB [--label scaled] [--quick] [--only next_port,sources]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import emit, figure, judge  # noqa: E402

QUERIES = (("2-char Chinese", "口岸"), ("pinyin", "manzhouli"), ("English", "Erenhot"))
SCREEN = (1920, 1080)
GROUPS = ("next_port", "search_store", "search_tab", "map", "scroll", "sources")


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far (VmHWM where Linux has it)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


class Harness:
    def __init__(self, db: Path) -> None:
        from PySide6.QtCore import QEvent, QObject, QSettings
        from PySide6.QtWidgets import QApplication

        from briefing.drawing import fonts
        from briefing.store import open_briefing
        from briefing.ui.common.settings import Settings

        class PaintCounter(QObject):
            """Counts the window's repaint passes (one UpdateRequest paints every dirty widget in it);
            watching the window alone keeps the counting out of every other event's way."""

            count = 0

            def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
                if event.type() in (QEvent.Type.UpdateRequest, QEvent.Type.Paint):
                    PaintCounter.count += 1
                return False

        self._deferred_delete = QEvent.Type.DeferredDelete
        self.app = QApplication.instance() or QApplication([sys.argv[0]])
        family = fonts.load_bundled_fonts()
        fonts.apply_font(self.app, family, 1.0)
        self.counter = PaintCounter()
        self._settings_file = Path(tempfile.mkdtemp(prefix="briefing-bench-")) / "settings.ini"
        settings = Settings(QSettings(str(self._settings_file), QSettings.Format.IniFormat))

        from briefing.ui.shell.main_window import MainWindow

        self.briefing = open_briefing(db)
        self.window = MainWindow(self.briefing, settings, family)
        self.window.installEventFilter(self.counter)
        self.window.resize(*SCREEN)
        self.window.show()
        self.settle()

    def settle(self) -> None:
        """Process events until the window has repainted and then stays quiet for two passes (work
        that a paint posts, and repaints after it, count too), deleting what was scheduled for it."""
        start, loops = self.counter.count, 0
        while self.counter.count == start and loops < 100:
            self.app.processEvents()
            loops += 1
        quiet = 0
        while quiet < 2 and loops < 200:
            before = self.counter.count
            self.app.processEvents()
            self.app.sendPostedEvents(None, self._deferred_delete)
            quiet = quiet + 1 if self.counter.count == before else 0
            loops += 1

    def timed(self, action) -> float:
        """Milliseconds from the action to the end of the resulting paint."""
        start = time.perf_counter()
        action()
        self.settle()
        return (time.perf_counter() - start) * 1000

    # -- figures ---------------------------------------------------------------------------

    def next_port(self, steps: int) -> dict[str, list[float]]:
        """Step through ports with each tab in front; the proposals' port filter is on throughout."""
        window = self.window
        window.proposals_tab._port_only.setChecked(True)  # so the proposal filter runs on every step
        results = {}
        for name, tab in (
            ("ports tab", window.ports_tab),
            ("indicators tab", window.indicators_tab),
            ("proposals tab", window.proposals_tab),
        ):
            window.tabs.setCurrentWidget(tab)
            self.settle()
            self.timed(lambda: window.step_port(1))  # the tab's first step after being shown is a warm-up
            samples = []
            for index in range(steps):
                delta = 1 if (index // 10) % 2 == 0 else -1  # back and forth through ten ports
                samples.append(self.timed(lambda delta=delta: window.step_port(delta)))
            results[name] = samples
        window.proposals_tab._port_only.setChecked(False)
        self.settle()
        return results

    def search_store(self, repeats: int) -> dict[str, list[float]]:
        results = {}
        for label, query in QUERIES:
            samples = []
            for _ in range(repeats):
                for length in range(1, len(query) + 1):
                    start = time.perf_counter()
                    self.briefing.search(query[:length])
                    samples.append((time.perf_counter() - start) * 1000)
            results[f"{label} {query}"] = samples
        return results

    def search_tab(self, repeats: int) -> dict[str, list[float]]:
        """Each keystroke as if followed by the search box's pause: query, filter, ranking, painted."""
        tab = self.window.proposals_tab
        self.window.tabs.setCurrentWidget(tab)
        self.settle()
        results = {}
        for label, query in QUERIES:
            samples = []
            for _ in range(repeats):
                for length in range(1, len(query) + 1):
                    samples.append(self.timed(lambda query=query, length=length: tab.set_query(query[:length])))
                self.timed(lambda: tab.set_query(""))
            results[f"{label} {query}"] = samples
        return results

    def map_redraw(self, repeats: int) -> dict[str, list[float]]:
        window = self.window
        window.tabs.setCurrentWidget(window.ports_tab)
        port_map = window.ports_tab.map
        port_map.reset_view()
        self.settle()
        zoom = [self.timed(lambda i=i: port_map.zoom_by(1.25 if i % 2 == 0 else 0.8)) for i in range(repeats)]
        names = []  # what the map does once the wheel rests: place every name for the new zoom
        for i in range(repeats):
            port_map.zoom_by(1.25 if i % 2 == 0 else 0.8)
            self.settle()
            names.append(self.timed(port_map.labels))  # asking for the names places them now
        port_map.reset_view()
        self.settle()
        bars = (port_map.horizontalScrollBar(), port_map.verticalScrollBar())

        def pan(i: int) -> None:
            bar = bars[i % 2]
            bar.setValue(bar.value() + (40 if (i // 2) % 2 == 0 else -40))

        panning = [self.timed(lambda i=i: pan(i)) for i in range(repeats)]
        repaint = [self.timed(port_map.viewport().update) for _ in range(repeats)]
        port_map.reset_view()
        self.settle()
        return {"zoom": zoom, "names placed after a zoom,": names, "pan": panning, "repaint": repaint}

    def table_scroll(self, repeats: int) -> dict[str, list[float]]:
        """A page down (and back up) in the port table and in the proposal list."""
        window = self.window
        results = {}
        for label, tab, view in (
            ("port table", window.ports_tab, window.ports_tab.table),
            ("proposal list", window.proposals_tab, window.proposals_tab._list),
        ):
            window.tabs.setCurrentWidget(tab)
            self.settle()
            bar = view.verticalScrollBar()
            samples = []
            for i in range(repeats):
                step = bar.pageStep() if (i // 5) % 2 == 0 else -bar.pageStep()
                samples.append(self.timed(lambda bar=bar, step=step: bar.setValue(bar.value() + step)))
            results[label] = samples
        return results

    def sources(self, repeats: int) -> dict[str, list[float]]:
        """The article tab: its first opening (it is filled when first shown), then following a
        figure's citation from the indicators tab, as 查看原文 does (switch tab, page, mark, scroll)."""
        window = self.window
        window.tabs.setCurrentWidget(window.ports_tab)
        self.settle()
        first = [self.timed(lambda: window.tabs.setCurrentWidget(window.sources_tab))]
        cited, seen = [], set()
        for port in self.briefing.ports:
            for obs in self.briefing.observations_for(port.id):
                if obs.passage_id and obs.passage_id not in seen:
                    seen.add(obs.passage_id)
                    cited.append((obs.passage_id, obs.as_written))
                    break
            if len(cited) >= repeats:
                break
        follow = []
        for passage_id, text in cited:
            window.tabs.setCurrentWidget(window.indicators_tab)
            self.settle()
            follow.append(
                self.timed(lambda passage_id=passage_id, text=text: window.selection.show_passage(passage_id, text))
            )
        return {"first opening of the Sources tab": first, "following a citation from the indicators tab": follow}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--label", default="bundled", help="what to call the briefing in the figures")
    parser.add_argument("--quick", action="store_true", help="few repetitions (seconds)")
    parser.add_argument(
        "--only", default=",".join(GROUPS), help="comma-separated groups to measure (default all): " + ", ".join(GROUPS)
    )
    args = parser.parse_args()
    only = set(args.only.split(","))
    if only - set(GROUPS):
        parser.error(f"unknown group(s): {', '.join(sorted(only - set(GROUPS)))}")
    scaled = args.label != "bundled"
    frame = 50.0 if scaled else 16.0
    steps, repeats = (3, 1) if args.quick else (40, 5)

    started = time.perf_counter()
    harness = Harness(args.db)
    emit(
        figure(
            "open window in process",
            args.label,
            [(time.perf_counter() - started) * 1000],
            "ms",
            note="briefing opened, main window built, shown and painted",
        )
    )
    for tab, samples in (harness.next_port(steps) if "next_port" in only else {}).items():
        emit(judge(figure(f"next port ({tab})", args.label, samples, "ms"), frame))
    for query, samples in (harness.search_store(repeats * 3) if "search_store" in only else {}).items():
        emit(judge(figure(f"search keystroke, store ({query})", args.label, samples, "ms"), frame))
    for query, samples in (harness.search_tab(repeats) if "search_tab" in only else {}).items():
        emit(judge(figure(f"search keystroke, proposals tab ({query})", args.label, samples, "ms"), frame))
    for kind, samples in (harness.map_redraw(steps) if "map" in only else {}).items():
        record = figure(
            f"map {kind}, all ports" if "," not in kind else f"map {kind} all ports", args.label, samples, "ms"
        )
        emit(record if "names" in kind else judge(record, 16.0))
    for view, samples in (harness.table_scroll(steps) if "scroll" in only else {}).items():
        emit(judge(figure(f"scroll a page ({view})", args.label, samples, "ms"), frame))
    for kind, samples in (harness.sources(steps) if "sources" in only else {}).items():
        emit(figure(kind, args.label, samples, "ms", note="a tab switch; no frame target"))
    session = figure(
        "peak memory, session", args.label, [peak_memory_mb()], "MB", note="after every figure above in one process"
    )
    emit(judge(session, 250.0) if scaled else session)  # the bundled target is at start (launch.py)
    return 0


if __name__ == "__main__":
    sys.exit(main())
