"""Writing a file whole or not at all, the one way every writer here does it (the build, exports,
agendas): a temporary file beside the target, flushed to disk and renamed over it only when the
writing succeeded; otherwise removed, leaving the target as it was. No Qt."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: Path, prefix: str, suffix: str = ".tmp") -> Iterator[Path]:
    """A new temporary file beside `path` for the block to write; when the block ends without an
    exception it is flushed to disk, made readable by others (mkstemp makes it private) and renamed
    over `path`. OSError from making, flushing or renaming it propagates; the file never stays."""
    handle, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=Path(path).parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        # The flush needs a handle open for writing: Windows refuses FlushFileBuffers on a read-only
        # one ("Permission denied"), where POSIX fsync takes any descriptor. A full disk may only
        # tell now, not after the rename.
        with open(temporary, "r+b") as synced:
            os.fsync(synced.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
