"""An agenda of stops: the records, their JSON file (load and save), and the list model the panel shows.

A stop is a full view (see view_state) with a name and the presenter's notes. The file:
{"version": 1, "briefing_sha256": "...", "stops": [{"name", "tab", "subject_id", "map": {"zoom",
"center": [lon, lat]}, "chart", "proposal_id", "passage_id", "notes"}]}.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QStandardPaths, Qt
from PySide6.QtGui import QFont

from briefing.atomic import replacing
from briefing.ui.common.plain_text import plain_tooltip
from briefing.ui.presenting import json_file
from briefing.ui.presenting.view_state import ViewState, problems

VERSION = 1
MAX_BYTES = 5 * 1024 * 1024  # an agenda is a few kilobytes; anything this big is something else
MAX_STOPS = 1000  # a meeting's talk has tens of stops; a file with more is not an agenda made by hand
MAX_NAME, MAX_NOTES = 1_000, 100_000  # characters: a stop's name is a line, its notes a few pages at most
SUFFIX = ".agenda.json"


class AgendaError(Exception):
    """An agenda file cannot be read or written: the message names the file and the problem, in one line."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


@dataclass(frozen=True)
class Stop:
    name: str
    view: ViewState = field(default_factory=ViewState)
    notes: str = ""

    def to_json(self) -> dict:
        return {"name": self.name, **self.view.to_json(), "notes": self.notes}

    @classmethod
    def from_json(cls, data) -> Stop:
        if not isinstance(data, dict):
            raise ValueError(QCoreApplication.translate("Agenda", "不是一个对象"))
        name, notes = data.get("name", ""), data.get("notes") or ""
        if not isinstance(name, str) or not isinstance(notes, str):
            raise ValueError(QCoreApplication.translate("Agenda", "name 或 notes 不是文字"))
        if len(name) > MAX_NAME or len(notes) > MAX_NOTES:
            raise ValueError(QCoreApplication.translate("Agenda", "name 或 notes 太长"))
        return cls(name, ViewState.from_json(data), notes)


@dataclass(frozen=True)
class Agenda:
    stops: tuple[Stop, ...] = ()
    briefing_sha256: str = ""


def load_agenda(path: Path) -> Agenda:
    path = Path(path)
    try:
        text = json_file.decode(json_file.read_regular(path, MAX_BYTES))
    except FileNotFoundError:
        raise AgendaError(path, QCoreApplication.translate("Agenda", "找不到文件")) from None
    except json_file.NotRegularFile as exc:
        if exc.what == "folder":
            raise AgendaError(path, QCoreApplication.translate("Agenda", "是文件夹,不是议程文件")) from None
        raise AgendaError(
            path, QCoreApplication.translate("Agenda", "不是普通文件(是管道或设备),不是议程文件")
        ) from None
    except json_file.TooLarge:
        raise AgendaError(path, QCoreApplication.translate("Agenda", "文件太大,不是议程文件")) from None
    except IsADirectoryError:
        raise AgendaError(path, QCoreApplication.translate("Agenda", "是文件夹,不是议程文件")) from None
    except UnicodeDecodeError:
        raise AgendaError(path, QCoreApplication.translate("Agenda", "不是议程文件(不是 UTF-8 文本)")) from None
    except OSError as exc:
        raise AgendaError(
            path, QCoreApplication.translate("Agenda", "无法读取({0})").format(exc.strerror or exc)
        ) from None
    return parse_agenda(text, path)


