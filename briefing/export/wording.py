"""The handout's own words in Chinese and English, and which of a record's names it prints.

The handout is a document in the language asked for (`briefing export --lang en`), not in the
interface language, so its fixed headings live in this small table rather than in the interface
catalogue. Database content is never translated: names come out in English where the database
has an English name, everything else (figures as written, units, proposals, passages) as stored.
"""

from __future__ import annotations

import re

LANGUAGES = ("zh", "en")

_WORDS = {
    "zh": {
        "kicker": "会议讲义",
        "source": "来源",
        "as_of": "数据截至",
        "db_built": "数据库构建",
        "generated": "讲义生成",
        "contents": "目录",
        "scope": "本讲义只含:{names}",
        "page_of": "第 {n} 页 / 共 {total} 页",
        "continued": "(续)",
        "map": "口岸分布图",
        "map_note": "实心 = 确切位置;空心 = 邻近城镇或大致位置。形状表示口岸类型。",
        "legend": "图例",
        "exact": "确切位置",
        "approximate_site": "邻近城镇或大致位置",
        "unplaced": "无可靠坐标、未在图上标出的口岸:",
        "roster": "口岸一览",
        "col_port": "口岸",
        "col_mode": "类型",
        "col_counterpart": "对方国家 / 口岸",
        "col_city": "所在盟市",
        "figures": "各地数据",
        "figures_note": "数值照录原文(“超”“约”“以上”等均保留);“推算值”为本简报据原文数据计算,非原文所载。"
                        "方括号 [n] 为出处编号,见“资料来源”。",
        "col_indicator": "指标",
        "col_value": "数值(原文)",
        "col_unit": "单位",
        "col_period": "时期",
        "col_kind": "类型",
        "col_ref": "出处",
        "formula": "推算方法({label}):{formula}",
        "charts": "图表",
        "series_title": "{name}:历年",
        "series_sub": "单位:{unit}    全年数据",
        "comparison_title": "{name}:各地对比",
        "comparison_sub": "单位:{unit}    各地最近一个全年的数据;★ = 本节主体",
        "year": "{year}年",
        "target_prefix": "目标 ",
        "chart_legend": "实心 = 实际值    浅色点线框 = 推算值    空心虚线框 = 目标    ▲ = 下限(超/至少)",
        "proposals": "代表委员建议",
        "ports_concerned": "涉及口岸:",
        "no_port": "涉及口岸:全区口岸(未特指)",
        "sources": "资料来源",
        "sources_note": "[n] 对应正文中的出处编号。原文段落照录(较长者节选,以“…”标出)。",
        "paragraph": "原文第 {n} 段",
        "kind_port": "口岸",
        "kind_region": "全区",
        "kind_league_city": "盟市",
        "kind_port_group": "口岸组合",
    },
    "en": {
        "kicker": "Meeting handout",
        "source": "Source",
        "as_of": "Figures as of",
        "db_built": "Database built",
        "generated": "Handout generated",
        "contents": "Contents",
        "scope": "This handout covers only: {names}",
        "page_of": "Page {n} of {total}",
        "continued": " (continued)",
        "map": "Port map",
        "map_note": "Solid = exact site; hollow = nearby town or approximate position. "
                    "The shape gives the kind of port.",
        "legend": "Legend",
        "exact": "Exact site",
        "approximate_site": "Nearby town or approximate",
        "unplaced": "Ports without a reliable coordinate, not placed on the map: ",
        "roster": "The ports",
        "col_port": "Port",
        "col_mode": "Kind",
        "col_counterpart": "Country / port across the border",
        "col_city": "League or city",
        "figures": "Figures by subject",
        "figures_note": "Values are quoted as the source writes them (超 = more than, 约 = about, 以上 = at least). "
                        "Derived values are computed in this briefing from the article's figures and are not "
                        "stated in it. [n] refers to the list of sources.",
        "col_indicator": "Indicator",
        "col_value": "Value (as written)",
        "col_unit": "Unit",
        "col_period": "Period",
        "col_kind": "Kind",
        "col_ref": "Ref.",
        "formula": "How derived ({label}): {formula}",
        "charts": "Charts",
        "series_title": "{name}: by year",
        "series_sub": "Unit: {unit}    full-year figures",
        "comparison_title": "{name}: compared",
        "comparison_sub": "Unit: {unit}    each subject's latest full year; ★ = this section's subject",
        "year": "{year}",
        "target_prefix": "Target ",
        "chart_legend": "Solid = reported    pale dotted = derived    hollow dashed = target    ▲ = lower bound",
        "proposals": "Proposals from deputies, members and officials",
        "ports_concerned": "Ports concerned: ",
        "no_port": "Ports concerned: the region's ports in general",
        "sources": "Sources",
        "sources_note": "[n] matches the references in the text. Article paragraphs are quoted as written "
                        "(long ones in part, marked …). Proposals and passages are in Chinese as published.",
        "paragraph": "Article paragraph {n}",
        "kind_port": "Port",
        "kind_region": "Region",
        "kind_league_city": "League / city",
        "kind_port_group": "Port group",
    },
}

