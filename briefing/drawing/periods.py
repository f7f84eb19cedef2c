"""A figure's period in English, read from the briefing's Chinese label and its sortable period:
'2024年一季度' -> 'Q1 2024', '2023年1月1日至11月20日' -> '1 Jan–20 Nov 2023', '截至2024年底' ->
'as of end-2024'. Used where the briefing has no English label of its own (`period_en`).

The phrases are marked for lupdate with Chinese sources, like every other word, and translated
into English when used; a label this module cannot read falls back to the sortable period in
English ('2025-03' -> 'Mar 2025'), never to Chinese.
"""

from __future__ import annotations

import re

from briefing.drawing.i18n import QT_TRANSLATE_NOOP, translate_in

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_PHRASES = {
    "quarter": QT_TRANSLATE_NOOP("Periods", "{year}年第{n}季度"),
    "half": QT_TRANSLATE_NOOP("Periods", "{year}年第{half}个半年"),
    "as_of": QT_TRANSLATE_NOOP("Periods", "截至{date}"),
    "end_of": QT_TRANSLATE_NOOP("Periods", "截至{year}年底"),
    "since": QT_TRANSLATE_NOOP("Periods", "{year}年以来"),
    "since_as_of": QT_TRANSLATE_NOOP("Periods", "{year}年以来累计,截至{date}"),
    "target": QT_TRANSLATE_NOOP("Periods", "{year}年目标"),
    "span": QT_TRANSLATE_NOOP("Periods", "{start}至{end}年累计"),
    "inferred": QT_TRANSLATE_NOOP("Periods", "{period}(推定)"),
}


def _phrase(key: str, **values: object) -> str:
    return translate_in("en", "Periods", _PHRASES[key]).format(**values)


def english_date(year: str, month: str = "", day: str = "") -> str:
    """('2023', '11', '20') -> '20 Nov 2023'; ('2025', '3') -> 'Mar 2025'; ('2024',) -> '2024'."""
    if not month:
        return year
    name = MONTHS[int(month) - 1]
    return f"{int(day)} {name} {year}" if day else f"{name} {year}"


def sortable_in_english(period: str) -> str:
    """'2025-03-10' -> '10 Mar 2025', '2025-03' -> 'Mar 2025', '2024' -> '2024'."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", period.strip())
    if not match:
        return period
    return english_date(match.group(1), match.group(2) or "", match.group(3) or "")


_SPAN = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日至(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
_MONTHS_SPAN = re.compile(r"(\d{4})年(\d{1,2})\s*[—–\-~至]+\s*(\d{1,2})月")
_QUARTER = re.compile(r"(\d{4})年(?:第)?([一二三四1-4])季度")
_HALF = re.compile(r"(\d{4})年([上下])半年")
_AS_OF_DAY = re.compile(r"截至(\d{4})年(\d{1,2})月(\d{1,2})日")
_AS_OF_MONTH = re.compile(r"截至(\d{4})年(\d{1,2})月")
_END_OF = re.compile(r"截至(\d{4})年底")
_SINCE = re.compile(r"(\d{4})年以来")
_TARGET = re.compile(r"(\d{4})年目标")
_YEARS = re.compile(r"(\d{4})年至(\d{4})年")
_YEAR = re.compile(r"(\d{4})年(?:全年)?")
_NOW = ("目前", "现已", "如今", "当前", "报道时", "截至目前", "现有")


def _as_of(period_zh: str, period: str) -> str:
    """The date a label says its figure stands at, in English ('' if it says none)."""
    if match := _AS_OF_DAY.search(period_zh):
        return english_date(*match.groups())
    if match := _AS_OF_MONTH.search(period_zh):
        return english_date(*match.groups())
    if any(word in period_zh for word in _NOW):
        return sortable_in_english(period)
    return ""


def english_period(period: str, period_zh: str, inferred: bool = False) -> str:
    """A period in English from its sortable form and its Chinese label (see the module's doc)."""
    text = _read(period, (period_zh or "").strip())
    return _phrase("inferred", period=text) if inferred else text


def _read(period: str, zh: str) -> str:
    if not zh or zh in (period, f"{period}年"):
        return sortable_in_english(period)
    if match := _SPAN.search(zh):
        year, m1, d1, year2, m2, d2 = match.groups()
        end_year = year2 or year
        start = f"{int(d1)} {MONTHS[int(m1) - 1]}" + (f" {year}" if end_year != year else "")
        return f"{start}–{english_date(end_year, m2, d2)}"
    if match := _MONTHS_SPAN.search(zh):
        year, m1, m2 = match.groups()
        return f"{MONTHS[int(m1) - 1]}–{MONTHS[int(m2) - 1]} {year}"
    if match := _QUARTER.search(zh):
        return _phrase("quarter", year=match.group(1), n=_QUARTERS[match.group(2)])
    if match := _HALF.search(zh):
        return _phrase("half", year=match.group(1), half=1 if match.group(2) == "上" else 2)
    if match := _END_OF.search(zh):
        return _phrase("end_of", year=match.group(1))
    if match := _SINCE.search(zh):
        date = _as_of(zh, period)
        return _phrase("since_as_of", year=match.group(1), date=date) if date else _phrase("since", year=match.group(1))
    if date := _as_of(zh, period):
        return _phrase("as_of", date=date)
    if match := _TARGET.search(zh):
        return _phrase("target", year=match.group(1))
    if match := _YEARS.search(zh):
        return _phrase("span", start=match.group(1), end=match.group(2))
    if match := _YEAR.match(zh):
        return match.group(1)
    return sortable_in_english(period)
