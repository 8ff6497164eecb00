"""Browser journeys in a real chromium (marked `browser`)."""
