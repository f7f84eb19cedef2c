"""Port briefing viewer: an offline desktop viewer for briefings on open border ports."""

__version__ = "0.1.0"
