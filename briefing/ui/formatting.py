"""How figures, kinds, modes and precisions read on screen; one place, so every tab says it the same way."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
_PREFIXES = {"lower_bound": QT_TRANSLATE_NOOP("Formatting", "超"), "approximate": QT_TRANSLATE_NOOP("Formatting", "约")}


def _label(table: dict[str, str], key: str) -> str:
    return QCoreApplication.translate("Formatting", table[key]) if key in table else key


def kind_label(kind: str) -> str:
    return _label(_KINDS, kind)


def mode_label(mode: str) -> str:
    return _label(_MODES, mode)


def precision_label(precision: str) -> str:
    return _label(_PRECISIONS, precision)


def country_label(country: str) -> str:
    return _label(_COUNTRIES, country) if country else "—"


def body_label(body: str) -> str:
    return _label(_BODIES, body)


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


def value_text(obs: Observation) -> str:
    """The value as the source wrote it (超2400万吨, 约2.4亿元); a derived one as ≈4966辆."""
    if obs.is_derived:
        return f"{derived_number_text(obs.value, obs.decimals)}{obs.unit}"
    if obs.as_written:
        return obs.as_written  # the article's own words: 超2400万吨, 95%以上, 突破18000列
    number = number_text(obs.value)
    prefix = _label(_PREFIXES, obs.kind) if obs.kind in _PREFIXES else ""
    return f"{prefix}{number}{obs.unit}"
