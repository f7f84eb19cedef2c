"""The indicators tab: the subject list, fact cards, charts and the coverage matrix."""
