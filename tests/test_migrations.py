"""The migrations build exactly the schema the models describe (what `make run` applies)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade

from casetable import create_app
from casetable.extensions import db


def test_migrations_match_models(tmp_path, monkeypatch):
    monkeypatch.setenv("CASETABLE_INSTANCE_PATH", str(tmp_path / "instance"))
    app = create_app({
        "TESTING": True, "SECRET_KEY": "m" * 40, "SOCKETIO_ASYNC_MODE": "threading",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'migrated.db'}",
        "AUTO_CREATE_DB": False,
    })
    with app.app_context():
        upgrade(directory=app.extensions["migrate"].directory)
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            diff = compare_metadata(context, db.metadata)
        db.engine.dispose()
    assert diff == [], diff
