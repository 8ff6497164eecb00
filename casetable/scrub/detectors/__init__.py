"""One small detector per kind; each yields Spans over the input text and keeps no state."""
