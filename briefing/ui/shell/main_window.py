"""The main window: four tabs, the as-of banner, menus, presenter shortcuts, and opening another briefing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefing import log
from briefing.drawing import fonts, i18n, themes
from briefing.drawing.formatting import source_date
from briefing.store import Briefing, BriefingError, open_briefing
from briefing.store.records import has_later_figures
from briefing.ui.common import theme_widgets
from briefing.ui.common.actions import action
from briefing.ui.common.messages import tell
from briefing.ui.common.selection import TABS, Selection
from briefing.ui.common.settings import THEMES, Settings
from briefing.ui.indicators.indicators_tab import IndicatorsTab
from briefing.ui.ports.ports_tab import PortsTab
from briefing.ui.presenting.presentation import PresenterTools
from briefing.ui.proposals.proposals_tab import ProposalsTab
from briefing.ui.shell.export_dialogs import ExportActions
from briefing.ui.sources.sources_tab import SourcesTab

FONT_STEP = 0.1
FIRST_SIZE = (1440, 900)  # the first window on a screen with room for it


class MainWindow(QMainWindow):
    briefing_opened = Signal(str)  # path of the briefing now shown
    tab_changed = Signal(str)  # the name of the tab now in front (one of TABS)

    def __init__(self, briefing: Briefing, settings: Settings, font_family: str = "") -> None:
        super().__init__()
        self.briefing = briefing
        self.settings = settings
        self._font_family = font_family
        self._font_scale = settings.font_scale
        self.selection = Selection(self)

        self.banner = QLabel()
        self.banner.setObjectName("asOfBanner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setContentsMargins(10, 4, 10, 4)
        self.banner.setAutoFillBackground(True)  # coloured by the theme's palette (a style sheet stops font changes)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.ports_tab = PortsTab(briefing, self.selection, self)
        self.indicators_tab = IndicatorsTab(briefing, self.selection, self)
        self.proposals_tab = ProposalsTab(briefing, self.selection, self)
        self.sources_tab = SourcesTab(briefing, self.selection, self)
        for tab in (self.ports_tab, self.indicators_tab, self.proposals_tab, self.sources_tab):
            self.tabs.addTab(tab, "")
        self.tabs.currentChanged.connect(lambda index: self.tab_changed.emit(TABS[max(0, index)]))

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.banner)
        self.setCentralWidget(central)

        self._build_menus()
        self.export_actions = ExportActions(self)  # File > export handout, figures, chart images
        self._build_shortcuts()
        # agenda, presentation mode, presenter view, Compare with…, crash recovery
        self.presenter_tools = PresenterTools(self)
        self.selection.tab_requested.connect(self._on_tab_requested)
        self._retranslate()
        self._restore()

    # -- set-up -------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.open_action = action(self, self.choose_file, QKeySequence.StandardKey.Open)
        self.quit_action = action(self, self.close, QKeySequence.StandardKey.Quit)
        self.full_screen_action = action(self, self.set_full_screen, "F11", checkable=True)
        self.larger_action = action(self, lambda: self.change_font_scale(+FONT_STEP))
        self.larger_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.smaller_action = action(self, lambda: self.change_font_scale(-FONT_STEP), "Ctrl+-")
        self.reset_font_action = action(self, lambda: self.set_font_scale(1.0), "Ctrl+0")
        self.about_action = action(self, self.show_about)
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addActions([self.open_action, self.quit_action])
        self.view_menu = self.menuBar().addMenu("")
        self.view_menu.addActions(
            [self.full_screen_action, self.larger_action, self.smaller_action, self.reset_font_action]
        )
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_actions = self._choices(
            self.language_menu, i18n.LANGUAGE_NAMES, i18n.current_language(), self.set_language
        )
        self.theme_menu = self.view_menu.addMenu("")
        self.theme_actions = self._choices(
            self.theme_menu, dict.fromkeys(THEMES, ""), themes.current().name, self.set_theme
        )
        themes.signals().theme_changed.connect(self._apply_theme)
        self._apply_theme()
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.about_action)

    def _choices(self, menu, texts: dict[str, str], chosen: str, slot) -> dict[str, QAction]:
        """Checkable actions of which exactly one is checked (a language, a theme)."""
        group = QActionGroup(self)
        actions = {}
        for key, text in texts.items():
            action = QAction(text, group, checkable=True, checked=key == chosen)
            action.triggered.connect(lambda _=False, k=key: slot(k))
            menu.addAction(action)
            actions[key] = action
        return actions

    def _build_shortcuts(self) -> None:
        for index in range(len(TABS)):
            QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self, lambda i=index: self.tabs.setCurrentIndex(i))
        for key, delta in (
            (Qt.Key.Key_Right, 1),
            (Qt.Key.Key_PageDown, 1),
            (Qt.Key.Key_Left, -1),
            (Qt.Key.Key_PageUp, -1),
        ):
            QShortcut(QKeySequence(key), self, lambda d=delta: self.step_port(d))
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, lambda: self.set_full_screen(False))

    def _retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("口岸"))
        self.tabs.setTabText(1, self.tr("指标"))
        self.tabs.setTabText(2, self.tr("代表建议"))
        self.tabs.setTabText(3, self.tr("原文"))
        self.file_menu.setTitle(self.tr("文件(&F)"))
        self.view_menu.setTitle(self.tr("视图(&V)"))
        self.help_menu.setTitle(self.tr("帮助(&H)"))
        self.open_action.setText(self.tr("打开简报…"))
        self.quit_action.setText(self.tr("退出"))
        self.full_screen_action.setText(self.tr("全屏"))
        self.larger_action.setText(self.tr("放大字体"))
        self.smaller_action.setText(self.tr("缩小字体"))
        self.reset_font_action.setText(self.tr("默认字体大小"))
        self.about_action.setText(self.tr("关于"))
        self.language_menu.setTitle(self.tr("语言 / Language"))
        self.theme_menu.setTitle(self.tr("主题"))
        self.theme_actions["light"].setText(self.tr("浅色"))
        self.theme_actions["dark"].setText(self.tr("深色高对比"))
        self._update_banner()
        self.presenter_tools.retranslate()  # after the banner: the presenter view shows it

    def _apply_theme(self, *_args) -> None:
        theme = themes.current()
        palette = self.banner.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(theme.banner_background))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(theme.banner_text))
        self.banner.setPalette(palette)

    def _update_banner(self) -> None:
        meta = self.briefing.meta
        source = self.briefing.source(meta.get("source_id", ""))
        source_text = f"{source.publisher}《{source.title}》" if source else ""
        title = (i18n.is_english() and meta.get("title_en")) or meta.get("title_zh", "")
        self.banner.setText(f"{title}  ·  {self.dates_text()}  ·  " + self.tr("来源:") + source_text)
        self.setWindowTitle(f"{title} — {self.briefing.path.name}")

    def dates_text(self) -> str:
        """The article's date and, when later figures were added, the month the latest one reaches."""
        meta = self.briefing.meta
        as_of, through = meta.get("as_of", ""), meta.get("data_through", "")
        text = self.tr("原文 {0}").format(_month_text(as_of))
        if has_later_figures(meta):
            text += " · " + self.tr("补充数据截至 {0}").format(_month_text(through))
        return text

    def _restore(self) -> None:
        geometry = self.settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self._first_geometry()
        self.tabs.setCurrentIndex(min(self.settings.last_tab, self.tabs.count() - 1))
        subject = self.settings.last_subject
        if not subject or self.briefing.subject(subject) is None:
            subject = self.briefing.ports[0].id if self.briefing.ports else ""
        self.selection.select_subject(subject)

    def _first_geometry(self) -> None:
        """First launch: 1440x900 where the screen has room for it with its frame, else maximised on
        the screen's available area (a 1366x768 laptop), never larger than the screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        if available is None or (available.width() >= FIRST_SIZE[0] + 40 and available.height() >= FIRST_SIZE[1] + 80):
            self.resize(*FIRST_SIZE)
            return
        frame = 40  # the normal (unmaximised) size leaves room for a title bar and borders
        self.setGeometry(available.adjusted(0, frame, 0, 0) if available.height() > 2 * frame else available)
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    # -- actions ------------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        """Switch the interface language now (every tab retitles itself) and remember it."""
        code = i18n.set_language(language)
        self.settings.language = code
        self.language_actions[code].setChecked(True)

    def set_theme(self, name: str) -> None:
        """Switch the colour theme now (charts and the map repaint) and remember it."""
        theme = theme_widgets.apply_theme(name)
        self.settings.theme = theme.name
        self.theme_actions[theme.name].setChecked(True)

    def step_port(self, delta: int) -> None:
        if self.presenter_tools.presenting:  # presentation mode: the clicker steps through the agenda
            self.presenter_tools.step(delta)
            return
        self.ports_tab.step(delta)

    def focus_search(self) -> None:
        if self.tabs.currentWidget() is self.ports_tab:
            self.ports_tab.focus_search()
        else:
            self.tabs.setCurrentWidget(self.proposals_tab)
            self.proposals_tab.focus_search()

    def set_full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        elif self.isFullScreen():
            self.showNormal()
        self.full_screen_action.setChecked(bool(on))

    def change_font_scale(self, delta: float) -> None:
        self.set_font_scale(self._font_scale + delta)

    def set_font_scale(self, scale: float) -> None:
        from briefing.ui.common.settings import FONT_SCALE_MAX, FONT_SCALE_MIN

        self._font_scale = round(min(max(scale, FONT_SCALE_MIN), FONT_SCALE_MAX), 2)
        self.settings.font_scale = self._font_scale
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        fonts.apply_font(app, self._font_family, self._font_scale)

    @property
    def font_scale(self) -> float:
        return self._font_scale

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("打开简报"),
            str(self.briefing.path.parent),
            self.tr("简报数据库 (*.sqlite *.db);;所有文件 (*)"),
        )
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> bool:
        """Open another briefing; a bad file gets a dialog and the current briefing stays open."""
        try:
            briefing = open_briefing(path)
        except BriefingError as exc:
            self._warn(self.tr("无法打开简报"), self.tr("文件:") + f"{exc.path}\n" + self.tr("问题:") + exc.problem)
            return False
        old = self.briefing
        self.briefing = briefing
        self.selection.reset()
        for tab in (self.ports_tab, self.indicators_tab, self.proposals_tab, self.sources_tab):
            tab.set_briefing(briefing)
        self._update_banner()
        if briefing.ports:
            self.selection.select_subject(briefing.ports[0].id)
        old.close()
        self.briefing_opened.emit(str(path))
        return True

    def _warn(self, title: str, text: str) -> None:
        self.last_warning = text
        tell(self, title, text)

    def show_about(self) -> None:
        summary = self.briefing.summary()
        sources = "\n".join(f"· {s.title}" for s in self.briefing.sources[:1])
        text = (
            f"{summary.title_zh}\n{summary.title_en}\n\n"
            + self.dates_text()
            + "\n"
            + self.tr("数据库:")
            + f"{self.briefing.path}\n"
            + "SHA-256: "
            + self.briefing.sha256()
            + "\n"
            + self.tr("构建时间:")
            + f"{summary.built_at}\n"
            + self.tr("数据结构版本:")
            + f"{summary.schema_version}\n"
            + self.tr("内容:")
            + f"{summary.ports} / {summary.observations} / {summary.proposals}"
            + self.tr("(口岸 / 数据 / 建议)")
            + "\n\n"
            + self.tr("来源:")
            + f"\n{sources}\n"
            + self.tr("另有 {n} 条公开来源(见“原文”页)").format(n=max(0, len(self.briefing.sources) - 1))
            + "\n\n"
            + self.tr("日志:")
            + f"{log.log_path() or self.tr('(未记录)')}"
        )
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("关于"), text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDetailedText(
            "\n".join(  # every source, behind "Show Details…"
                " · ".join(p for p in (s.title, s.publisher, source_date(s), s.url) if p) for s in self.briefing.sources
            )
        )
        box.open()

    # -- signals ------------------------------------------------------------------------------

    def _on_tab_requested(self, name: str) -> None:
        self.show_tab(name)

    def tab_name(self) -> str:
        """The tab in front, by name (one of TABS)."""
        return TABS[max(0, self.tabs.currentIndex())]

    def show_tab(self, name: str) -> None:
        """Bring a tab to the front by name; an unknown name brings the first."""
        self.tabs.setCurrentIndex(TABS.index(name) if name in TABS else 0)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        # The tab and subject are remembered here, not at every click: each write made Qt save the
        # settings file (with a disk sync) in the middle of stepping through ports. (Crash recovery
        # keeps its own record, written off the GUI thread.)
        self.settings.last_tab = self.tabs.currentIndex()
        if self.selection.subject_id:
            self.settings.last_subject = self.selection.subject_id
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        super().closeEvent(event)


def _month_text(period: str) -> str:
    """`2025-03` as 2025年3月, or March 2025 in the English interface; other text as it is."""
    if len(period) < 7 or not period[:4].isdigit() or not period[5:7].isdigit():
        return period
    year, month = int(period[:4]), int(period[5:7])
    if i18n.is_english():
        return f"{QLocale(QLocale.Language.English).monthName(month)} {year}"
    return f"{year}年{month}月"
