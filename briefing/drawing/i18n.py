"""The interface language: install our catalogue and Qt's own for it, switch live, and pick which of a
database record's names to show.

Chinese is the source language of every interface string, so the Chinese catalogue carries nothing
but Qt's own strings (dialog buttons); English comes from resources/i18n/briefing_en.qm. Installing
or removing a translator makes Qt post a LanguageChange event to every window, and each tab's
changeEvent re-applies its texts (see `retranslate()` in the tabs).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

if TYPE_CHECKING:

    def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 (Qt's name, which lupdate looks for)
        """Marks `source` for lupdate and returns it unchanged (PySide6's own stub says `object`)."""
        ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP  # re-exported: import it from here for a typed `str`

from briefing import paths

__all__ = ["QT_TRANSLATE_NOOP"]

CATALOGUE = "briefing"
LANGUAGES = ("zh", "en")  # the first is the default


class Named(Protocol):
    """A record with a Chinese name (and maybe `name_en`): ports, places, indicators, outlines."""

    @property
    def name_zh(self) -> str: ...


LOCALES = {"zh": "zh_CN", "en": "en"}  # our language codes -> Qt locale names (and .ts/.qm suffixes)
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}  # each in its own language, never translated

_state: dict[str, Any] = {"language": LANGUAGES[0], "translators": []}  # the translators must stay referenced
_catalogues: dict[str, QTranslator | None] = {}  # language -> our catalogue, for documents in another language


def current_language() -> str:
    return str(_state["language"])


def is_english() -> bool:
    return bool(_state["language"] == "en")


def normalise(language: str | None) -> str:
    """'en', 'EN', 'en_US' -> 'en'; 'zh', 'zh_CN', 'zh-Hans' -> 'zh'; anything else -> the default."""
    code = (language or "").strip().lower().replace("-", "_").split("_")[0]
    return code if code in LANGUAGES else LANGUAGES[0]


def checked_language(language: str) -> str:
    """A document's language as given on the command line: "zh" or "en", or a one-line ValueError."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use one of {', '.join(LANGUAGES)}")
    return language


def translate_in(language: str | None, context: str, source: str) -> str:
    """`source` (marked for lupdate with QT_TRANSLATE_NOOP where it is defined) in `language`, whatever
    the interface language is: a handout or a deck is written in the language asked for. None means
    the interface language. The catalogue is the interface's own, so each word is translated once."""
    code = _state["language"] if language is None else normalise(language)
    if code == LANGUAGES[0]:
        return source  # Chinese is the source language
    catalogue = _catalogue(code)
    return (catalogue.translate(context, source) if catalogue is not None else "") or source


def _catalogue(code: str) -> QTranslator | None:
    """Our compiled catalogue for a language, loaded once (None when it cannot be read)."""
    if code not in _catalogues:
        catalogue = QTranslator()
        _catalogues[code] = catalogue if catalogue.load(str(catalogue_path(code))) else None
    return _catalogues[code]


def catalogue_path(language: str) -> Path:
    return paths.i18n_dir() / f"{CATALOGUE}_{LOCALES[normalise(language)]}.qm"


def set_language(language: str | None, app: QCoreApplication | None = None) -> str:
    """Make `language` the interface language now; returns the code used ("zh" or "en").

    Safe to call again with the same or another language: the previous translators are removed
    first. Windows already open receive LanguageChange (posted, so it arrives once per window).
    """
    app = app or QCoreApplication.instance()
    assert app is not None, "set_language needs the application"
    code = normalise(language)
    for translator in _state["translators"]:
        app.removeTranslator(translator)
        translator.deleteLater()
    _state["translators"] = []
    _state["language"] = code  # set before installing, so LanguageChange handlers read the new one
    locale = QLocale(LOCALES[code])
    QLocale.setDefault(locale)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((CATALOGUE, str(paths.i18n_dir())), ("qtbase", qt_folder)):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder) and not translator.isEmpty():
            app.installTranslator(translator)
            _state["translators"].append(translator)
        else:
            translator.deleteLater()
    return code


# -- names from the database ----------------------------------------------------------------------


def _english(language: str | None) -> bool:
    return is_english() if language is None else normalise(language) == "en"


def in_language(zh: str, en: str, language: str | None = None) -> str:
    """One text of the database, kept in Chinese and English, in the interface language (or
    `language`): the English where there is one, the Chinese otherwise (never a machine translation)."""
    return (en if _english(language) else "") or zh


def local_name(record: Named, language: str | None = None) -> str:
    """A port's, place's, indicator's or outline's name in the interface language (or `language`)."""
    return in_language(record.name_zh, str(getattr(record, "name_en", "") or ""), language)


_PORT_SUFFIXES = ("铁路口岸", "公路口岸", "航空口岸", "口岸")
_ENGLISH_CUT = re.compile(r"\s*(?:\(|/|,)")  # "Erenhot / Erlian (railway)" -> "Erenhot"
_AIRPORT = re.compile(r"\s+(?:\S+\s+)*?(?:International\s+)?Airport$")  # "Hohhot Baita International Airport"


def short_chinese_name(name: str) -> str:
    """满洲里铁路口岸 -> 满洲里: the place, without the kind of port."""
    for suffix in _PORT_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def short_english_name(name: str) -> str:
    """'Manzhouli (railway)' -> 'Manzhouli'; 'Hohhot Baita International Airport' -> 'Hohhot'."""
    head = _ENGLISH_CUT.split(name, maxsplit=1)[0].strip()
    without_airport = _AIRPORT.sub("", head).strip()
    return without_airport or head or name


def short_port_name(port: Named, language: str | None = None) -> str:
    """A map label: the place a port is at, in the interface language (or `language`)."""
    english = str(getattr(port, "name_en", "") or "")
    if _english(language) and english:
        return short_english_name(english)
    return short_chinese_name(port.name_zh)
