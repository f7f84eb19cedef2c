"""The seams we keep: layers point down. The store never imports Qt; the drawing layer paints with
QtGui and never makes a widget; widgets (ui) and files (export) sit on the drawing layer and never
import each other; only the store runs SQL."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "briefing"
QT = ("PySide6", "PyQt5", "PyQt6", "PySide2", "pyqtgraph")
WIDGETS = ("PySide6.QtWidgets", "PySide6.QtOpenGLWidgets", "pyqtgraph")


def imports(path: Path) -> set[str]:
    """Every module a file imports, at its top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def modules_of(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def _reaches(path: Path, forbidden: tuple[str, ...]) -> set[str]:
    return {name for name in imports(path) if any(name == f or name.startswith(f + ".") for f in forbidden)}


# Which layer may not import which: the arrows point down only.
FORBIDDEN = {
    "store": QT + ("briefing.drawing", "briefing.ui", "briefing.export"),
    "drawing": WIDGETS + ("briefing.ui", "briefing.export"),
    "export": WIDGETS + ("briefing.ui",),
    "ui": ("briefing.export",),
}
# The one door from the widgets to the files: File > Export's dialogs call the exports (never the reverse).
EXPORT_DOOR = "ui/shell/export_dialogs.py"


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layers_point_down(layer):
    broken = {
        path.relative_to(PACKAGE).as_posix(): sorted(_reaches(path, FORBIDDEN[layer]))
        for path in modules_of(layer)
        if _reaches(path, FORBIDDEN[layer])
    }
    broken.pop(EXPORT_DOOR, None)
    assert broken == {}


def test_the_contract_check_finds_an_upward_import(tmp_path):
    """The check itself: a drawing module that imports a widget is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QLabel\nfrom briefing.ui.ports import ports_tab\n")
    assert _reaches(bad, FORBIDDEN["drawing"]) == {
        "PySide6.QtWidgets",
        "PySide6.QtWidgets.QLabel",
        "briefing.ui.ports",
        "briefing.ui.ports.ports_tab",
    }


def _loaded_after(statement: str) -> list[str]:
    code = (
        f"import sys; {statement};"
        f"print('\\n'.join(m for m in sys.modules if m.startswith(('PySide6.', 'pyqtgraph', 'briefing.', 'numpy'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_using_the_store_loads_no_qt():
    code = (
        "import sys; from briefing import paths; from briefing.store import open_briefing;"
        "b = open_briefing(paths.bundled_database()); b.search('口岸'); b.proposals(); b.outlines();"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {QT!r}]; print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_handout_loads_no_widget_module():
    loaded = _loaded_after("import briefing.export.handout, briefing.export.csv_export, briefing.export.chart_image")
    assert "briefing.export.handout" in loaded
    assert [m for m in loaded if m.startswith(("PySide6.QtWidgets", "pyqtgraph", "briefing.ui", "numpy"))] == []


def test_the_drawing_layer_loads_no_widget_module():
    loaded = _loaded_after(
        "import "
        + ", ".join(  # sub-packages too (drawing/slides)
            "briefing.drawing." + ".".join(p.relative_to(PACKAGE / "drawing").with_suffix("").parts)
            for p in modules_of("drawing")
            if p.stem != "__init__"
        )
    )
    assert [
        m for m in loaded if m.startswith(("PySide6.QtWidgets", "pyqtgraph", "briefing.ui", "briefing.export"))
    ] == []


def test_widgets_never_import_sqlite():
    for path in modules_of("ui") + modules_of("drawing") + modules_of("export"):
        assert "sqlite3" not in imports(path), path.name
        assert "sqlite_utils" not in imports(path), path.name


def test_ui_is_one_folder_per_feature():
    """A newcomer finds a tab's files in one folder: ui/ holds sub-packages, not loose modules."""
    loose = [p.name for p in (PACKAGE / "ui").glob("*.py") if p.name != "__init__.py"]
    assert loose == []
    assert {p.name for p in (PACKAGE / "ui").iterdir() if p.is_dir() and p.name != "__pycache__"} >= {
        "shell",
        "ports",
        "indicators",
        "proposals",
        "sources",
        "presenting",
        "common",
    }
