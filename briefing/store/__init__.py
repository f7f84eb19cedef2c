"""Qt-free data layer: build a briefing database from curated files and read it back, read-only."""

from briefing.store.errors import BriefingError, BuildError
from briefing.store.queries import Briefing, open_briefing

__all__ = ["Briefing", "BriefingError", "BuildError", "open_briefing"]
