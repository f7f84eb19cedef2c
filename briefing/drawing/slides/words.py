"""Words of a slide in a language of its own: the deck can be written in English while the interface
shows Chinese. Our messages and the cards' labels come from the interface's catalogue in that
language (`i18n.translate_in`), so each word is translated once and nothing else changes language."""

from __future__ import annotations

from briefing.drawing import formatting, i18n


class Words:
    """Translate our messages and the cards' labels into one language, whatever the interface's."""

    def __init__(self, language: str | None = None) -> None:
        self.language = i18n.normalise(language) if language else i18n.current_language()

    def say(self, context: str, text: str) -> str:
        return i18n.translate_in(self.language, context, text)

    def kind(self, kind: str) -> str:
        return formatting.kind_label(kind, self.language)

    def mode(self, mode: str) -> str:
        return formatting.mode_label(mode, self.language)

    def precision(self, precision: str) -> str:
        return formatting.precision_label(precision, self.language)

    def country(self, country: str) -> str:
        return formatting.country_label(country, self.language) if country else ""

    def body(self, body: str) -> str:
        return formatting.body_label(body, self.language)

    def place_level(self, level: str) -> str:
        return formatting.subject_kind_label(level, self.language)
