"""The ports tab's details pane: everything the briefing knows about one port, as one read-only document.

One document, not a label per field: Qt measures a word-wrapped selectable label through a text
document of its own several times per change, and the pane had some thirty of them, so refilling it
was most of the time a click on the next port took. Database text goes in with `insertText` only,
never as HTML; addresses are shown to read or copy, never opened (the viewer is offline, and going
online is the presenter's decision): no anchors, and the browser follows no links.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetricsF, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QFrame, QTextBrowser

from briefing.drawing import themes
from briefing.drawing.formatting import country_label, mode_label, precision_label
from briefing.drawing.i18n import in_language, local_name
from briefing.store.records import Port
from briefing.ui.common.reader_formats import block_format, char_format, colour

TITLE_SCALE = 1.4  # the port's name, against the pane's font
GAP = 0.35  # space above each field and between sources, in lines of the pane's font


class PortDetails(QTextBrowser):
    """A port's name, its other-language name, its fields one under another and the sources behind them."""

    FIELDS = ("mode", "counterpart", "league", "county", "coordinate", "basis", "status", "sources")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)  # rebuilt at every port: an undo stack would only grow
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # arrow keys step ports
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # long addresses wrap too
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._port: Port | None = None
        self._sources: tuple = ()
        self._stale = True  # the document does not show the port yet
        self._title = ""
        self._fields: dict[str, list[str]] = {}  # field -> the lines its cell shows
        self._names: dict[str, str] = {}
        self.league_name = lambda port: port.league_city  # the tab hands in the model's, which knows English
        themes.signals().theme_changed.connect(self._on_theme_changed)
        self.retranslate()

    # -- what it shows ----------------------------------------------------------------------

    def show_port(self, port: Port | None, sources=()) -> None:
        self._port, self._sources = port, tuple(sources)
        self._render()

    def retranslate(self) -> None:
        self._names = {
            "mode": self.tr("方式"),
            "counterpart": self.tr("对方口岸"),
            "league": self.tr("盟市"),
            "county": self.tr("旗县"),
            "coordinate": self.tr("坐标"),
            "basis": self.tr("位置说明"),
            "status": self.tr("状态"),
            "sources": self.tr("来源"),
        }
        self._render()

    def title_text(self) -> str:
        """The port's name as the title shows it ("" with no port)."""
        return self._title

    def field_text(self, key: str) -> str:
        """What a field's cell shows, its lines joined by newlines ("" with no port)."""
        return "\n".join(self._fields.get(key, ()))

    def source_texts(self) -> list[str]:
        """What the sources cell shows, line by line (titles and addresses)."""
        return list(self._fields.get("sources", ()))

    # -- building the document --------------------------------------------------------------

    def _values(self, port: Port) -> dict[str, list[str]]:
        counterpart = in_language(port.counterpart, port.counterpart_en)
        counterpart = f"{counterpart} ({country_label(port.country)})" if counterpart else "—"
        if port.has_position:
            where = self.tr("北纬 {lat:.2f}°,东经 {lon:.2f}°").format(lat=port.lat, lon=port.lon)
            coordinate = f"{where} · {precision_label(port.coord_precision)}"
        else:
            coordinate = self.tr("无可靠坐标(地图上只标出所在盟市)")
        sources = []
        for role, source in self._sources:
            sources.append(self._source_title(role, source))
            if source.url:
                sources.append(source.url)
        return {
            "mode": [mode_label(port.mode)],
            "counterpart": [counterpart],
            "league": [self.league_name(port) or "—"],
            "county": [in_language(port.county, port.county_en) or "—"],
            "coordinate": [coordinate],
            "basis": [in_language(port.position_zh, port.position_en) or "—"],
            "status": [in_language(port.status_zh, port.status_en) or "—"],
            "sources": sources or ["—"],
        }

    def _render(self) -> None:
        port = self._port
        self._title = local_name(port) if port else ""
        self._fields = self._values(port) if port else {}
        self._stale = not self.isVisible()  # a hidden pane (another tab in front) is built when shown
        if not self._stale:
            self._build_document(port)

    def _build_document(self, port: Port | None) -> None:
        document = self.document()
        if document.defaultFont() != self.font():
            document.setDefaultFont(self.font())  # lays the old text out again: only when it changed
        muted, plain = char_format(colour("muted")), char_format()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()  # laid out once, at the end, not after every insert
        document.clear()
        root = document.rootFrame().frameFormat()
        root.setMargin(self.fontMetrics().height() * 0.5)
        document.rootFrame().setFrameFormat(root)
        if port is None:
            cursor.insertText(self.tr("在地图或表格中选择一个口岸,即可查看详情。"), muted)
        else:
            title = char_format(bold=True)
            title.setFontPointSize(self.font().pointSizeF() * TITLE_SCALE)
            cursor.insertText(self._title, title)
            subtitle = port.name_zh if self._title != port.name_zh else port.name_en
            if subtitle:
                cursor.insertBlock(block_format(bottom=self._gap()), plain)
                cursor.insertText(subtitle, muted)
            self._insert_fields(cursor, muted, plain)
        cursor.endEditBlock()
        # The browser's own cursor was pushed to the end by the inserts, and it scrolls to keep that in
        # view: a new port opens at its name.
        self.setTextCursor(QTextCursor(document))
        self.verticalScrollBar().setValue(0)

    def _insert_fields(self, cursor: QTextCursor, muted: QTextCharFormat, plain: QTextCharFormat) -> None:
        """A block per field: its name muted and right-aligned at a tab stop, then its value, which wraps
        under itself (a hanging indent). Tab stops, not a table: the table's layout cost a third more."""
        metrics = QFontMetricsF(self.font())
        name_width = max(metrics.horizontalAdvance(self._names[key]) for key in self.FIELDS) + 2
        indent = name_width + metrics.height() * 0.5
        tabs = [
            QTextOption.Tab(name_width, QTextOption.TabType.RightTab),
            QTextOption.Tab(indent, QTextOption.TabType.LeftTab),
        ]
        for key in self.FIELDS:
            field = block_format(top=self._gap(), left=indent)
            field.setTextIndent(-indent)
            field.setTabPositions(tabs)
            cursor.insertBlock(field, plain)
            cursor.insertText("\t" + self._names[key], muted)  # copied, a field reads "\tname\tvalue"
            cursor.insertText("\t", plain)
            if key == "sources":
                self._insert_sources(cursor, muted, plain, indent)
            else:
                cursor.insertText(self._fields[key][0], plain)

    def _insert_sources(
        self, cursor: QTextCursor, muted: QTextCharFormat, plain: QTextCharFormat, indent: float
    ) -> None:
        """A title per source, and under it its address in the muted colour, to read or copy."""
        if not self._sources:
            cursor.insertText("—", plain)
            return
        for index, (role, source) in enumerate(self._sources):
            if index:
                cursor.insertBlock(block_format(top=self._gap(), left=indent), plain)
            cursor.insertText(self._source_title(role, source), plain)
            if source.url:
                cursor.insertBlock(block_format(left=indent), plain)
                cursor.insertText(source.url, muted)

    def _source_title(self, role: str, source) -> str:
        roles = {"roster": self.tr("名录"), "coordinate": self.tr("坐标")}
        return f"[{roles.get(role, role)}] {source.title}"

    def _gap(self) -> float:
        return self.fontMetrics().height() * GAP

    # -- following the language, the theme and the font -------------------------------------

    def _on_theme_changed(self, _name: str) -> None:
        self._render()  # the muted colour is written into the document's formats

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self._stale:
            self._render()  # before the first paint: what was chosen while hidden, in today's theme and font
        super().showEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._render()  # sizes, the names' column and the gaps are measured in the pane's font
