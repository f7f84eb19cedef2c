"""Text from a briefing, an agenda, a file name or an error message, shown as text.

Qt guesses whether a tooltip (or a label, or a message box) is rich text, and renders it as HTML if
it looks like markup: a crafted name could then show a live link, load `<img src="/dev/zero">`
until memory runs out, or bury the real text. Tooltips cannot be told "plain text"; escaping the
text and wrapping it in a paragraph makes Qt render exactly the characters given.
"""

from __future__ import annotations

import html

TOOLTIP_LIMIT = 2_000  # characters: a tooltip is a glance, and Qt lays out every character it is given


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip Qt shows literally ("" for none). Long text is cut with an ellipsis."""
    if not text:
        return ""
    if len(text) > TOOLTIP_LIMIT:
        text = text[:TOOLTIP_LIMIT] + "…"
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"
