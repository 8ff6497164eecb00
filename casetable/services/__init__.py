"""Use cases. Each public `verb_noun` function owns its transaction and commits at the end."""
