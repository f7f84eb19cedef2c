"""Start-up: the application, fonts, language and theme, error hook, the briefing, main window, batch modes."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing import __version__, paths
from briefing.store import BriefingError, open_briefing
from briefing.ui import fonts, i18n, themes
from briefing.ui.settings import APPLICATION, ORGANISATION, Settings


def _install_error_hook() -> None:
    """An unexpected error shows a dialog and is printed; the viewer keeps running."""

    def hook(kind, value, tb):
        text = "".join(traceback.format_exception(kind, value, tb))
        print(text, file=sys.stderr)
        if QApplication.instance() is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            QMessageBox.critical(None, QCoreApplication.translate("App", "意外错误"),
                                 QCoreApplication.translate("App", "发生了意外错误,当前操作未完成:") + f"\n{value}")

    sys.excepthook = hook


class _FirstPaint(QObject):
    """Quits (or runs a callback) once the main window has painted for the first time."""

    def __init__(self, window, callback) -> None:
        super().__init__(window)
        self._callback = callback
        self._done = False
        window.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            QTimer.singleShot(0, self._callback)
        return False


def create_application(argv: list[str] | None = None) -> QApplication:
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    # The style before any font: setting a style re-reads the system's fonts for menus, item views
    # and headers (on Windows 9 pt "MS Shell Dlg", about 8 px at 1920x1080), undoing the
    # application font that fonts.apply_font sets after this. themes keeps Fusion from here on.
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(paths.resource("icons", f"briefing-{size}.png")))
    app.setWindowIcon(icon)
    return app


def start_application(lang: str | None = None) -> tuple[QApplication, str, Settings]:
    """The application with its style, font, language and theme; returns it, the font family and
    the settings. `lang` overrides the remembered language for this run (unsaved)."""
    app = create_application()
    family = fonts.load_bundled_fonts()
    settings = Settings()
    fonts.apply_font(app, family, settings.font_scale)
    i18n.set_language(lang or settings.language, app)
    themes.apply_theme(settings.theme, app)
    return app, family, settings


def run(args) -> int:
    app, family, settings = start_application(getattr(args, "lang", None))  # --lang wins, unsaved
    _install_error_hook()

    path = Path(args.db) if args.db else paths.bundled_database()
    try:
        briefing = open_briefing(path)
    except BriefingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        if args.screenshot or args.self_test or args.quit_after_paint:
            return 1
        QMessageBox.critical(None, QCoreApplication.translate("App", "无法打开简报"), str(exc))
        return 1

    from briefing.ui.main_window import MainWindow

    window = MainWindow(briefing, settings, family)
    batch = bool(args.screenshot or args.self_test or args.quit_after_paint)
    agenda = getattr(args, "agenda", None)  # its first stop; without one, where the last session was
    problem = window.presenter_tools.start(Path(agenda) if agenda else None, recover=not batch)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        if batch:
            return 1
    if args.screenshot:
        from briefing.ui.batch import save_screenshots

        return save_screenshots(window, Path(args.screenshot))
    if args.self_test:
        from briefing.ui.batch import self_test

        return self_test(window)
    window.show()
    if args.quit_after_paint:
        _FirstPaint(window, app.quit)
    return app.exec()
