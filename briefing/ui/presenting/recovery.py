"""Crash recovery: write where the presenter is (the view, the agenda and its stop) as it changes,
so after a crash or a power cut the viewer reopens there."""

from __future__ import annotations

import json
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from briefing.ui.presenting.agenda import AgendaError, agenda_json, load_agenda, parse_agenda
from briefing.ui.presenting.view_state import ViewState, capture, restore


def _key(path: Path) -> str:
    return str(Path(path).resolve())


class _Writer:
    """Writes recovery records to the settings file on a thread of its own: the disk sync takes
    10–20 ms, which on the GUI thread would delay a click that came during it. Only the newest
    record is written; one that arrives while another is being written waits for it."""

    def __init__(self, settings) -> None:
        self._settings = settings
        self._lock = threading.Lock()
        self._pending: dict | None = None
        self._future: Future | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefing-recovery")

    def write_soon(self, record: dict) -> None:
        with self._lock:
            self._pending = record
            if self._future is None or self._future.done():
                self._future = self._pool.submit(self._write_pending)

    def _write_pending(self) -> None:
        with self._lock:
            record, self._pending = self._pending, None
        if record is not None:
            _write(self._settings.same_file(), record)

    def write_now(self, record: dict) -> None:
        """Wait for a write under way, then write this record on the calling thread."""
        with self._lock:
            self._pending, future = None, self._future
        if future is not None:
            future.result()
        _write(self._settings, record)

    def close(self) -> None:
        self._pool.shutdown(wait=True)


def _write(settings, record: dict) -> None:
    for name, value in record.items():
        setattr(settings, name, value)
    settings.sync()  # on disk now: a power cut must not lose it


class Recovery(QObject):
    """Records where the presenter is a moment after each change, written to disk off the GUI thread."""

    def __init__(self, tools, delay_ms: int = 250) -> None:
        super().__init__(tools)
        self._tools, self._window = tools, tools.window
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.save)
        self._restoring = False
        self._writer = _Writer(self._window.settings)
        self.destroyed.connect(self._writer.close)
        tools.watcher.changed.connect(self.save)
        tools.stop_changed.connect(self.schedule)
        tools.presenting_changed.connect(self.schedule)
        model = tools.model
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.modelReset, model.dataChanged):
            signal.connect(self.schedule)

    def schedule(self, *_args) -> None:
        if not self._restoring:
            self._timer.start()

    def flush(self) -> None:
        """Write now, on this thread, where the presenter is (the window is closing; tests)."""
        self._tools.watcher.flush()
        self._timer.stop()
        if not self._restoring:
            self._writer.write_now(self._record())

    def save(self) -> None:
        if self._restoring:
            return
        self._timer.stop()
        self._writer.write_soon(self._record())

    def _record(self) -> dict:
        """The values to write, as the settings wrapper names them (read here, on the GUI thread)."""
        model = self._tools.model
        has_agenda = model.rowCount() > 0 or model.path is not None
        return {
            "last_briefing": _key(self._window.briefing.path),
            "last_view": json.dumps(capture(self._window).to_json(), ensure_ascii=False),
            "last_agenda": agenda_json(model.agenda()) if has_agenda else "",
            "last_agenda_path": str(model.path or ""),
            "last_stop": model.current,
            "last_presenting": self._tools.presenting,
        }

    def restore(self) -> bool:
        """Reopen on the last agenda stop and view, if they were for this briefing."""
        settings = self._window.settings
        if not settings.last_briefing or settings.last_briefing != _key(self._window.briefing.path):
            return False
        self._restoring = True
        try:
            self._restore_agenda(settings)
            view = self._last_view(settings.last_view)
            if view is not None:
                restore(self._window, view)
            if settings.last_presenting and self._tools.model.rowCount():
                self._tools.set_presenting(True)
            self._tools.refresh()
        finally:
            self._restoring = False
        return True

    def _restore_agenda(self, settings) -> None:
        if not settings.last_agenda:
            return
        origin = QCoreApplication.translate("Recovery", "恢复的议程")
        try:
            agenda = parse_agenda(settings.last_agenda, origin)
        except AgendaError:
            return  # a damaged record is forgotten, never shown as an error at start-up
        path = Path(settings.last_agenda_path) if settings.last_agenda_path else None
        model = self._tools.model
        model.set_agenda(agenda, path)
        model.modified = not self._same_as_file(agenda, path)
        if 0 <= settings.last_stop < model.rowCount():
            model.set_current(settings.last_stop)
            self._tools.panel.select_row(settings.last_stop)

    @staticmethod
    def _same_as_file(agenda, path: Path | None) -> bool:
        try:
            return path is not None and load_agenda(path) == agenda
        except AgendaError:
            return False

    @staticmethod
    def _last_view(text: str) -> ViewState | None:
        try:
            return ViewState.from_json(json.loads(text)) if text else None
        except (ValueError, TypeError):
            return None
