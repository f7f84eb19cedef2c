"""Widgets and helpers every tab shares: settings, selection, theme helpers, reader formats, link rows."""
