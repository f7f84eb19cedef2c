"""How figures, kinds, modes and precisions read on screen; one place, so every tab says it the same way."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from briefing.drawing.i18n import QT_TRANSLATE_NOOP, is_english, translate_in
from briefing.drawing.periods import english_period
from briefing.store.records import Observation, Proposal, Source

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
_MODES = {
    "rail": QT_TRANSLATE_NOOP("Formatting", "铁路"),
    "road": QT_TRANSLATE_NOOP("Formatting", "公路"),
    "air": QT_TRANSLATE_NOOP("Formatting", "航空"),
}
_PRECISIONS = {
    "exact": QT_TRANSLATE_NOOP("Formatting", "确切位置"),
    "nearby_town": QT_TRANSLATE_NOOP("Formatting", "邻近城镇(10公里内)"),
    "approximate": QT_TRANSLATE_NOOP("Formatting", "大致位置(50公里内)"),
    "": QT_TRANSLATE_NOOP("Formatting", "无可靠坐标"),
}
_COUNTRIES = {
    "Russia": QT_TRANSLATE_NOOP("Formatting", "俄罗斯"),
    "Mongolia": QT_TRANSLATE_NOOP("Formatting", "蒙古国"),
}
_BODIES = {
    "npc_deputy": QT_TRANSLATE_NOOP("Formatting", "全国人大代表"),
    "cppcc_member": QT_TRANSLATE_NOOP("Formatting", "全国政协委员"),
    "official": QT_TRANSLATE_NOOP("Formatting", "官员"),
}
_SUBJECT_KINDS = {
    "region": QT_TRANSLATE_NOOP("Formatting", "全区"),
    "league_city": QT_TRANSLATE_NOOP("Formatting", "盟市"),
    "port_group": QT_TRANSLATE_NOOP("Formatting", "口岸组合"),
    "port": QT_TRANSLATE_NOOP("Formatting", "口岸"),
}
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


def number_text(value: float) -> str:
    """A stored number as the article wrote it: no rounding, no added zeros, thousands unseparated."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10g}"


def derived_number_text(value: float, decimals: int | None = None) -> str:
    """A derived value is a computation, not a quotation: marked ≈, and no more precise than its
    inputs allow (`decimals`, from the briefing; two decimals where it does not say)."""
    if decimals is None:
        return f"≈{value:,.2f}"
    return f"≈{value:.{max(decimals, 0)}f}"


# -- English values -------------------------------------------------------------------------------

# A unit as the article writes it -> (its counted word, the power of ten it carries). The word is
# marked here and translated when shown; Chinese figures keep the unit as written.
_UNIT_WORDS = {
    "列": QT_TRANSLATE_NOOP("Units", "列"),
    "吨": QT_TRANSLATE_NOOP("Units", "吨"),
    "元": QT_TRANSLATE_NOOP("Units", "元"),
    "辆": QT_TRANSLATE_NOOP("Units", "辆"),
    "人次": QT_TRANSLATE_NOOP("Units", "人次"),
    "人": QT_TRANSLATE_NOOP("Units", "人"),
    "架次": QT_TRANSLATE_NOOP("Units", "架次"),
    "条": QT_TRANSLATE_NOOP("Units", "条"),
    "家": QT_TRANSLATE_NOOP("Units", "家"),
    "项": QT_TRANSLATE_NOOP("Units", "项"),
    "辆次": QT_TRANSLATE_NOOP("Units", "辆次"),
    "辆(列/架)次": QT_TRANSLATE_NOOP("Units", "辆(列/架)次"),
    "辆列架次": QT_TRANSLATE_NOOP("Units", "辆(列/架)次"),
    "个百分点": QT_TRANSLATE_NOOP("Units", "个百分点"),
    "TEU": "TEU",
    "%": "%",
    "个": "",
}
_POWERS = {"万": 4, "亿": 8}
_SCALES = (  # an English number of this size is written in these words
    (9, QT_TRANSLATE_NOOP("Units", "{number} 十亿")),
    (6, QT_TRANSLATE_NOOP("Units", "{number} 百万")),
)
_ENGLISH_PREFIXES = {
    "lower_bound": QT_TRANSLATE_NOOP("Units", "超{value}"),
    "approximate": QT_TRANSLATE_NOOP("Units", "约{value}"),
    "at_least": QT_TRANSLATE_NOOP("Units", "{value}以上"),
}
_AT_LEAST = re.compile(r"以上|超|突破|逾|多|余")


