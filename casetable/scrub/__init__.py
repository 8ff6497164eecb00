"""Pure de-identification library for Dutch (Flemish) case texts; imports no Flask."""

from casetable.scrub.pseudonyms import MemoryPseudonymStore, Pseudonymizer, PseudonymStore
from casetable.scrub.scrubber import Scrubber, get_scrubber
from casetable.scrub.types import Redaction, ScrubbedText

__all__ = [
    "MemoryPseudonymStore",
    "PseudonymStore",
    "Pseudonymizer",
    "Redaction",
    "ScrubbedText",
    "Scrubber",
    "get_scrubber",
]
