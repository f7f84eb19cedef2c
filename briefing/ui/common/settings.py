"""The one settings wrapper: typed values with defaults, and a corrupt file falls back to them."""

from __future__ import annotations

import logging
import math
import os
import stat
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from briefing.drawing.i18n import LANGUAGES
from briefing.drawing.themes import THEMES

ORGANISATION = "PortBriefing"
APPLICATION = "briefing-viewer"
_PROBE = "PortBriefing-path-probe"  # an organisation no file is kept under, to ask Qt for the folder

FONT_SCALE_MIN, FONT_SCALE_MAX = 0.8, 2.5


MAX_FILE_BYTES = 4 * 1024 * 1024  # the file holds a few values and one agenda (an agenda file is at most 5 MB)


def _user_settings() -> QSettings:
    """The user's settings file; one that is not a regular file (a named pipe would block the start for
    ever) or is far too large is set aside for this run, with a note in the log: the viewer starts
    on defaults, and the file is left as it is."""
    # Where Qt keeps it, found without opening it or anything beside it: a settings object for our
    # name would also read the organisation-wide and system-wide files, and a pipe there (another
    # program's or an administrator's) would block the start as surely as one in our own place.
    probe = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, _PROBE, APPLICATION)
    path = Path(probe.fileName()).parent.parent / ORGANISATION / (APPLICATION + ".ini")
    try:
        info = os.stat(path)
        unusable = not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES
    except OSError:
        unusable = False
    if not unusable:
        return QSettings(str(path), QSettings.Format.IniFormat)  # this one file: no fallbacks are read
    logging.getLogger(__name__).warning(
        "settings file %s is not a regular file of a usable size; "
        "starting on defaults, nothing is remembered in this run",
        path,
    )
    spare = Path(tempfile.mkdtemp(prefix="briefing-settings-")) / (APPLICATION + ".ini")
    return QSettings(str(spare), QSettings.Format.IniFormat)


class Settings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or _user_settings()

    def _get(self, key: str, default, kind):
        try:
            value = self._s.value(key, default)
            return kind(value) if value is not None else default
        except (TypeError, ValueError, OverflowError):
            logging.getLogger(__name__).warning("setting %s cannot be read; using the default %r", key, default)
            return default

    @property
    def font_scale(self) -> float:
        scale = self._get("view/font_scale", 1.0, float)
        if not math.isfinite(scale):  # NaN passes min() and max() unchanged: every text at size <= 0
            logging.getLogger(__name__).warning("setting view/font_scale is not a number; using 1.0")
            return 1.0
        return min(max(scale, FONT_SCALE_MIN), FONT_SCALE_MAX)

    @font_scale.setter
    def font_scale(self, value: float) -> None:
        self._s.setValue("view/font_scale", round(float(value), 3))

    @property
    def last_tab(self) -> int:
        return max(0, self._get("view/last_tab", 0, int))

    @last_tab.setter
    def last_tab(self, value: int) -> None:
        self._s.setValue("view/last_tab", int(value))

    @property
    def last_subject(self) -> str:
        return self._get("view/last_subject", "", str)

    @last_subject.setter
    def last_subject(self, value: str) -> None:
        self._s.setValue("view/last_subject", value)

    @property
    def language(self) -> str:
        """The interface language, "zh" (the default) or "en"; anything else reads as the default."""
        value = self._get("view/language", LANGUAGES[0], str)
        return value if value in LANGUAGES else LANGUAGES[0]

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("view/language", value if value in LANGUAGES else LANGUAGES[0])

    @property
    def theme(self) -> str:
        """The colour theme, "light" (the default) or "dark"; anything else reads as the default."""
        value = self._get("view/theme", THEMES[0], str)
        return value if value in THEMES else THEMES[0]

    @theme.setter
    def theme(self, value: str) -> None:
        self._s.setValue("view/theme", value if value in THEMES else THEMES[0])

    @property
    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    # -- recovery: where the presenter was, written as it changes (see ui/recovery.py) -------

    @property
    def last_briefing(self) -> str:
        """The briefing file the recovery values below belong to."""
        return self._get("recovery/briefing", "", str)

    @last_briefing.setter
    def last_briefing(self, value: str) -> None:
        self._s.setValue("recovery/briefing", str(value))

    @property
    def last_view(self) -> str:
        """The last view as agenda-stop JSON text ("" for none)."""
        return self._get("recovery/view", "", str)

    @last_view.setter
    def last_view(self, value: str) -> None:
        self._s.setValue("recovery/view", str(value))

    @property
    def last_agenda(self) -> str:
        """The agenda as its file's JSON text, unsaved edits included ("" for none)."""
        return self._get("recovery/agenda", "", str)

    @last_agenda.setter
    def last_agenda(self, value: str) -> None:
        self._s.setValue("recovery/agenda", str(value))

    @property
    def last_agenda_path(self) -> str:
        return self._get("recovery/agenda_path", "", str)

    @last_agenda_path.setter
    def last_agenda_path(self, value: str) -> None:
        self._s.setValue("recovery/agenda_path", str(value))

    @property
    def last_stop(self) -> int:
        """The agenda row last shown; -1 for none."""
        return max(-1, self._get("recovery/stop", -1, int))

    @last_stop.setter
    def last_stop(self, value: int) -> None:
        self._s.setValue("recovery/stop", int(value))

    @property
    def last_presenting(self) -> bool:
        return self._get("recovery/presenting", 0, int) == 1

    @last_presenting.setter
    def last_presenting(self, value: bool) -> None:
        self._s.setValue("recovery/presenting", 1 if value else 0)

    def sync(self) -> None:
        self._s.sync()

    @property
    def last_self_test(self) -> str:
        """When `--self-test` last passed (ISO time), the one thing a self-test writes."""
        return self._get("self_test/last_ok", "", str)

    @last_self_test.setter
    def last_self_test(self, value: str) -> None:
        self._s.setValue("self_test/last_ok", str(value))

    def saved(self) -> bool:
        """Write now; whether the file could be written."""
        self._s.sync()
        return self._s.status() == QSettings.Status.NoError

    def same_file(self) -> Settings:
        """Another wrapper over the same file, for a thread of its own: QSettings objects are not
        shared between threads, but distinct ones may use one file at the same time."""
        return Settings(QSettings(self._s.fileName(), self._s.format()))

    @property
    def file_name(self) -> str:
        return self._s.fileName()
