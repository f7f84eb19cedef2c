"""File > Export: the handout (PDF), the figures (CSV) and chart images (PNG), with their dialogs.

The handout is written in a worker thread (its own database connection, painting on a QPdfWriter)
while a progress dialog offers Cancel, so the window stays responsive; a cancelled or failed
export leaves no file behind. Charts are exported from their right-click menu on the indicators
tab or from the File menu.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefing.drawing import i18n
from briefing.drawing.i18n import local_name
from briefing.export.save import ExportCancelled, ExportError
from briefing.ui.common.actions import action
from briefing.ui.common.messages import tell

if TYPE_CHECKING:
    from briefing.ui.shell.main_window import MainWindow

SLIDE_SIZES = ((1920, 1080), (1280, 720))


def _language() -> str:
    return i18n.current_language()


class HandoutWorker(QThread):
    """Writes one handout off the GUI thread; `cancel()` stops it at the next page."""

    progressed = Signal(int, int)  # pages painted, pages in all
    succeeded = Signal(int)  # page count
    failed = Signal(str)  # one-line problem
    cancelled = Signal()

    def __init__(
        self,
        briefing_path: Path,
        target: Path,
        lang: str,
        parent: QObject | None = None,
        subject_ids: tuple[str, ...] | None = None,
    ) -> None:
        super().__init__(parent)
        self.briefing_path, self.target, self.lang = briefing_path, target, lang
        self.subject_ids = subject_ids  # None: the whole briefing
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._stop.is_set()

    def run(self) -> None:
        from briefing.export.handout import write_handout
        from briefing.store import BriefingError, open_briefing

        try:
            briefing = open_briefing(self.briefing_path)  # sqlite connections stay in their thread
            try:
                pages = write_handout(briefing, self.target, self.lang, self._progress, self.subject_ids)
            finally:
                briefing.close()
        except ExportCancelled:
            self.cancelled.emit()
        except ExportError as exc:
            self.failed.emit(exc.problem)
        except (BriefingError, OSError) as exc:
            self.failed.emit(str(exc))
        else:
            self.succeeded.emit(pages)


class _TargetRow(QWidget):
    """A file name field with a Browse… button."""

    def __init__(self, path: Path, file_filter: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_filter = file_filter
        self.edit = QLineEdit(str(path))
        self.browse = QPushButton(self.tr("浏览…"))
        self.browse.clicked.connect(self._on_browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse)

    def path(self) -> Path:
        return Path(self.edit.text().strip()).expanduser()

    def _on_browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("保存为"), self.edit.text(), self.file_filter)
        if name:
            self.edit.setText(name)


class ExportDialog(QDialog):
    """Options (radio groups or widgets added by the caller) above a target file and OK/Cancel."""

    def __init__(self, title: str, path: Path, file_filter: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.target = _TargetRow(path, file_filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        self.form.addRow(self.tr("保存到:"), self.target)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def add_choice(self, label: str, options: Sequence[tuple[str, object]], chosen: object) -> QButtonGroup:
        group, row = QButtonGroup(self), QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for index, (text, value) in enumerate(options):
            button = QRadioButton(text)
            button.setProperty("value", value)
            button.setChecked(value == chosen)
            group.addButton(button, index)
            layout.addWidget(button)
        layout.addStretch(1)
        self.add_row(label, row)
        return group

    def add_row(self, label: str, widget: QWidget) -> None:
        """An option row, above the file name row."""
        self.form.insertRow(self.form.rowCount() - 1, label, widget)

    @staticmethod
    def value(group: QButtonGroup):
        button = group.checkedButton()
        return button.property("value") if button is not None else None


class ExportActions(QObject):
    """The export menu actions of a main window, their dialogs, and the charts' right-click menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or "~")
        self.folder = documents if documents.is_dir() else Path.home()  # then wherever the last export went
        self.worker: HandoutWorker | None = None
        self.progress: QProgressDialog | None = None
        self.last_outcome = ""  # what the last export ended with, as told to the user
        self.chart_menu: QMenu | None = None
        self.pdf_action = action(self, self.export_handout)
        self.slides_action = action(self, self.export_slides)
        self.csv_action = action(self, self.export_csv)
        self.chart_action = action(self, lambda: self.export_chart(None))
        menu = window.file_menu
        before = getattr(window, "quit_action", None)
        separator = menu.insertSeparator(before) if before is not None else menu.addSeparator()
        menu.insertActions(separator, [self.pdf_action, self.slides_action, self.csv_action, self.chart_action])
        window.installEventFilter(self)
        window.indicators_tab.installEventFilter(self)  # right-clicks on a chart bubble up to the tab
        self.retranslate()

    def retranslate(self) -> None:
        self.pdf_action.setText(self.tr("导出讲义(PDF)…"))
        self.slides_action.setText(self.tr("导出幻灯片(PDF)…"))
        self.csv_action.setText(self.tr("导出数据(CSV)…"))
        self.chart_action.setText(self.tr("导出图表图片(PNG)…"))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif watched is self.window and event.type() == QEvent.Type.Close and self.worker is not None:
            # The viewer is closing with a handout being written: stop it at its next page, which
            # removes its temporary file, and wait (a running QThread destroyed at exit aborts).
            self.worker.cancel()
            self.worker.wait()
        elif watched is self.window.indicators_tab and event.type() == QEvent.Type.ContextMenu:
            chart = self.chart_at(event.globalPos())
            if chart is not None:
                self.chart_menu = self.chart_menu or QMenu(self.window)  # one menu, refilled each time
                self.chart_menu.clear()
                self.chart_menu.addAction(self.tr("导出此图表为图片…"), lambda c=chart: self.export_chart(c))
                self.chart_menu.popup(event.globalPos())
                return True
        return False

    def chart_at(self, global_pos):
        for chart in self.shown_charts():
            if chart.rect().contains(chart.mapFromGlobal(global_pos)):
                return chart
        return None

    def shown_charts(self) -> list:
        tab = self.window.indicators_tab
        return tab.charts.visible_charts() if tab.isVisible() or tab.subject_id else []

    def _suggested(self, stem: str, suffix: str) -> Path:
        name = self.window.briefing.meta.get("id", "briefing")
        return self.folder / f"{name}-{stem}{suffix}"

    def _report(self, title: str, text: str, failed: bool) -> None:
        self.last_outcome = text
        tell(self.window, title, text, warning=failed)

    def _failed(self, path: Path, problem: str) -> None:
        self._report(self.tr("无法导出"), self.tr("文件:") + f"{path}\n" + self.tr("问题:") + problem, True)

    # -- handout --------------------------------------------------------------------------------

    def export_handout(self) -> None:
        lang = _language()
        dialog = ExportDialog(
            self.tr("导出讲义(PDF)"),
            self._suggested(f"handout-{lang}", ".pdf"),
            self.tr("PDF 文件 (*.pdf)"),
            self.window,
        )
        group = dialog.add_choice(self.tr("讲义语言:"), [("中文", "zh"), ("English", "en")], lang)

        def follow_language(button: QAbstractButton, on: bool) -> None:
            if on:
                dialog.target.edit.setText(
                    re.sub(
                        r"handout-(zh|en)\.pdf$", f"handout-{button.property('value')}.pdf", dialog.target.edit.text()
                    )
                )

        group.buttonToggled.connect(follow_language)
        scope = self.add_scope_choice(dialog)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            chosen = ExportDialog.value(scope)
            self.start_handout(
                dialog.target.path(), ExportDialog.value(group) or "zh", tuple(chosen) if chosen else None
            )

    def add_scope_choice(self, dialog: ExportDialog) -> QButtonGroup:
        """The whole briefing or the selected port or place, each with its estimated length; a
        handout of hundreds of pages is said to be one, and the selected subject is offered first."""
        from briefing.export.handout_scope import estimate_pages

        briefing = self.window.briefing
        whole = estimate_pages(briefing)
        options: list[tuple[str, object]] = [(self.tr("全部(约 {n} 页)").format(n=f"{whole.pages:,}"), [])]
        subject = briefing.subject(self.window.selection.subject_id or "")
        if subject is not None:
            mine = estimate_pages(briefing, (subject.id,))
            name = local_name(subject, _language())
            options.append((self.tr("当前主体:{name}(约 {n} 页)").format(name=name, n=f"{mine.pages:,}"), [subject.id]))
        chosen: object = options[-1][1] if whole.long else []
        group = dialog.add_choice(self.tr("范围:"), options, chosen)
        if whole.long:
            note = QLabel(
                self.tr(
                    "全部讲义约 {n} 页({figures} 条数据、{proposals} 条建议),生成需要很长时间;建议只导出所选口岸。"
                ).format(n=f"{whole.pages:,}", figures=f"{whole.figures:,}", proposals=f"{whole.proposals:,}")
            )
            note.setWordWrap(True)
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setMinimumHeight(note.heightForWidth(400))  # a form row does not grow for wrapped lines
            dialog.add_row("", note)
        return group

    def start_handout(self, path: Path, lang: str, subject_ids: tuple[str, ...] | None = None) -> None:
        """Write the handout (of `subject_ids` only, if given) in a worker with a cancellable progress dialog."""
        from briefing.export.handout import prepare

        if self.worker is not None:
            return
        prepare()  # fonts and chart code load on this thread
        self.folder = path.parent
        self.progress = QProgressDialog(self.tr("正在生成讲义…"), self.tr("取消"), 0, 0, self.window)
        self.progress.setWindowTitle(self.tr("导出讲义"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        worker = HandoutWorker(self.window.briefing.path, path, lang, self, subject_ids)
        worker.progressed.connect(self._on_progressed)
        worker.succeeded.connect(
            lambda pages: self._report(
                self.tr("讲义已导出"), self.tr("已写入 {path}(共 {n} 页)").format(path=path, n=pages), False
            )
        )
        worker.failed.connect(lambda problem: self._failed(path, problem))
        worker.cancelled.connect(lambda: setattr(self, "last_outcome", self.tr("已取消,未写入任何文件")))
        worker.finished.connect(self._on_worker_finished)
        self.progress.canceled.connect(worker.cancel)
        self.worker = worker
        worker.start()

    def _on_progressed(self, done: int, total: int) -> None:
        progress = self.progress  # setValue() on a modal dialog runs the event loop: the worker
        if progress is not None and not progress.wasCanceled():  # may finish inside it
            if not total:  # the pages are being counted: how many there are is not known yet
                progress.setLabelText(self.tr("正在排版:已排 {done} 页").format(done=f"{done:,}"))
                progress.setMaximum(0)
                return
            progress.setLabelText(self.tr("正在生成讲义:第 {done} / {total} 页").format(done=done, total=total))
            progress.setMaximum(total)
            progress.setValue(done)

    def _on_worker_finished(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
        self.progress = None
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker = None

    # -- slides ---------------------------------------------------------------------------------

    def export_slides(self) -> None:
        """The stage's slides as a PDF deck: of the open agenda, or of the default one."""
        lang = _language()
        dialog = ExportDialog(
            self.tr("导出幻灯片(PDF)"),
            self._suggested(f"slides-{lang}", ".pdf"),
            self.tr("PDF 文件 (*.pdf)"),
            self.window,
        )
        languages: list[tuple[str, object]] = [("中文", "zh"), ("English", "en")]
        group = dialog.add_choice(self.tr("幻灯片语言:"), languages, lang)

        def follow_language(button: QRadioButton, on: bool) -> None:  # the file name says the language
            if on:
                name = re.sub(
                    r"slides-(zh|en)\.pdf$", f"slides-{button.property('value')}.pdf", dialog.target.edit.text()
                )
                dialog.target.edit.setText(name)

        group.buttonToggled.connect(follow_language)
        stops = self.agenda_stops()
        options: list[tuple[str, object]] = [(self.tr("由简报生成的默认议程"), "default")]
        if stops:
            options.insert(0, (self.tr("当前议程({n} 站)").format(n=len(stops)), "agenda"))
        agenda = dialog.add_choice(self.tr("议程:"), options, options[0][1])
        if dialog.exec() == QDialog.DialogCode.Accepted:
            chosen = stops if ExportDialog.value(agenda) == "agenda" else None
            self.write_slides(dialog.target.path(), ExportDialog.value(group) or "zh", chosen)

    def agenda_stops(self) -> tuple[object, ...]:
        model = getattr(getattr(self.window, "presenter_tools", None), "model", None)
        return tuple(model.stops()) if model is not None else ()

    def write_slides(self, path: Path, lang: str, stops: tuple[object, ...] | None = None) -> bool:
        """Write the deck (a few seconds at most: one page per stop) and say how it went."""
        from PySide6.QtGui import QGuiApplication

        from briefing.export.deck import write_deck

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = write_deck(self.window.briefing, path, lang, stops)
        except ExportError as exc:
            self._failed(path, exc.problem)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.folder = path.parent
        self._report(self.tr("幻灯片已导出"), self.tr("已写入 {path}(共 {n} 页)").format(path=path, n=pages), False)
        return True

    # -- CSV ------------------------------------------------------------------------------------

    def export_csv(self) -> None:
        subject = self.window.briefing.subject(self.window.selection.subject_id or "")
        dialog = ExportDialog(
            self.tr("导出数据(CSV)"), self._suggested("figures", ".csv"), self.tr("CSV 文件 (*.csv)"), self.window
        )
        options = [(self.tr("全部数据"), "")]
        if subject is not None:
            name = local_name(subject, _language())
            options.insert(0, (self.tr("当前主体:{name}").format(name=name), subject.id))
        group = dialog.add_choice(self.tr("范围:"), options, options[0][1])
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.write_csv(dialog.target.path(), ExportDialog.value(group) or None)

    def write_csv(self, path: Path, subject_id: str | None) -> bool:
        from briefing.export.csv_export import write_csv

        try:
            rows = write_csv(self.window.briefing, path, subject_id, _language())
        except ExportError as exc:
            self._failed(path, exc.problem)
            return False
        self.folder = path.parent
        self._report(self.tr("数据已导出"), self.tr("已写入 {path}({n} 条数据)").format(path=path, n=rows), False)
        return True

    # -- chart images ---------------------------------------------------------------------------

    def export_chart(self, chart=None) -> None:
        if chart is None:  # from the File menu: show the charts, so "as on screen" means something
            self.window.show_tab("indicators")
        charts = self.shown_charts()
        if not charts:
            self._report(self.tr("没有图表"), self.tr("当前主体没有图表。请在“指标”页选择有图表的主体。"), True)
            return
        dialog = ExportDialog(
            self.tr("导出图表图片(PNG)"), self._suggested("chart", ".png"), self.tr("PNG 图片 (*.png)"), self.window
        )
        picker = QComboBox()
        for item in charts:
            picker.addItem(item.title.text())
        picker.setCurrentIndex(charts.index(chart) if chart in charts else 0)
        dialog.add_row(self.tr("图表:"), picker)
        sizes = [(self.tr("屏幕分辨率(与屏幕所见相同)"), "screen")]
        sizes += [(f"{w}×{h}", f"{w}x{h}") for w, h in SLIDE_SIZES] + [(self.tr("自定义"), "custom")]
        group = dialog.add_choice(self.tr("尺寸:"), sizes, "screen")
        width, height = QSpinBox(), QSpinBox()
        for box, value in ((width, 1600), (height, 900)):
            box.setRange(200, 8000)
            box.setValue(value)
        custom = QWidget()
        row = QHBoxLayout(custom)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(width)
        row.addWidget(height)
        row.addStretch(1)
        dialog.add_row(self.tr("自定义尺寸(宽 × 高,像素):"), custom)
        custom.setEnabled(False)

        def custom_size(button: QAbstractButton, on: bool) -> None:
            if button.property("value") == "custom":
                custom.setEnabled(on)

        group.buttonToggled.connect(custom_size)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        choice = ExportDialog.value(group)
        size: tuple[int, int] | None = None
        if choice == "custom":
            size = (width.value(), height.value())
        elif choice != "screen":
            wide, high = (int(n) for n in choice.split("x"))
            size = (wide, high)
        self.save_chart(charts[picker.currentIndex()], dialog.target.path(), size)

    def save_chart(self, chart, path: Path, size: tuple[int, int] | None) -> bool:
        """The chart as on screen (size None), or redrawn at `size` pixels for a slide."""
        from briefing.export.chart_image import chart_image, save_png
        from briefing.export.handout import prepare

        if size is None:
            image = chart.grab().toImage()
        else:
            image = chart_image(chart.spec, size[0], size[1], _language(), prepare())
        try:
            save_png(image, path)
        except ExportError as exc:
            self._failed(path, exc.problem)
            return False
        self.folder = path.parent
        self._report(
            self.tr("图表已导出"),
            self.tr("已写入 {path}({w}×{h} 像素)").format(path=path, w=image.width(), h=image.height()),
            False,
        )
        return True
