"""How figures, kinds, modes and precisions read on screen; one place, so every tab says it the same way."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from briefing.drawing.i18n import QT_TRANSLATE_NOOP, is_english, translate_in
from briefing.store.records import Observation


# Marked for lupdate here, translated when shown (so a language switch shows at once).
_KINDS = {
    "reported": QT_TRANSLATE_NOOP("Formatting", "实际值"),
    "cumulative": QT_TRANSLATE_NOOP("Formatting", "累计"),
    "target": QT_TRANSLATE_NOOP("Formatting", "目标"),
    "lower_bound": QT_TRANSLATE_NOOP("Formatting", "下限(超/至少)"),
    "approximate": QT_TRANSLATE_NOOP("Formatting", "约数"),
    "growth_rate": QT_TRANSLATE_NOOP("Formatting", "增速"),
    "share": QT_TRANSLATE_NOOP("Formatting", "占比"),
    "derived": QT_TRANSLATE_NOOP("Formatting", "推算值"),
}
_MODES = {"rail": QT_TRANSLATE_NOOP("Formatting", "铁路"), "road": QT_TRANSLATE_NOOP("Formatting", "公路"),
          "air": QT_TRANSLATE_NOOP("Formatting", "航空")}
_PRECISIONS = {
    "exact": QT_TRANSLATE_NOOP("Formatting", "确切位置"),
    "nearby_town": QT_TRANSLATE_NOOP("Formatting", "邻近城镇(10公里内)"),
    "approximate": QT_TRANSLATE_NOOP("Formatting", "大致位置(50公里内)"),
    "": QT_TRANSLATE_NOOP("Formatting", "无可靠坐标"),
}
_COUNTRIES = {"Russia": QT_TRANSLATE_NOOP("Formatting", "俄罗斯"), "Mongolia": QT_TRANSLATE_NOOP("Formatting", "蒙古国")}
_BODIES = {"npc_deputy": QT_TRANSLATE_NOOP("Formatting", "全国人大代表"),
           "cppcc_member": QT_TRANSLATE_NOOP("Formatting", "全国政协委员"),
           "official": QT_TRANSLATE_NOOP("Formatting", "官员")}
_SUBJECT_KINDS = {"region": QT_TRANSLATE_NOOP("Formatting", "全区"), "league_city": QT_TRANSLATE_NOOP("Formatting", "盟市"),
                  "port_group": QT_TRANSLATE_NOOP("Formatting", "口岸组合"), "port": QT_TRANSLATE_NOOP("Formatting", "口岸")}
_PREFIXES = {"lower_bound": QT_TRANSLATE_NOOP("Formatting", "超"), "approximate": QT_TRANSLATE_NOOP("Formatting", "约")}


def _label(table: dict[str, str], key: str, language: str | None = None) -> str:
    """A word from one of the tables above in the interface language, or in `language` (a document's)."""
    if key not in table:
        return key
    if language is None:
        return QCoreApplication.translate("Formatting", table[key])
    return translate_in(language, "Formatting", table[key])


def kind_label(kind: str, language: str | None = None) -> str:
    return _label(_KINDS, kind, language)


def mode_label(mode: str, language: str | None = None) -> str:
    return _label(_MODES, mode, language)


def precision_label(precision: str, language: str | None = None) -> str:
    return _label(_PRECISIONS, precision, language)


def country_label(country: str, language: str | None = None) -> str:
    return _label(_COUNTRIES, country, language) if country else "—"


def body_label(body: str, language: str | None = None) -> str:
    return _label(_BODIES, body, language)


def subject_kind_label(kind: str, language: str | None = None) -> str:
    """What a subject is: the region, a league or city, a group of ports, a port."""
    return _label(_SUBJECT_KINDS, kind, language)


def period_text(obs: Observation, language: str | None = None) -> str:
    """The period as the briefing labels it; in English the sortable period, with the Chinese label
    beside it when that says more than the year (a part year, a target, 'as of')."""
    label = obs.period_zh or obs.period
    if not (is_english() if language is None else language == "en"):
        return label
    if obs.period_en:  # the briefing says it in English itself
        return obs.period_en
    if not obs.period_zh or obs.period_zh in (f"{obs.period}年", obs.period):
        return obs.period
    return f"{obs.period} ({obs.period_zh})"


def number_text(value: float) -> str:
    """A stored number as the article wrote it: no rounding, no added zeros, thousands unseparated."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10g}"


def derived_number_text(value: float, decimals: int | None = None) -> str:
    # A derived value is a computation, not a quotation: marked as approximate, and written to the
    # decimals its inputs allow when the briefing states them (two otherwise).
    if decimals is not None:
        return f"≈{value:.{max(decimals, 0)}f}"
    return f"≈{value:,.2f}"


def value_text(obs: Observation, language: str | None = None) -> str:
    """The value as the source wrote it (超2400万吨, 约2.4亿元); a derived one as ≈1959.45亿元."""
    if obs.is_derived:
        return f"{derived_number_text(obs.value, obs.decimals)}{obs.unit}"
    if obs.as_written:
        return obs.as_written  # the article's own words: 超2400万吨, 95%以上, 突破18000列
    number = number_text(obs.value)
    prefix = _label(_PREFIXES, obs.kind, language) if obs.kind in _PREFIXES else ""
    return f"{prefix}{number}{obs.unit}"


def briefing_title(meta: dict[str, str], language: str | None = None) -> str:
    """The briefing's title from its `meta`: English where it has one and English is wanted."""
    english = is_english() if language is None else language == "en"
    return (english and meta.get("title_en")) or meta.get("title_zh", "")


_TOKEN = re.compile(r"(\{[^}]+\}(?:\s*/\s*100\b)?)")


def _operand(token: str, inputs: dict[str, Observation]) -> str:
    match = re.fullmatch(r"\{([^}]+)\}(\s*/\s*100)?", token)
    obs = inputs.get(match.group(1)) if match else None
    if match is None or obs is None:
        return token
    number = number_text(obs.value)
    if match.group(2):
        return f"{number}%" if obs.unit == "%" else f"{number}{obs.unit} ÷ 100"
    return f"{number}{obs.unit}"


def readable_formula(obs: Observation, inputs: dict[str, Observation], language: str | None = None) -> str:
    """'{a} / (1 + {b} / 100)' as '2073.1亿元 ÷ (1 + 5.8%) ≈1,959.45亿元'."""
    parts = []
    for piece in _TOKEN.split(obs.formula):
        if _TOKEN.fullmatch(piece):
            parts.append(_operand(piece, inputs))
        else:  # operators only ever appear outside the braces; units may contain '/'
            piece = re.sub(r"\s*/\s*", " ÷ ", piece)
            parts.append(re.sub(r"\s*\*\s*", " × ", piece))
    text = re.sub(r"\((\S+%)\)", r"\1", "".join(parts).strip())  # '÷ (91.6%)' reads as '÷ 91.6%'
    result = value_text(obs, language)
    return f"{text} {result}" if result.startswith("≈") else f"{text} = {result}"
