"""Presenting: the agenda of stops, presentation mode, the presenter view and crash recovery."""
