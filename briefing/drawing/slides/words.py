"""Words of a slide in a language of its own: the deck can be written in English while the interface
shows Chinese. The English catalogue is read into a translator that is never installed, so nothing
else in the application changes language; Chinese is the source language and needs none."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTranslator

from briefing import paths
from briefing.drawing import formatting

_LANGUAGES = ("zh", "en")
_LEVELS = {"region": QT_TRANSLATE_NOOP("Slides", "自治区"), "league_city": QT_TRANSLATE_NOOP("Slides", "盟市"),
           "port_group": QT_TRANSLATE_NOOP("Slides", "口岸合计")}
_loaded: dict[str, QTranslator] = {}


def _normalise(language: str | None) -> str:
    code = (language or "").strip().lower().replace("-", "_").split("_")[0]
    return code if code in _LANGUAGES else ""


def _interface_language() -> str:
    from briefing.drawing import i18n  # the interface's language (QtCore only)

    return i18n.current_language()


class Words:
    """Translate our messages into one language, whatever the interface's."""

    def __init__(self, language: str | None = None) -> None:
        self.language = _normalise(language) or _interface_language()
        self._translator = self._load(self.language) if self.language == "en" else None

    @staticmethod
    def _load(language: str) -> QTranslator | None:
        if language not in _loaded:
            translator = QTranslator(QCoreApplication.instance())
            if not translator.load(str(paths.i18n_dir() / f"briefing_{language}.qm")):
                return None
            _loaded[language] = translator
        return _loaded[language]

    def tr(self, context: str, text: str) -> str:
        if self._translator is None:
            return text
        return self._translator.translate(context, text) or text

    def _label(self, table: dict[str, str], key: str) -> str:
        return self.tr("Formatting", table[key]) if key in table else key

    # the labels the cards use, from the same messages (each word is translated once)
    def kind(self, kind: str) -> str:
        return self._label(formatting._KINDS, kind)

    def mode(self, mode: str) -> str:
        return self._label(formatting._MODES, mode)

    def precision(self, precision: str) -> str:
        return self._label(formatting._PRECISIONS, precision)

    def country(self, country: str) -> str:
        return self._label(formatting._COUNTRIES, country) if country else ""

    def body(self, body: str) -> str:
        return self._label(formatting._BODIES, body)

    def place_level(self, level: str) -> str:
        return self.tr("Slides", _LEVELS[level]) if level in _LEVELS else level

