"""How figures, kinds, modes and precisions read on screen; one place, so every tab says it the same way."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from briefing.store.records import Observation


def _tr(text: str) -> str:
    return QCoreApplication.translate("Formatting", text)


def kind_label(kind: str) -> str:
    labels = {
        "reported": _tr("实际值"),
        "cumulative": _tr("累计"),
        "target": _tr("目标"),
        "lower_bound": _tr("下限(超/至少)"),
        "approximate": _tr("约数"),
        "growth_rate": _tr("增速"),
        "share": _tr("占比"),
        "derived": _tr("推算值"),
    }
    return labels.get(kind, kind)


def mode_label(mode: str) -> str:
    return {"rail": _tr("铁路"), "road": _tr("公路"), "air": _tr("航空")}.get(mode, mode)


def precision_label(precision: str) -> str:
    return {
        "exact": _tr("确切位置"),
        "nearby_town": _tr("邻近城镇(10公里内)"),
        "approximate": _tr("大致位置(50公里内)"),
        "": _tr("无可靠坐标"),
    }.get(precision, precision)


def country_label(country: str) -> str:
    return {"Russia": _tr("俄罗斯"), "Mongolia": _tr("蒙古国"), "": "—"}.get(country, country)


def body_label(body: str) -> str:
    return {"npc_deputy": _tr("全国人大代表"), "cppcc_member": _tr("全国政协委员"), "official": _tr("官员")}.get(body, body)


def number_text(value: float) -> str:
    """A stored number as the article wrote it: no rounding, no added zeros, thousands unseparated."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10g}"


def derived_number_text(value: float) -> str:
    # A derived value is a computation, not a quotation: two decimals, and marked as approximate.
    return f"≈{value:,.2f}"


def value_text(obs: Observation) -> str:
    """The value as the source wrote it (超2400万吨, 约2.4亿元); a derived one as ≈1959.45亿元."""
    if obs.is_derived:
        return f"{derived_number_text(obs.value)}{obs.unit}"
    if obs.as_written:
        return obs.as_written  # the article's own words: 超2400万吨, 95%以上, 突破18000列
    number = number_text(obs.value)
    prefix = {"lower_bound": _tr("超"), "approximate": _tr("约")}.get(obs.kind, "")
    return f"{prefix}{number}{obs.unit}"
