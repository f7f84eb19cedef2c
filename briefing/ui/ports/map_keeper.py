"""Keeping a restored map view (an agenda stop's zoom and centre) through the resizes that follow it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

from briefing.ui.ports.map_view import PortMap


class MapKeeper(QObject):
    """Keeps a restored map view through resizes (first show, full screen on the projector) until
    the presenter zooms or pans; without it the view would drift off what the stop recorded."""

    def __init__(self, map_view: PortMap) -> None:
        super().__init__(map_view)
        self._map = map_view
        self._wanted: tuple[float, tuple[float, float] | None] | None = None
        self._shown: tuple[float, tuple[float, float]] = (0.0, (0.0, 0.0))  # scale and centre as applied
        self._pending = False
        map_view.installEventFilter(self)

    @classmethod
    def of(cls, map_view: PortMap) -> MapKeeper:
        keeper = map_view.findChild(cls)
        return keeper if keeper is not None else cls(map_view)

    def apply(self, zoom: float, centre: tuple[float, float] | None) -> None:
        self._wanted = (zoom, centre)
        self._apply()

    def _apply(self) -> None:
        self._pending = False
        if self._wanted is None:
            return
        zoom, centre = self._wanted
        if centre is None:
            self._map.reset_view()
        else:
            self._map.set_view(zoom, *centre)
        self._shown = (self._map.transform().m11(), self._map.view_centre())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize and self._wanted is not None and not self._pending:
            # the filter runs before the map resizes, so this is still the view as last shown
            (lon, lat), (shown_lon, shown_lat) = self._map.view_centre(), self._shown[1]
            if (
                abs(self._map.transform().m11() - self._shown[0]) < 1e-9
                and abs(lon - shown_lon) + abs(lat - shown_lat) < 1e-6
            ):
                self._pending = True
                QTimer.singleShot(0, self, self._apply)  # after the map's own resize handling
            else:
                self._wanted = None  # the presenter zoomed or panned since: their view wins
        return False
