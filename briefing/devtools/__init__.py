"""Developer tools that regenerate the app's bundled resources (fonts, map outlines)."""
