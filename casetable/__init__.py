"""casetable: real-time anonymous case tables.

The package root stays import-light so that `casetable scrub` starts fast without Flask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the Flask app (see casetable.app)."""
    from casetable.app import build_app

    return build_app(test_config)
