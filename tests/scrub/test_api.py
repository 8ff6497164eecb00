"""The public API: exports, the shared scrubber, detection apart from replacement."""

from __future__ import annotations

import casetable.scrub as scrub
from casetable.scrub import Redaction, ScrubbedText, Scrubber, get_scrubber
from casetable.scrub.types import redactions_in


def test_exports() -> None:
    for name in ("Scrubber", "ScrubbedText", "Redaction", "get_scrubber"):
        assert name in scrub.__all__


def test_get_scrubber_is_shared() -> None:
    assert get_scrubber() is get_scrubber()


def test_detect_gives_spans_without_replacing(scrubber: Scrubber) -> None:
    text = "Mevrouw Sandra Vanhoutte belt op 0478 21 36 54."
    spans = scrubber.detect(text)
    assert [(text[s.start : s.end], s.category) for s in spans] == [
        ("Sandra Vanhoutte", "PERSON"),
        ("0478 21 36 54", "PHONE"),
    ]


def test_redactions_point_into_the_output_and_carry_no_values(scrubber: Scrubber) -> None:
    result = scrubber.scrub("Papa Dirk woont in Gent, gsm 0478 21 36 54.")
    assert isinstance(result, ScrubbedText)
    assert result.text == "Papa [persoon 1] woont in [plaats], gsm [telefoon]."
    assert result.redactions == redactions_in(result.text)
    assert all(isinstance(r, Redaction) for r in result.redactions)
    assert result.categories == ["PERSON", "PLACE", "PHONE"]
    assert "Dirk" not in repr(result.to_json())
