"""The one settings wrapper: typed values with defaults, and a corrupt file falls back to them."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "PortBriefing"
APPLICATION = "briefing-viewer"

FONT_SCALE_MIN, FONT_SCALE_MAX = 0.8, 2.5


class Settings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)

    def _get(self, key: str, default, kind):
        try:
            value = self._s.value(key, default)
            return kind(value) if value is not None else default
        except (TypeError, ValueError):
            return default

    @property
    def font_scale(self) -> float:
        scale = self._get("view/font_scale", 1.0, float)
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
    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    def sync(self) -> None:
        self._s.sync()

    @property
    def file_name(self) -> str:
        return self._s.fileName()
