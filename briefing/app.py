"""Start-up: the application, fonts, language and theme, error hook, the briefing, main window, batch modes."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing import __version__, log, paths
from briefing.drawing import fonts, i18n, themes
from briefing.store import BriefingError, open_briefing
from briefing.ui.common import theme_widgets
from briefing.ui.common.settings import APPLICATION, ORGANISATION, Settings


def _show_error(text: str) -> None:
    """The one dialog an unexpected error gets: what happened, and where the log with the details is."""
    where = log.log_path()
    message = QCoreApplication.translate("App", "发生了意外错误,当前操作未完成:") + f"\n{text}"
    if where is not None:
        message += "\n\n" + QCoreApplication.translate("App", "详情已记入日志:") + f"\n{where}"
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("App", "意外错误"), message)
    box.setTextFormat(Qt.TextFormat.PlainText)  # an error's text may quote a file's contents
    box.exec()


def show_error(title: str, text: str) -> None:
    """A critical message shown as plain text: a file name or SQLite's error text (which quotes names
    from the file) may hold markup, which a message box would otherwise render (and load images for)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def _report_errors(batch: bool) -> None:
    """Unexpected errors go to the log with their traceback (log.ErrorReport). Damage in the briefing
    met while reading (BriefingError, from a large file checked as it is read) is not unexpected: one
    line on stderr and in the log, and in the window a dialog saying which file and what is wrong."""
    report = log.ErrorReport(None if batch else _show_error)

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if not isinstance(value, BriefingError):
            report(kind, value, tb)
            return
        log.log.info("%s", value.line())
        print(f"error: {value.line()}", file=sys.stderr)
        if not batch:
            show_error(QCoreApplication.translate("App", "无法读取简报"), value.line())

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
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    # The style before any font: setting a style re-reads the system's fonts for menus, item views
    # and headers (on Windows 9 pt "MS Shell Dlg", about 8 px at 1920x1080), undoing the
    # application font that fonts.apply_font sets after this. apply_theme keeps Fusion from here on.
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


def prepare_application(app: QApplication, lang: str | None = None) -> tuple[str, Settings]:
    """The bundled font, the language and the theme; returns the font family and the settings.
    `lang` overrides the remembered language for this run (unsaved)."""
    family = fonts.load_bundled_fonts()
    settings = Settings()
    fonts.apply_font(app, family, settings.font_scale)
    i18n.set_language(lang or settings.language, app)
    theme_widgets.apply_theme(settings.theme, app)
    return family, settings


def run(args) -> int:
    app = create_application()
    batch = bool(args.screenshot or args.self_test or args.quit_after_paint)
    log.start_log()
    _report_errors(batch)  # batch modes print, never wait on a dialog
    family, settings = prepare_application(app, getattr(args, "lang", None))  # --lang wins, unsaved

    path = Path(args.db) if args.db else paths.bundled_database()
    try:
        briefing = open_briefing(path)
    except BriefingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        if args.screenshot or args.self_test or args.quit_after_paint or getattr(args, "stage_screenshots", None):
            return 1
        show_error(QCoreApplication.translate("App", "无法打开简报"), str(exc))
        return 1

    if getattr(args, "stage_screenshots", None):
        return _stage_screenshots(args, briefing, settings)

    from briefing.ui.shell.main_window import MainWindow

    window = MainWindow(briefing, settings, family)
    agenda = getattr(args, "agenda", None)  # its first stop; without one, where the last session was
    problem = window.presenter_tools.start(Path(agenda) if agenda else None, recover=not batch)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        if batch:
            return 1
    if args.screenshot:
        from briefing.ui.shell.batch import save_screenshots

        return save_screenshots(window, Path(args.screenshot))
    if args.self_test:
        from briefing.ui.shell.batch import self_test

        return self_test(window)
    window.show()
    if args.quit_after_paint:
        _FirstPaint(window, app.quit)
    return app.exec()


def _stage_screenshots(args, briefing, settings) -> int:
    """Every slide of the agenda (the default one without --agenda) to PNG, as the stage shows it."""
    from briefing.drawing.slides.deck import default_stops, slides_for_stops
    from briefing.drawing.slides.shots import parse_size, save_stage_screenshots
    from briefing.ui.presenting.agenda import AgendaError, load_agenda

    try:
        size = parse_size(getattr(args, "size", None) or "1920x1080")
        scale = float(getattr(args, "scale", None) or 1.0)
        if not 0.5 <= scale <= 4:
            raise ValueError(f"--scale {scale:g} is out of range (0.5 to 4)")
        stops = load_agenda(Path(args.agenda)).stops if args.agenda else default_stops(briefing)
        slides = slides_for_stops(briefing, stops, i18n.current_language())
        written = save_stage_screenshots(slides, themes.current(), Path(args.stage_screenshots), size, scale)
    except (AgendaError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {len(written)} slides to {args.stage_screenshots} ({size[0]}x{size[1]} at {scale:g}x)")
    return 0
