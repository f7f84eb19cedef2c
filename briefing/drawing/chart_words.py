"""The words on a chart (titles, subtitles, years, the target prefix, the legend), shared by the
viewer's charts, the handout's and the slides', in the interface language or a document's.

Marked for lupdate here and translated when drawn, so a language switch shows at once and each word
is translated once.
"""

from __future__ import annotations

from briefing.drawing.chart_specs import ComparisonSpec, SeriesSpec
from briefing.drawing.formatting import kind_label
from briefing.drawing.i18n import QT_TRANSLATE_NOOP, translate_in
from briefing.store.records import Observation

_WORDS = {
    "series_title": QT_TRANSLATE_NOOP("Charts", "{name}:历年"),
    "series_subtitle": QT_TRANSLATE_NOOP("Charts", "单位:{unit}    全年数据"),
    "year": QT_TRANSLATE_NOOP("Charts", "{year}年"),
    "target_prefix": QT_TRANSLATE_NOOP("Charts", "目标 "),
    "comparison_title": QT_TRANSLATE_NOOP("Charts", "{name}:各地对比"),
    "comparison_value": QT_TRANSLATE_NOOP("Charts", " {value}({year}年)"),
    "comparison_subtitle": QT_TRANSLATE_NOOP("Charts", "单位:{unit}    各地最近一个全年的数据,年份见括号;★ = 当前选中"),
    "comparison_shown": QT_TRANSLATE_NOOP(
        "Charts", "共 {total} 处报告此项;图中列出其中 {shown} 处:数值最大者与当前选中者"
    ),
    "comparison_subtitle_section": QT_TRANSLATE_NOOP("Charts", "单位:{unit}    各地最近一个全年的数据;★ = 本节主体"),
    "legend": QT_TRANSLATE_NOOP(
        "Charts", "实心 = 实际值    浅色点线框 = 推算值    空心虚线框 = 目标    斜线 = 下限(超/至少)"
    ),
    "comparison_one_year": QT_TRANSLATE_NOOP("Charts", "单位:{unit}    均为{year}年全年数据"),
    "comparison_mixed": QT_TRANSLATE_NOOP("Charts", "单位:{unit}    注意:各地数据年份不同,年份见括号"),
    "selected": QT_TRANSLATE_NOOP("Charts", "当前选中"),
    "selected_section": QT_TRANSLATE_NOOP("Charts", "本节主体"),
    "name_year": QT_TRANSLATE_NOOP("Charts", "{name}({year}年)"),
    "no_figure": QT_TRANSLATE_NOOP("Charts", "无数据"),
}


def chart_word(key: str, language: str | None = None, **values: object) -> str:
    """A chart's word in the interface language (or `language`), with `values` filled in."""
    text = translate_in(language, "Charts", _WORDS[key])
    return text.format(**values) if values else text


def legend_entries(
    spec: SeriesSpec | ComparisonSpec, language: str | None = None, section: bool = False
) -> list[tuple[str, str]]:
    """What a chart's legend lists: (kind, words) for every kind of figure drawn, and ('selected',
    words) for a comparison's starred subject. Every colour a chart uses is in its legend."""
    entries = [(kind, kind_label(kind, language)) for kind in spec.kinds]
    if isinstance(spec, ComparisonSpec):
        entries.append(("selected", chart_word("selected_section" if section else "selected", language)))
    return entries


def comparison_subtitle(spec: ComparisonSpec, unit: str, language: str | None = None) -> str:
    """'Unit: … all full-year 2023', or a warning that the bars are of different years."""
    if spec.periods_differ:
        return chart_word("comparison_mixed", language, unit=unit)
    return chart_word("comparison_one_year", language, unit=unit, year=spec.period)


def bar_name(
    subject_name: str, obs: Observation, spec: ComparisonSpec, language: str | None = None, star: bool = False
) -> str:
    """A comparison bar's name: starred when selected, with its year when the bars' years differ."""
    name = ("★ " if star else "") + subject_name
    return chart_word("name_year", language, name=name, year=obs.period) if spec.periods_differ else name
