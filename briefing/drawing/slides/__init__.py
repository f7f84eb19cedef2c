"""The slides of the stage: records (what a slide holds), compose and basics (made from the briefing),
deck (agenda stops to slides, the default agenda), paint (drawn on any surface: stage, thumbnails, PDF)."""
