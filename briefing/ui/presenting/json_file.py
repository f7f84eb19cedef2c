"""Reading a small JSON file a user may have damaged (an agenda) or text from the settings (the
recovery record): regular files only, read without blocking, size-capped, nesting bounded before
the parser runs. Qt-free; callers turn the errors into their own translated one-line messages."""

from __future__ import annotations

import json
import os
import re
import stat
from itertools import accumulate
from pathlib import Path

MAX_DEPTH = 32  # an agenda nests four levels deep ({stops: [{map: {center: []}}]}); fields from a newer file a few more
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKETS = re.compile(r"[\[\]{}]")


class NotRegularFile(OSError):
    """A folder, a named pipe, a device: reading it would block, never end or mean nothing."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what  # "folder", "pipe", "device" or "special"


class TooLarge(OSError):
    pass


class TooDeep(ValueError):
    pass


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. A named pipe is opened without waiting
    for a writer and refused; a device is refused before it is read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    _require_regular(os.stat(path).st_mode)
    descriptor = os.open(path, flags)
    try:
        _require_regular(os.fstat(descriptor).st_mode)  # the same file that was looked at
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise TooLarge(f"more than {limit} bytes")
    return data


def special_kind(path: Path) -> str:
    """What is at `path` when it is not a regular file ("folder", "pipe", "device", "special"), else ""."""
    try:
        _require_regular(os.stat(path).st_mode)
    except NotRegularFile as exc:
        return exc.what
    except OSError:
        pass
    return ""


def _require_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise NotRegularFile("folder")
    if stat.S_ISFIFO(mode):
        raise NotRegularFile("pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise NotRegularFile("device")
    raise NotRegularFile("special")


def decode(data: bytes) -> str:
    """UTF-8 text, with or without the byte-order mark Windows Notepad writes (UnicodeDecodeError)."""
    return data.decode("utf-8-sig")


def nesting_depth(text: str) -> int:
    """How deeply arrays and objects nest (strings skipped), counted without recursion."""
    brackets = _BRACKETS.findall(_STRINGS.sub("", text))
    if not brackets:
        return 0
    return max(0, max(accumulate(1 if b in "[{" else -1 for b in brackets)))


def loads(text: str, max_depth: int = MAX_DEPTH):
    """json.loads with the nesting bounded first (TooDeep); numbers of thousands of digits, NaN and
    Infinity are refused (ValueError) rather than read as huge or non-finite values."""
    text = text.removeprefix("\ufeff")
    if nesting_depth(text) > max_depth:
        raise TooDeep(f"nested more than {max_depth} levels deep")
    return json.loads(text, parse_constant=_no_constant, parse_float=_finite_float, parse_int=_safe_int)


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def _safe_int(text: str) -> int:
    """A whole number a float can hold exactly (2**53): anything larger is no count, zoom or version."""
    if len(text.lstrip("-")) > 16 or abs(value := int(text)) > 2**53:
        raise ValueError(f"{text[:20]}… is out of range")
    return value


def _finite_float(text: str) -> float:
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"{text[:20]} is out of range")
    return value