def _unit_parts(unit: str) -> tuple[str, int] | None:
    """'万吨' -> ('吨', 4); '列' -> ('列', 0); None for a unit the table does not know."""
    for prefix, power in _POWERS.items():
        if unit.startswith(prefix) and unit[len(prefix) :] in _UNIT_WORDS:
            return unit[len(prefix) :], power
    return (unit, 0) if unit in _UNIT_WORDS else None


def english_number(digits: str, power: int = 0, language: str = "en") -> str:
    """'3785.67' × 10^4 -> '37.8567 million'; '2531' -> '2,531': every digit the source gives, none added."""
    from decimal import Decimal

    total = Decimal(digits.replace(",", "")).scaleb(power)
    for exponent, words in _SCALES:
        if abs(total) >= Decimal(10) ** exponent:
            number = total.scaleb(-exponent).normalize()
            return translate_in(language, "Units", words).format(number=f"{number:,f}")
    return f"{total.normalize():,f}"


def unit_text(unit: str, language: str | None = None) -> str:
    """A unit in the interface language (or `language`): as written in Chinese; in English its word
    with the 万/亿 left for the number to carry ('万吨' -> 't'), or the unit as written if unknown."""
    if not _english(language):
        return unit
    parts = _unit_parts(unit)
    if parts is None:
        return unit
    word = _UNIT_WORDS[parts[0]]
    return translate_in("en", "Units", word) if word and word not in ("TEU", "%") else word


_AXIS_SCALES = {4: QT_TRANSLATE_NOOP("Units", "万{unit}"), 8: QT_TRANSLATE_NOOP("Units", "亿{unit}")}


def axis_unit_text(unit: str, language: str | None = None) -> str:
    """The unit a chart's axis counts in: as written in Chinese; in English with the 万/亿 spelled
    out, because the axis keeps the source's numbers ('万吨' -> '10,000 t', '亿元' -> '100 million yuan')."""
    parts = _unit_parts(unit)
    if not _english(language) or parts is None:
        return unit
    word = unit_text(parts[0], language)
    if not parts[1]:
        return word
    return translate_in("en", "Units", _AXIS_SCALES[parts[1]]).format(unit=word).strip()


def english_amount(digits: str, unit: str, language: str = "en") -> str:
    """A number and its unit in English: '2,531 trains', '37.8567 million t', '5.8%'."""
    parts = _unit_parts(unit)
    if parts is None:
        return f"{english_number(digits)} {unit}".strip()
    base, power = parts
    number = english_number(digits, power, language)
    word = unit_text(base, language)
    if word == "%":
        return f"{number}%"
    return f"{number} {word}".strip()


def _english(language: str | None) -> bool:
    return is_english() if language is None else language == "en"


def period_text(obs: Observation, language: str | None = None) -> str:
    """The period as the briefing labels it; in English the briefing's English label, else one read
    from the Chinese label ('2024年一季度' -> 'Q1 2024'), else the sortable period in English."""
    inferred = obs.period_inferred
    if not _english(language):
        label = obs.period_zh or obs.period
        return translate_in("zh", "Periods", "{period}(推定)").format(period=label) if inferred else label
    english = obs.period_en
    if english and inferred:  # the briefing's own English, marked as the curator's dating
        return translate_in("en", "Periods", "{period}(推定)").format(period=english)
    return english or english_period(obs.period, obs.period_zh, inferred)


