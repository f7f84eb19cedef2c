"""The handout's own words (cover, headings, table columns, notes), marked for lupdate and translated
through the interface's catalogue in the handout's language, which need not be the interface's.

Database content is never translated: names come out in English where the database has an English
name, everything else (figures as written, units, proposals, passages) as stored.
"""

from __future__ import annotations

from briefing.drawing.i18n import QT_TRANSLATE_NOOP, translate_in

_WORDS = {
    "kicker": QT_TRANSLATE_NOOP("Handout", "会议讲义"),
    "source": QT_TRANSLATE_NOOP("Handout", "来源"),
    "as_of": QT_TRANSLATE_NOOP("Handout", "原文"),
    "data_through": QT_TRANSLATE_NOOP("Handout", "补充数据截至"),
    "later_note": QT_TRANSLATE_NOOP("Handout", "时期后标 * 者晚于原文发表,为补充数据。"),
    "repost": QT_TRANSLATE_NOOP("Handout", "转载页:"),
    "mirror": QT_TRANSLATE_NOOP("Handout", "镜像页:"),
    "db_built": QT_TRANSLATE_NOOP("Handout", "数据库构建"),
    "generated": QT_TRANSLATE_NOOP("Handout", "讲义生成"),
    "contents": QT_TRANSLATE_NOOP("Handout", "目录"),
    "scope": QT_TRANSLATE_NOOP("Handout", "本讲义只含:{names}"),
    "page_of": QT_TRANSLATE_NOOP("Handout", "第 {n} 页 / 共 {total} 页"),
    "continued": QT_TRANSLATE_NOOP("Handout", "(续)"),
    "map": QT_TRANSLATE_NOOP("Handout", "口岸分布图"),
    "map_note": QT_TRANSLATE_NOOP("Handout", "实心 = 确切位置;空心 = 邻近城镇或大致位置。形状表示口岸类型。"),
    "unplaced": QT_TRANSLATE_NOOP("Handout", "无可靠坐标、未在图上标出的口岸:"),
    "roster": QT_TRANSLATE_NOOP("Handout", "口岸一览"),
    "col_port": QT_TRANSLATE_NOOP("Handout", "口岸"),
    "col_mode": QT_TRANSLATE_NOOP("Handout", "类型"),
    "col_counterpart": QT_TRANSLATE_NOOP("Handout", "对方国家 / 口岸"),
    "col_city": QT_TRANSLATE_NOOP("Handout", "所在盟市"),
    "col_position": QT_TRANSLATE_NOOP("Handout", "图上位置"),
    "not_drawn": QT_TRANSLATE_NOOP("Handout", "未标注"),
    "figures": QT_TRANSLATE_NOOP("Handout", "各地数据"),
    "figures_note": QT_TRANSLATE_NOOP(
        "Handout",
        "数值照录原文(“超”“约”“以上”等均保留);“推算值”为本简报据原文数据计算,非原文所载。方括号 [n] 为出处编号,见“资料来源”。",
    ),
    "col_indicator": QT_TRANSLATE_NOOP("Handout", "指标"),
    "col_value": QT_TRANSLATE_NOOP("Handout", "数值(原文)"),
    "col_unit": QT_TRANSLATE_NOOP("Handout", "单位"),
    "col_period": QT_TRANSLATE_NOOP("Handout", "时期"),
    "col_kind": QT_TRANSLATE_NOOP("Handout", "类型"),
    "col_ref": QT_TRANSLATE_NOOP("Handout", "出处"),
    "formula": QT_TRANSLATE_NOOP("Handout", "推算方法({label}):{formula}"),
    "charts": QT_TRANSLATE_NOOP("Handout", "图表"),
    "proposals": QT_TRANSLATE_NOOP("Handout", "代表委员建议"),
    "ports_concerned": QT_TRANSLATE_NOOP("Handout", "涉及口岸:"),
    "no_port": QT_TRANSLATE_NOOP("Handout", "涉及口岸:全区口岸(未特指)"),
    "sources": QT_TRANSLATE_NOOP("Handout", "资料来源"),
    "sources_note": QT_TRANSLATE_NOOP("Handout", "[n] 对应正文中的出处编号。原文段落照录(较长者节选,以“…”标出)。"),
    "paragraph": QT_TRANSLATE_NOOP("Handout", "原文第 {n} 段"),
}


def handout_word(key: str, language: str, **values: object) -> str:
    """One of the handout's words in `language`, with `values` filled in."""
    text = translate_in(language, "Handout", _WORDS[key])
    return text.format(**values) if values else text
