"""The agenda dock: build the list of stops (add the current view, reorder, rename, delete), write
notes for each, go to one, and open or save the agenda file."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QGridLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from briefing.ui.presenting.agenda import AgendaModel


class NumberedDelegate(QStyledItemDelegate):
    """Draws "3. name": the number is the row's place, not part of the stop."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt override)
        super().initStyleOption(option, index)
        option.text = f"{index.row() + 1}. {option.text}"


class AgendaPanel(QDockWidget):
    """A dock beside the tabs. It edits the model; going, opening and saving are the tools' job."""

    def __init__(self, tools, model: AgendaModel, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaDock")
        self._tools, self.model = tools, model
        body = QWidget()
        self.list = QListView()
        self.list.setObjectName("agendaList")
        self.list.setModel(model)
        self.list.setItemDelegate(NumberedDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)  # F2 renames
        self.list.setWordWrap(True)
        self.list.doubleClicked.connect(lambda index: tools.go_to(index.row()))
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("agendaNotes")
        self.notes.textChanged.connect(self._on_notes_edited)
        self.notes_label, self.status = QLabel(), QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.buttons = {
            name: QPushButton()
            for name in ("add", "update", "remove", "up", "down", "rename", "go", "open", "save", "save_as")
        }
        slots = {
            "add": tools.add_current_view,
            "update": self.update_selected,
            "remove": self.remove_selected,
            "up": lambda: self.move_selected(-1),
            "down": lambda: self.move_selected(1),
            "rename": self.rename_selected,
            "go": lambda: tools.go_to(self.selected_row()),
            "open": tools.choose_agenda,
            "save": tools.save_agenda,
            "save_as": tools.save_agenda_as,
        }
        grid = QGridLayout()
        for number, name in enumerate(slots):
            self.buttons[name].clicked.connect(lambda _=False, slot=slots[name]: slot())
            grid.addWidget(self.buttons[name], number // 3, number % 3)
        layout = QVBoxLayout(body)
        layout.addWidget(self.list, 3)
        layout.addLayout(grid)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes, 2)
        layout.addWidget(self.status)
        self.setWidget(body)
        QShortcut(
            QKeySequence(Qt.Key.Key_Delete), self.list, self.remove_selected, context=Qt.ShortcutContext.WidgetShortcut
        )
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.modelReset, model.dataChanged):
            signal.connect(self._refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("议程"))
        texts = {
            "add": self.tr("添加当前视图"),
            "update": self.tr("用当前视图更新"),
            "remove": self.tr("删除"),
            "up": self.tr("上移"),
            "down": self.tr("下移"),
            "rename": self.tr("重命名"),
            "go": self.tr("前往"),
            "open": self.tr("打开…"),
            "save": self.tr("保存"),
            "save_as": self.tr("另存为…"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.notes_label.setText(self.tr("本站备注(只在演讲者视图中显示)"))
        self.notes.setPlaceholderText(self.tr("要讲的要点…"))
        self._refresh()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    # -- selection --------------------------------------------------------------------------

    def row_text(self, row: int) -> str:
        """The row as the list shows it."""
        option = QStyleOptionViewItem()
        delegate = self.list.itemDelegate()
        assert isinstance(delegate, QStyledItemDelegate)
        delegate.initStyleOption(option, self.model.index(row))
        return str(option.text)  # type: ignore[attr-defined]  # PySide6 6.9's stubs omit the option's fields

    def selected_row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def _on_current_changed(self, *_args) -> None:
        row = self.selected_row()
        self.notes.blockSignals(True)
        stop = self.model.stop(row) if row >= 0 else None
        self.notes.setPlainText(stop.notes if stop is not None else "")
        self.notes.blockSignals(False)
        self._refresh()

    def _on_notes_edited(self) -> None:
        row = self.selected_row()
        if row >= 0:
            self.model.setData(self.model.index(row), self.notes.toPlainText(), AgendaModel.NotesRole)

    # -- editing ----------------------------------------------------------------------------

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row >= 0:
            self.model.removeRows(row, 1)
            self.select_row(min(row, self.model.rowCount() - 1))

    def move_selected(self, delta: int) -> None:
        row = self.selected_row()
        if row >= 0 and self.model.move_stop(row, row + delta):
            self.select_row(row + delta)

    def rename_selected(self) -> None:
        if self.selected_row() >= 0:
            self.list.edit(self.list.currentIndex())

    def update_selected(self) -> None:
        row = self.selected_row()
        if row >= 0:
            self._tools.update_stop(row)

    def _refresh(self, *_args) -> None:
        row, count = self.selected_row(), self.model.rowCount()
        for name in ("update", "remove", "rename", "go"):
            self.buttons[name].setEnabled(row >= 0)
        self.buttons["up"].setEnabled(row > 0)
        self.buttons["down"].setEnabled(0 <= row < count - 1)
        self.notes.setEnabled(row >= 0)
        path = self.model.path
        where = path.name if path else self.tr("未保存的议程")
        lines = [where + (" *" if self.model.modified else "")]
        note = self._tools.agenda_note()
        if note:
            lines.append(note)
        self.status.setText("\n".join(lines))