def parse_agenda(text: str, path: object) -> Agenda:
    """An agenda from its JSON text; `path` names where it came from in the error message."""
    try:
        data = json_file.loads(text)
    except json.JSONDecodeError as exc:
        raise AgendaError(
            path, QCoreApplication.translate("Agenda", "不是议程文件(第 {0} 行不是有效的 JSON)").format(exc.lineno)
        ) from None
    except json_file.TooDeep:
        raise AgendaError(
            path, QCoreApplication.translate("Agenda", "不是议程文件(嵌套超过 {0} 层)").format(json_file.MAX_DEPTH)
        ) from None
    except (ValueError, RecursionError):  # a number of thousands of digits, NaN, Infinity
        raise AgendaError(path, QCoreApplication.translate("Agenda", "不是议程文件(含有超出范围的数字)")) from None
    if not isinstance(data, dict) or "version" not in data or not isinstance(data.get("stops"), list):
        raise AgendaError(path, QCoreApplication.translate("Agenda", "不是议程文件(缺少 version 或 stops)"))
    version = data["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise AgendaError(path, QCoreApplication.translate("Agenda", "不是议程文件(version 不是正整数)"))
    if version > VERSION:
        raise AgendaError(
            path,
            QCoreApplication.translate("Agenda", "由更新版本的查看器制作(议程版本 {0},本程序读取版本 {1})").format(
                version, VERSION
            ),
        )
    if len(data["stops"]) > MAX_STOPS:
        raise AgendaError(
            path,
            QCoreApplication.translate("Agenda", "有 {0} 站,超过议程的上限 {1} 站").format(
                len(data["stops"]), MAX_STOPS
            ),
        )
    stops = []
    for number, item in enumerate(data["stops"], start=1):
        try:
            stops.append(Stop.from_json(item))
        except ValueError as exc:
            raise AgendaError(path, QCoreApplication.translate("Agenda", "第 {0} 站:{1}").format(number, exc)) from None
    sha = data.get("briefing_sha256") or ""
    return Agenda(tuple(stops), sha if isinstance(sha, str) else "")


def agenda_json(agenda: Agenda) -> str:
    data = {
        "version": VERSION,
        "briefing_sha256": agenda.briefing_sha256,
        "stops": [stop.to_json() for stop in agenda.stops],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save_agenda(agenda: Agenda, path: Path) -> None:
    """Write the whole file or nothing: a failed save leaves the old file as it was. Only a regular
    file is ever replaced (saved as root onto /dev/null, the rename would replace the device)."""
    path = Path(path)
    if json_file.special_kind(path):
        raise AgendaError(path, QCoreApplication.translate("Agenda", "不是普通文件(是管道或设备),不是议程文件"))
    try:
        with replacing(path, prefix=".agenda-") as temporary:
            temporary.write_text(agenda_json(agenda), encoding="utf-8")
    except OSError as exc:
        raise AgendaError(
            path, QCoreApplication.translate("Agenda", "无法保存({0})").format(exc.strerror or exc)
        ) from None


def default_agenda_path(briefing_path: Path) -> Path:
    """Beside the briefing when that folder is writable, else in the user's data folder; the data
    folder, too, for the briefing inside the app's own folder (replaced by the next version, and
    under Program Files writable only by administrators, which os.access cannot tell on Windows)."""
    briefing_path = Path(briefing_path)
    name = briefing_path.stem + SUFFIX
    inside_app = getattr(sys, "_MEIPASS", None)
    if os.access(briefing_path.parent, os.W_OK) and not (
        inside_app and Path(inside_app).resolve() in briefing_path.resolve().parents
    ):
        return briefing_path.parent / name
    data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(data) / "agendas" / name


class AgendaModel(QAbstractListModel):
    """The stops in order. Display is the name, with a ⚠ and the first problem when the open briefing
    lacks what the stop names (the panel numbers the rows); edit renames; the current stop is bold."""

    StopRole = Qt.ItemDataRole.UserRole + 1
    ProblemsRole = Qt.ItemDataRole.UserRole + 2
    NotesRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._stops: list[Stop] = []
        self._problems: list[list[str]] = []
        self._briefing = None
        self._current = -1
        self.path: Path | None = None  # the file the agenda was opened from or saved to
        self.briefing_sha256 = ""  # of the briefing the file was made for
        self.modified = False

    # -- contents ---------------------------------------------------------------------------

    def set_briefing(self, briefing) -> None:
        self._briefing = briefing
        self._problems = [self._check(stop) for stop in self._stops]
        if self._stops:
            self.dataChanged.emit(self.index(0), self.index(len(self._stops) - 1))

    def set_agenda(self, agenda: Agenda, path: Path | None = None) -> None:
        self.beginResetModel()
        self._stops = list(agenda.stops)
        self._problems = [self._check(stop) for stop in self._stops]
        self._current = -1
        self.path, self.briefing_sha256, self.modified = path, agenda.briefing_sha256, False
        self.endResetModel()

    def agenda(self) -> Agenda:
        return Agenda(tuple(self._stops), self.briefing_sha256)

    def stops(self) -> tuple[Stop, ...]:
        return tuple(self._stops)

    def stop(self, row: int) -> Stop | None:
        return self._stops[row] if 0 <= row < len(self._stops) else None

    def problems_of(self, row: int) -> list[str]:
        return list(self._problems[row]) if 0 <= row < len(self._problems) else []

    def _check(self, stop: Stop) -> list[str]:
        return problems(stop.view, self._briefing) if self._briefing is not None else []

    # -- editing ----------------------------------------------------------------------------

    def insert_stop(self, row: int, stop: Stop) -> int:
        row = min(max(row, 0), len(self._stops))
        self.beginInsertRows(QModelIndex(), row, row)
        self._stops.insert(row, stop)
        self._problems.insert(row, self._check(stop))
        if self._current >= row:
            self._current += 1
        self.modified = True
        self.endInsertRows()
        return row

    def removeRows(self, row: int, count: int, parent=QModelIndex()) -> bool:  # noqa: N802, B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._stops):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._stops[row : row + count]
        del self._problems[row : row + count]
        if row <= self._current < row + count:
            self._current = -1
        elif self._current >= row + count:
            self._current -= count
        self.modified = True
        self.endRemoveRows()
        return True

    def move_stop(self, row: int, to: int) -> bool:
        """Move one stop so it ends up at row `to`."""
        if not (0 <= row < len(self._stops) and 0 <= to < len(self._stops)) or row == to:
            return False
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to + 1 if to > row else to)
        self._stops.insert(to, self._stops.pop(row))
        self._problems.insert(to, self._problems.pop(row))
        if self._current == row:
            self._current = to
        elif row < self._current <= to:
            self._current -= 1
        elif to <= self._current < row:
            self._current += 1
        self.modified = True
        self.endMoveRows()
        return True

    def replace_stop(self, row: int, stop: Stop) -> None:
        if 0 <= row < len(self._stops) and self._stops[row] != stop:
            self._stops[row] = stop
            self._problems[row] = self._check(stop)
            self.modified = True
            self.dataChanged.emit(self.index(row), self.index(row))

    def set_current(self, row: int) -> None:
        old, self._current = self._current, row
        for changed in {old, row}:
            if 0 <= changed < len(self._stops):
                self.dataChanged.emit(self.index(changed), self.index(changed), [Qt.ItemDataRole.FontRole])

    @property
    def current(self) -> int:
        return self._current

    # -- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._stops)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._stops):
            return None
        row = index.row()
        stop, found = self._stops[row], self._problems[row]
        if role == Qt.ItemDataRole.DisplayRole:
            name = stop.name or QCoreApplication.translate("Agenda", "(未命名)")
            return name + (f"  ⚠ {found[0]}" if found else "")
        if role == Qt.ItemDataRole.EditRole:
            return stop.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip("\n".join([f"⚠ {p}" for p in found] + ([stop.notes] if stop.notes else []))) or None
        if role == Qt.ItemDataRole.FontRole and row == self._current:
            font = QFont()
            font.setBold(True)
            return font
        if role == self.StopRole:
            return stop
        if role == self.ProblemsRole:
            return list(found)
        if role == self.NotesRole:
            return stop.notes
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: object,  # noqa: N802
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid() or not isinstance(value, str):
            return False
        stop = self._stops[index.row()]
        if role == Qt.ItemDataRole.EditRole:
            self.replace_stop(index.row(), replace(stop, name=value.strip()))
            return True
        if role == self.NotesRole:
            self.replace_stop(index.row(), replace(stop, notes=value))
            return True
        return False
