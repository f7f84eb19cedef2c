"""Command-line output that any console, file or pipe can take.

Python writes to a file or a pipe in the system's code page, which on Windows is cp1252 (Western)
or cp936 (Chinese): neither can write every name in a briefing (cp1252 no Chinese at all, cp936 no
"Ö"), so `briefing search 口岸 > out.txt` died with UnicodeEncodeError. `configure_streams()`, called
once at the start of `main()`, makes redirected output UTF-8 (so JSON lines are always UTF-8) and
lets nothing fail to print: a character a console cannot show comes out replaced, not as an error.

On Windows the app is built without a console window; run from a console, it has no standard
streams at all, so a command's output and errors would vanish. It attaches to the console it was
started from, if there is one, and writes there.
"""

from __future__ import annotations

import io
import sys


def configure_streams(command_line: bool = True) -> None:
    """Reconfigure stdout and stderr (again is harmless); `command_line` is False for the viewer."""
    if sys.platform == "win32" and command_line and sys.stdout is None and sys.stderr is None:
        _attach_parent_console()
    for stream in (sys.stdout, sys.stderr):
        _reconfigure(stream)


def _reconfigure(stream) -> None:
    if stream is None or not hasattr(stream, "reconfigure"):
        return
    try:
        interactive = stream.isatty()
    except (OSError, ValueError):
        interactive = False
    try:
        if interactive:
            # A terminal keeps its own encoding (Windows' console takes any character already);
            # what it cannot show is replaced rather than raising.
            stream.reconfigure(errors="replace")
        else:
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _attach_parent_console() -> None:  # pragma: no cover (Windows only)
    """A windowed app started from cmd or PowerShell: write into that console, if there is one."""
    if sys.platform != "win32":
        return
    import ctypes

    attach_parent_process = -1
    try:
        if not ctypes.windll.kernel32.AttachConsole(attach_parent_process):
            return  # started from Explorer: no console to write to
        # CONOUT$ is the console itself: Python writes to it as UTF-16, whatever its code page.
        sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        print(file=sys.stdout)  # the prompt is already back (cmd does not wait for a windowed app)
    except (OSError, AttributeError):
        return
