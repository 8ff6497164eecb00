"""Database set-up: migrate (or create) the schema and seed the catalogues."""

from __future__ import annotations

import os

from flask import current_app
from sqlalchemy import inspect

from casetable.extensions import db


def ensure_database() -> None:
    """Bring the schema up to date and seed catalogues; safe to call at every start."""
    migrations = os.path.join(os.path.dirname(os.path.dirname(__file__)), "migrations")
    if os.path.isdir(os.path.join(migrations, "versions")) and not current_app.config.get(
        "TESTING_CREATE_ALL"
    ):
        from flask_migrate import upgrade

        upgrade(directory=migrations)
    else:
        db.create_all()
    if inspect(db.engine).has_table("catalogue_items"):
        from casetable.services.catalogue import seed_catalogues

        seed_catalogues()
