"""PySide6-Essentials 6.12.0 aborts Python 3.11 after a few thousand calls of Qt methods returning None.

The pin in pyproject.toml keeps us below it; this test makes an upgrade that brings the bug back fail.
"""

from __future__ import annotations

import subprocess
import sys

CODE = """
import os
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
obj = QObject()
for i in range(20000):
    obj.setObjectName("port")       # returns None
    label.setText(str(i % 10))      # returns None
    label.update()                  # returns None
print("survived")
"""


def test_twenty_thousand_void_qt_calls_survive():
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "survived" in result.stdout, result.stderr[-2000:]
