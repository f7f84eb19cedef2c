"""A port without a position has no marker; chosen, its league is shaded on the map instead (and the
details say so), in either theme, and the shade goes when a placed port is chosen."""

from __future__ import annotations

import fixture_facts as F
import pytest

from briefing.ui.common import theme_widgets
from briefing.ui.common.selection import Selection
from briefing.ui.ports.ports_tab import PortsTab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def tab(qtbot, fixture_briefing, default_fonts):
    selection = Selection()
    widget = PortsTab(fixture_briefing, selection)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.selection = selection
    return widget


def test_an_unplaced_port_shades_its_league_and_a_placed_one_clears_it(tab, fixture_briefing):
    port = fixture_briefing.port(F.UNPLACED[-1])
    assert not port.has_position and port.league_city
    tab.selection.select_subject(port.id)
    assert tab.map.tinted_leagues() == [port.league_city]
    assert "所在盟市" in tab.details.field_text("coordinate")
    theme_widgets.apply_theme("dark")
    try:
        assert tab.map.tinted_leagues() == [port.league_city]  # the dark theme's shade, same league
    finally:
        theme_widgets.apply_theme("light")
    tab.selection.select_subject(F.EXACT_PORT)
    assert tab.map.tinted_leagues() == []
