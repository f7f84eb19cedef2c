"""Build-time search index: documents for ports, observations, proposals, speakers and passages.

jieba (word segmentation) and pypinyin are needed here only; the viewer queries the finished
index with plain SQL, so neither is loaded at run time.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from briefing.store.text import bigram_text, cjk_runs, latin_words


@dataclass(frozen=True)
class Doc:
    kind: str
    ref_id: str
    title: str
    body: str
    english: str = ""


class Indexer:
    """Turns documents into the three FTS columns; caches per distinct string, since names repeat."""

    def __init__(self, gazetteer: Iterable[str] = ()) -> None:
        import jieba
        from pypinyin import Style, lazy_pinyin

        jieba.setLogLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()
        for word in sorted(set(gazetteer)):
            if len(word) >= 2:
                self._jieba.add_word(word, freq=200000)
        self._lazy_pinyin = lazy_pinyin
        self._initials = Style.FIRST_LETTER
        self.words: dict[str, tuple[str, str]] = {}  # CJK word -> (pinyin, initials)

    @functools.lru_cache(maxsize=200_000)  # noqa: B019 (an Indexer lives for one build; the cache goes with it)
    def _word_pinyin(self, word: str) -> tuple[str, str]:
        full = "".join(self._lazy_pinyin(word))
        initials = "".join(self._lazy_pinyin(word, style=self._initials))
        return full, initials

    def pinyin_text(self, text: str) -> str:
        tokens: list[str] = []
        for run in cjk_runs(text):
            tokens.extend(self._run_pinyin(run))
        return " ".join(dict.fromkeys(tokens))

    @functools.lru_cache(maxsize=500_000)  # noqa: B019 (as above)
    def _run_pinyin(self, run: str) -> tuple[str, ...]:
        """Pinyin and initials of a CJK run's words (and of a short run as a whole); runs repeat a lot."""
        words = set(self._jieba.cut_for_search(run))
        if len(run) <= 12:
            words.add(run)
        tokens: list[str] = []
        for word in sorted(words):
            if not word.strip():
                continue
            full, initials = self._word_pinyin(word)
            self.words.setdefault(word, (full, initials))
            tokens.append(full)
            if len(word) > 1:
                tokens.append(initials)
        return tuple(tokens)

    def columns(self, doc: Doc) -> tuple[str, str, str]:
        text = f"{doc.title}\n{doc.body}"
        english = " ".join(latin_words(doc.english))
        return bigram_text(text), self.pinyin_text(doc.title) + " " + self.pinyin_text(doc.body), english
