"""The summary model: JSON round trip, canonical order, early rejection of bad values."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casetable.export.json import load_summary, render_json, render_overview_json
from casetable.export.model import (
    Advice,
    Contribution,
    Counts,
    Note,
    Overview,
    Referral,
    Summary,
)


def test_json_round_trip(dummy_summary: Summary) -> None:
    assert Summary.from_dict(json.loads(render_json(dummy_summary))) == dummy_summary
    assert load_summary(render_json(dummy_summary)) == dummy_summary


def test_json_round_trip_overview(dummy_overview: Overview) -> None:
    assert Overview.from_dict(json.loads(render_overview_json(dummy_overview))) == dummy_overview


def test_json_is_sorted_utf8(dummy_summary: Summary) -> None:
    data = render_json(dummy_summary)
    parsed = json.loads(data)
    assert data.decode("utf-8") == json.dumps(parsed, ensure_ascii=False, sort_keys=True,
                                              indent=2) + "\n"
    assert "naïeve".encode() in data
    assert parsed["schema"] == 1


@given(st.text(), st.one_of(st.none(), st.text()), st.integers(0, 10**6))
def test_round_trip_any_text(text: str, author: str | None, votes: int) -> None:
    base = Summary.from_dict(json.loads(render_json(_tiny())))
    phase = dataclasses.replace(base.phases[0],
                                contributions=(Contribution("vraag", text, author, votes),))
    summary = dataclasses.replace(base, vignette=text, phases=(phase,),
                                  notes=(Note("leerpunt", text),))
    assert Summary.from_dict(json.loads(render_json(summary))) == summary


def _tiny() -> Summary:
    from casetable.export.synthetic import make_summary

    return make_summary(contributions=3, notes=1, advice=2)


def test_advice_is_ranked_by_votes_stably() -> None:
    s = dataclasses.replace(_tiny(), advice=(Advice("a", 1), Advice("b", 5), Advice("c", 1)))
    assert [a.text for a in s.advice] == ["b", "a", "c"]


def test_counts_are_canonical_and_hashable() -> None:
    counts = Counts(3, 4, {"signaal": 1, "vraag": 3})
    assert counts.by_kind == (("vraag", 3), ("signaal", 1))
    s = dataclasses.replace(_tiny(), services={"CLB": 1, "CAW": 2})
    assert s.services == (("CAW", 2), ("CLB", 1))
    assert hash(s) == hash(Summary.from_dict(s.to_dict()))


@pytest.mark.parametrize("build", [
    lambda: Contribution("mening", "x"),
    lambda: Note("klacht", "x"),
    lambda: Note("signaal_beleid", "x", level="europees"),
    lambda: Note("signaal_beleid", "x", urgency="dringend"),
    lambda: Counts(1, 1, {"vraag": -1}),
    lambda: Counts(1, 1, {"vraag": "<5"}),  # a table's own counts are never suppressed
    lambda: Referral("Limburg", "CAW", "<3"),
    lambda: Counts(1, 1, [("vraag", 1), ("vraag", 2)]),
])
def test_bad_values_are_rejected(build: object) -> None:
    with pytest.raises(ValueError):
        build()  # type: ignore[operator]


def test_overview_accepts_suppressed_counts(dummy_overview: Overview) -> None:
    assert any(v == "<5" for _, v in dummy_overview.themes + dummy_overview.services)
    numbers = [v for _, v in dummy_overview.services if isinstance(v, int)]
    assert numbers == sorted(numbers, reverse=True)


def test_unknown_schema_is_refused(dummy_summary: Summary) -> None:
    data = dummy_summary.to_dict() | {"schema": 99}
    with pytest.raises(ValueError, match="schema"):
        Summary.from_dict(data)
    assert dummy_summary.generated_at.tzinfo is dt.UTC
