"""The viewer's log: a rotating file in the user's data folder that keeps what went wrong in a meeting.

Python's `logging` writes it; Qt's own messages (warnings from widgets, fonts, images) are routed into
it by a message handler; an unexpected error is written with its traceback. Nothing here makes a
widget: showing an error to the person is the start-up's job (see `ErrorReport`).
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QStandardPaths, QtMsgType, qInstallMessageHandler

LOG_FILE = "briefing.log"
MAX_BYTES = 1_000_000  # a meeting's worth of warnings; two older files are kept beside it
BACKUPS = 2
LOGGER = "briefing"
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_state: dict[str, Path | None] = {"path": None}

log = logging.getLogger(LOGGER)


def default_folder() -> Path:
    """The user's data folder for this application (where agendas without a home are saved too)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".briefing-viewer"


def start_log(folder: Path | None = None, echo: bool = True) -> Path | None:
    """Write the log under `folder` (the user's data folder by default) and route Qt's messages into
    it; with `echo`, warnings also go to stderr as before. Returns the file, or None when the folder
    cannot be written (the viewer still starts, logging to stderr only)."""
    logger = logging.getLogger(LOGGER)
    logger.setLevel(logging.INFO)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    path: Path | None = (folder or default_folder()) / LOG_FILE
    try:
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        to_file = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
        to_file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(to_file)
    except OSError:
        path = None
    if (echo or path is None) and sys.stderr is not None:  # a windowed Windows app has no stderr
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        logger.addHandler(console)
    logger.propagate = False
    qInstallMessageHandler(_qt_message)
    _state["path"] = path
    return path


def log_path() -> Path | None:
    """The log file in use, or None before `start_log` (or when it could not be opened)."""
    return _state["path"]


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category  # type: ignore[attr-defined]  # PySide6 6.9's stub omits the field
    where = f" ({category})" if category and category != "default" else ""
    logging.getLogger(f"{LOGGER}.qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)


ShowError = Callable[[str], None]


class ErrorReport:
    """sys.excepthook for the viewer: every unexpected error is logged with its traceback; the person
    sees at most one dialog at a time (`show` is given the one-line text), never a stack of them."""

    def __init__(self, show: ShowError | None) -> None:
        self.show = show
        self.showing = False
        self.suppressed = 0

    def __call__(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, value, tb)).rstrip())
        if self.show is None:
            return
        if self.showing:
            self.suppressed += 1
            return
        self.showing = True
        try:
            self.show(f"{kind.__name__}: {value}")
        finally:
            self.showing = False

    def install(self) -> None:
        sys.excepthook = self
