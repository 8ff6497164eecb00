"""Database set-up: migrate (or create) the schema and seed the catalogues."""

from __future__ import annotations

import os

from flask import current_app
from flask_migrate import stamp, upgrade
from sqlalchemy import inspect

from casetable.extensions import db

MIGRATIONS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "migrations")


def ensure_database() -> None:
    """Bring the schema up to date and seed catalogues; safe to call at every start."""
    if current_app.config.get("TESTING_CREATE_ALL"):
        db.create_all()  # the test suite's fast path; tests/test_migrations.py checks the two agree
    else:
        tables = set(inspect(db.engine).get_table_names())
        if "catalogue_items" in tables and "alembic_version" not in tables:
            stamp(directory=MIGRATIONS)  # a database made before migrations existed
        upgrade(directory=MIGRATIONS)
    from casetable.services.catalogue import seed_catalogues

    seed_catalogues()
