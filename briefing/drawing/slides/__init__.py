"""The slides of the stage: composed from the briefing (deck), painted on any surface (paint)."""
