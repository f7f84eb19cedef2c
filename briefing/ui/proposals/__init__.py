"""The proposals tab: speakers, their proposals, search and the full text."""
