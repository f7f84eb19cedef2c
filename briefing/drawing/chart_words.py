"""The words on a chart (titles, subtitles, years, the target prefix, the legend), shared by the
viewer's charts, the handout's and the slides', in the interface language or a document's.

Marked for lupdate here and translated when drawn, so a language switch shows at once and each word
is translated once.
"""

from __future__ import annotations


from briefing.drawing.i18n import QT_TRANSLATE_NOOP, translate_in

_WORDS = {
    "series_title": QT_TRANSLATE_NOOP("Charts", "{name}:历年"),
    "series_subtitle": QT_TRANSLATE_NOOP("Charts", "单位:{unit}    全年数据"),
    "year": QT_TRANSLATE_NOOP("Charts", "{year}年"),
    "target_prefix": QT_TRANSLATE_NOOP("Charts", "目标 "),
    "comparison_title": QT_TRANSLATE_NOOP("Charts", "{name}:各地对比"),
    "comparison_value": QT_TRANSLATE_NOOP("Charts", " {value}({year}年)"),
    "comparison_subtitle": QT_TRANSLATE_NOOP("Charts", "单位:{unit}    各地最近一个全年的数据,年份见括号;★ = 当前选中"),
    "comparison_shown": QT_TRANSLATE_NOOP("Charts", "共 {total} 处报告此项;图中列出其中 {shown} 处:数值最大者与当前选中者"),
    "comparison_subtitle_section": QT_TRANSLATE_NOOP("Charts", "单位:{unit}    各地最近一个全年的数据;★ = 本节主体"),
    "legend": QT_TRANSLATE_NOOP("Charts", "实心 = 实际值    浅色点线框 = 推算值    空心虚线框 = 目标    ▲ = 下限(超/至少)"),
}


def chart_word(key: str, language: str | None = None, **values: object) -> str:
    """A chart's word in the interface language (or `language`), with `values` filled in."""
    text = translate_in(language, "Charts", _WORDS[key])
    return text.format(**values) if values else text
