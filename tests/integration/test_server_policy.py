"""A missing PostgreSQL or Redis is a skip on a laptop and a failure in CI."""

from __future__ import annotations

import pytest

from tests.integration.conftest import _unavailable

pytestmark = pytest.mark.integration


def test_missing_server_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        _unavailable("Redis", FileNotFoundError("redis-server not found"))


def test_missing_server_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        _unavailable("PostgreSQL", FileNotFoundError("initdb not found"))