def value_text(obs: Observation, language: str | None = None) -> str:
    """The value as the source wrote it (超2400万吨, 约2.4亿元); a derived one as ≈1959亿元. In English
    the same figure in English words and digits: 'over 24 million t', 'about 240 million yuan'."""
    decimals = obs.decimals
    if _english(language):
        if obs.is_derived:
            digits = derived_number_text(obs.value, decimals)[1:]
            return "≈" + english_amount(digits, obs.unit)
        amount = english_amount(number_text(obs.value), obs.unit)
        if obs.kind in ("lower_bound", "approximate"):
            return translate_in("en", "Units", _ENGLISH_PREFIXES[obs.kind]).format(value=amount)
        if obs.kind == "target" and _AT_LEAST.search(obs.as_written or ""):  # a target of 50个以上
            return translate_in("en", "Units", _ENGLISH_PREFIXES["at_least"]).format(value=amount)
        return amount
    if obs.is_derived:
        return f"{derived_number_text(obs.value, decimals)}{obs.unit}"
    if obs.as_written:
        return obs.as_written  # the article's own words: 超2400万吨, 95%以上, 突破18000列
    number = number_text(obs.value)
    prefix = _label(_PREFIXES, obs.kind, language) if obs.kind in _PREFIXES else ""
    return f"{prefix}{number}{obs.unit}"


def written_text(obs: Observation) -> str:
    """The figure in Chinese as the source wrote it, for a tooltip or citation beside the English."""
    return value_text(obs, "zh")


def briefing_title(meta: dict[str, str], language: str | None = None) -> str:
    """The briefing's title from its `meta`: English where it has one and English is wanted."""
    english = is_english() if language is None else language == "en"
    return (english and meta.get("title_en")) or meta.get("title_zh", "")


def same_figure(obs: Observation) -> tuple[str, str, str, float, str, str]:
    """What makes two observations one figure for the audience: a number several passages state
    is shown once (one card, one table row citing them all), not three times."""
    return (obs.subject_id, obs.indicator_id, obs.period, obs.value, obs.unit, obs.kind)


def proposal_title(proposal: Proposal, language: str | None = None) -> str:
    """A proposal's heading: in English the curators' translation, marked as a translation (the
    article's own words are Chinese); in Chinese, or without a translation, the Chinese heading."""
    if _english(language) and proposal.title_en:
        return translate_in("en", "Formatting", _TRANSLATED).format(title=proposal.title_en)
    return proposal.title_zh


_TRANSLATED = QT_TRANSLATE_NOOP("Formatting", "{title}(译文)")
_ACCESSED = QT_TRANSLATE_NOOP("Formatting", "查阅于 {date}")


def source_date(source: Source, language: str | None = None) -> str:
    """The date a citation gives a source: when it was published, or, for a reference work without a
    date of its own (an encyclopedia entry), the day it was consulted, said as such."""
    if source.published or not source.accessed:
        return source.published
    return translate_in(language, "Formatting", _ACCESSED).format(date=source.accessed)


_TOKEN = re.compile(r"(\{[^}]+\}(?:\s*/\s*100\b)?)")


def _operand(token: str, inputs: dict[str, Observation], language: str | None = None) -> str:
    match = re.fullmatch(r"\{([^}]+)\}(\s*/\s*100)?", token)
    obs = inputs.get(match.group(1)) if match else None
    if match is None or obs is None:
        return token
    number = number_text(obs.value)
    amount = english_amount(number, obs.unit) if _english(language) else f"{number}{obs.unit}"
    if match.group(2):
        return f"{number}%" if obs.unit == "%" else f"{amount} ÷ 100"
    return amount


def readable_formula(obs: Observation, inputs: dict[str, Observation], language: str | None = None) -> str:
    """'{a} / (1 + {b} / 100)' as '2073.1亿元 ÷ (1 + 5.8%) ≈1,959.45亿元'."""
    parts = []
    for piece in _TOKEN.split(obs.formula):
        if _TOKEN.fullmatch(piece):
            parts.append(_operand(piece, inputs, language))
        else:  # operators only ever appear outside the braces; units may contain '/'
            piece = re.sub(r"\s*/\s*", " ÷ ", piece)
            parts.append(re.sub(r"\s*\*\s*", " × ", piece))
    text = re.sub(r"\((\S+%)\)", r"\1", "".join(parts).strip())  # '÷ (91.6%)' reads as '÷ 91.6%'
    result = value_text(obs, language)
    return f"{text} {result}" if result.startswith("≈") else f"{text} = {result}"
