"""The seams we keep: the store never imports Qt, and widgets never run SQL."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "briefing"
QT = ("PySide6", "PyQt5", "PyQt6", "PySide2", "pyqtgraph")


def imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_store_modules_do_not_import_qt():
    for path in sorted((PACKAGE / "store").glob("*.py")):
        bad = {name for name in imports(path) if name.split(".")[0] in QT}
        assert not bad, f"{path.name} imports {bad}"


def test_using_the_store_loads_no_qt():
    code = (
        "import sys; from briefing import paths; from briefing.store import open_briefing;"
        "b = open_briefing(paths.bundled_database()); b.search('口岸'); b.proposals(); b.outlines();"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {QT!r}]; print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_widgets_never_import_sqlite():
    for path in sorted((PACKAGE / "ui").glob("*.py")):
        assert "sqlite3" not in imports(path), path.name
        assert "sqlite_utils" not in imports(path), path.name
