"""The drawing layer: what both the screen and paper need, painted with QPainter and no widgets.

Themes, the words for kinds, modes and bodies, value formatting, chart specifications and their
painting, the map projection, outlines, markers and label placement, and the bundled fonts. It
imports the store and QtCore/QtGui only: never QtWidgets, pyqtgraph, `briefing.ui` or `briefing.export`.
"""
