"""The two errors the store raises: one for a database a user opens, one for a build's source files."""

from __future__ import annotations


class BriefingError(Exception):
    """A briefing database cannot be used. The message names the file and what is wrong, in one line."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem

    def line(self) -> str:
        """The message (str() of an error raised through a Qt method carries Qt's own prefix)."""
        return f"{self.path}: {self.problem}"


class BuildError(Exception):
    """A curated source row is wrong. The message reads `file:line: what is wrong`."""

    def __init__(self, file: object, line: int, problem: str) -> None:
        super().__init__(f"{file}:{line}: {problem}")
        self.file = str(file)
        self.line = line
        self.problem = problem
