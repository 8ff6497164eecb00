"""Blueprints: one module per area. Views translate HTTP into one service call and back."""

from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    from casetable.views import admin, auth, join, pages, summaries, tables

    for module in (pages, auth, admin, tables, join, summaries):
        app.register_blueprint(module.bp)
    try:
        from casetable.views import coordinator
    except ImportError:  # pragma: no cover - the coordinator area is optional in early builds
        return
    app.register_blueprint(coordinator.bp)
