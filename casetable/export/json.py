"""JSON export: stable bytes (sorted keys, fixed separators, UTF-8) of the summary's to_dict()."""

from __future__ import annotations

import json
from typing import Any

from casetable.export.model import Overview, Summary


def _dumps(data: dict[str, Any]) -> bytes:
    """Sorted keys and fixed indentation so the same model always gives the same bytes."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")


def render_json(summary: Summary) -> bytes:
    """A table summary as UTF-8 JSON; Summary.from_dict(json.loads(...)) restores it."""
    return _dumps(summary.to_dict())


def render_overview_json(overview: Overview) -> bytes:
    """A coordinator's overview as UTF-8 JSON; Overview.from_dict(json.loads(...)) restores it."""
    return _dumps(overview.to_dict())


def load_summary(data: bytes | str) -> Summary:
    """Parse render_json() output back into a Summary (e.g. a stored frozen summary)."""
    return Summary.from_dict(json.loads(data))
