"""Fixtures for the scrubber tests: one shared Scrubber (the word lists load once)."""

from __future__ import annotations

import pytest

from casetable.scrub import Scrubber, get_scrubber


@pytest.fixture(scope="session")
def scrubber() -> Scrubber:
    return get_scrubber()


@pytest.fixture
def scrub(scrubber: Scrubber):
    """Scrub one text and return the output string."""
    return lambda text: scrubber.scrub(text).text