_KINDS = {
    "zh": {"reported": "实际值", "cumulative": "累计", "target": "目标", "lower_bound": "下限(超/至少)",
           "approximate": "约数", "growth_rate": "增速", "share": "占比", "derived": "推算值"},
    "en": {"reported": "Reported", "cumulative": "Cumulative", "target": "Target", "lower_bound": "Lower bound",
           "approximate": "Approximate", "growth_rate": "Growth rate", "share": "Share", "derived": "Derived"},
}
_MODES = {"zh": {"rail": "铁路", "road": "公路", "air": "航空"}, "en": {"rail": "Rail", "road": "Road", "air": "Air"}}
_COUNTRIES = {"zh": {"Russia": "俄罗斯", "Mongolia": "蒙古国"}, "en": {"Russia": "Russia", "Mongolia": "Mongolia"}}
_BODIES = {
    "zh": {"npc_deputy": "全国人大代表", "cppcc_member": "全国政协委员", "official": "官员"},
    "en": {"npc_deputy": "NPC deputy", "cppcc_member": "CPPCC member", "official": "Official"},
}


def checked(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown handout language {lang!r}; use one of {', '.join(LANGUAGES)}")
    return lang


def word(lang: str, key: str, **values) -> str:
    text = _WORDS[lang][key]
    return text.format(**values) if values else text


def kind_word(lang: str, kind: str) -> str:
    return _KINDS[lang].get(kind, kind)


def mode_word(lang: str, mode: str) -> str:
    return _MODES[lang].get(mode, mode)


def country_word(lang: str, country: str) -> str:
    return _COUNTRIES[lang].get(country, country)


def body_word(lang: str, body: str) -> str:
    return _BODIES[lang].get(body, body)


def name_of(record, lang: str) -> str:
    """A port's, place's, indicator's or outline's name: English where the database has one."""
    english = getattr(record, "name_en", "") if lang == "en" else ""
    return english or record.name_zh


def title_of(meta: dict[str, str], lang: str) -> str:
    return (lang == "en" and meta.get("title_en")) or meta.get("title_zh", "")


def period_of(obs, lang: str) -> str:
    """The period as the briefing labels it; in English the sortable period, with the Chinese
    label beside it when that says more than the year (a part year, a target, 'as of')."""
    label = obs.period_zh or obs.period
    if lang == "zh":
        return label
    if not obs.period_zh or obs.period_zh in (f"{obs.period}年", obs.period):
        return obs.period
    return f"{obs.period} ({obs.period_zh})"


_PORT_SUFFIXES = ("铁路口岸", "公路口岸", "航空口岸", "口岸")
_ENGLISH_CUT = re.compile(r"\s*(?:\(|/|,)")


def map_label(port, lang: str) -> str:
    """The place a port is at, for a map label: 满洲里, or Manzhouli / Hohhot."""
    if lang == "en" and port.name_en:
        head = _ENGLISH_CUT.split(port.name_en, maxsplit=1)[0].strip()
        return head.split()[0] if port.mode == "air" and head.split() else head
    for suffix in _PORT_SUFFIXES:
        if port.name_zh.endswith(suffix) and len(port.name_zh) > len(suffix):
            return port.name_zh[: -len(suffix)]
    return port.name_zh
