"""Nothing identifying is stored, logged or broadcast: proved by grepping what was stored."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from casetable.extensions import db
from casetable.models import CaseTable, Pseudonym
from casetable.services import tables

# Identifying values as a social worker would type them, in every category the app must catch.
IDENTIFIERS = {
    "Sandra Vanhoutte": "Mevrouw Sandra Vanhoutte (34) woont met haar kinderen in Roeselare.",
    "Meensesteenweg 112": "Ze woont aan de Meensesteenweg 112 bus 3, 8800 Roeselare.",
    "0478 21 36 54": "Mama is bereikbaar op 0478 21 36 54, papa op +32 487 11 22 33.",
    "+32 487 11 22 33": "Bel desnoods +32 487 11 22 33 na vijf uur.",
    "sandra.vh@telenet.be": "Mail haar gerust: sandra.vh@telenet.be",
    "BE71 0961 2345 6769": "Het leefloon gaat naar rekening BE71 0961 2345 6769.",
    "85.07.30-033.61": "Haar rijksregisternummer is 85.07.30-033.61 volgens het dossier.",
    "GNK/2024-0387": "Het OCMW-dossier loopt onder nummer GNK/2024-0387.",
    "1-KLV-482": "Papa rijdt met een auto met nummerplaat 1-KLV-482.",
}
RAW_VALUES = [
    "Sandra",
    "Vanhoutte",
    "Meensesteenweg",
    "0478 21 36 54",
    "487 11 22 33",
    "sandra.vh",
    "BE71",
    "0961 2345",
    "85.07.30",
    "GNK/2024",
    "KLV-482",
]


def every_text_value(database: Path) -> str:
    """All text in every column of every table, plus the raw bytes of the files on disk."""
    parts: list[str] = []
    with sqlite3.connect(database) as con:
        for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'"):
            for row in con.execute(f'SELECT * FROM "{name}"'):
                parts.extend(str(v) for v in row if v is not None)
    for path in database.parent.glob(database.name + "*"):  # the db file, -wal and -shm
        parts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(parts)


def test_identifiers_never_reach_the_database_or_logs(
    app, create_user, create_table, seat, staff_seat, captured_logs
):
    facilitator = create_user()
    table = create_table(facilitator)
    tables.post_vignette(
        facilitator,
        table,
        vignette=" ".join(IDENTIFIERS.values()),
        question="Hoe helpen we mevrouw Sandra Vanhoutte (0478 21 36 54)?",
        consent="informed",
    )
    console = staff_seat(table, facilitator)
    tables.control_phase(facilitator, table, "goto", 2)
    caw, clb = seat(table, "caw"), seat(table, "clb")
    for sentence in IDENTIFIERS.values():
        assert caw.post(sentence)["ok"]
        assert clb.emit("preview", text=sentence)["ok"]
    # A note and a facilitator redaction with new text also pass the choke point.
    tables.control_phase(facilitator, table, "goto", 6)
    note = clb.emit(
        "note",
        action="propose",
        client_id="note-00001",
        kind="signaal",
        text="Signaal over Sandra Vanhoutte: mail sandra.vh@telenet.be",
        level="vlaams",
    )
    assert note["ok"], note
    first = caw.received("contribution")[0]["args"][0]
    assert console.emit(
        "moderate", id=first["id"], action="redact", text="Herschreven: bel 0478 21 36 54"
    )["ok"]
    # Garbage to force error paths: an exception text must not carry the input either.
    assert not caw.post("Sandra Vanhoutte " * 2000)["ok"]

    broadcast = "\n".join(str(m["args"]) for s in (caw, clb, console) for m in s.sio.get_received())
    db.session.commit()
    db.engine.dispose()  # flush the WAL so the files on disk hold everything
    database = Path(app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///"))
    stored = every_text_value(database)
    logs = "\n".join(r.getMessage() for r in captured_logs.records)
    logs += "\n".join(str(r.exc_text or "") for r in captured_logs.records)
    for value in RAW_VALUES:
        assert value not in stored, f"{value!r} was stored"
        assert value not in broadcast, f"{value!r} was broadcast"
        assert value not in logs, f"{value!r} was logged"
    assert "[persoon 1]" in stored and "[telefoon]" in stored


def test_every_free_text_column_refuses_raw_text(app, create_table):
    """Models accept only ScrubbedText: raw text cannot be stored by accident."""
    table = create_table()
    with pytest.raises(TypeError) as refused:
        table.vignette = "Sandra Vanhoutte woont hier"  # type: ignore[assignment]
    assert "Sandra" not in str(refused.value) and "ScrubbedText" in str(refused.value)
    # Also at the SQL level (a bulk UPDATE bypasses attribute events): refused, and the error
    # does not quote the parameters.
    with pytest.raises(Exception) as sql_error:
        db.session.execute(
            db.update(CaseTable).where(CaseTable.id == table.id).values(vignette="Sandra Vanhoutte")
        )
    db.session.rollback()
    assert "Sandra" not in str(sql_error.value) and "ScrubbedText" in str(sql_error.value)
    columns = [
        (model.__tablename__, column.name)
        for model in db.Model.__subclasses__()
        for column in inspect(model).columns
        if type(column.type).__name__ == "ScrubbedColumn"
    ]
    assert ("contributions", "body") in columns and ("notes", "body") in columns
    assert ("case_tables", "vignette") in columns and ("case_tables", "title") in columns


def test_pseudonyms_are_keyed_hashes_and_destroyed_at_close(app, create_user, create_table, seat):
    facilitator = create_user()
    table = create_table(facilitator)
    tables.control_phase(facilitator, table, "goto", 2)
    caw = seat(table, "caw")
    first = caw.post("Mevrouw Sandra Vanhoutte belde gisteren.")
    again = caw.post("Heeft Sandra Vanhoutte al een afspraak bij het OCMW?")
    assert "[persoon 1]" in first["contribution"]["text"]
    assert "[persoon 1]" in again["contribution"]["text"]  # consistent within the table
    digests = db.session.scalars(db.select(Pseudonym.digest).where(Pseudonym.table_id == table.id))
    digests = list(digests)
    assert digests and all(len(d) == 64 and "sandra" not in d.lower() for d in digests)
    tables.close_table(facilitator, table)
    db.session.expire_all()
    fresh = db.session.get(CaseTable, table.id)
    assert fresh.pseudonym_salt is None and fresh.join_code is None
    count = db.session.execute(
        text("SELECT count(*) FROM pseudonyms WHERE table_id = :t"), {"t": table.id}
    ).scalar()
    assert count == 0


def test_log_filter_scrubs_library_messages(app, captured_logs):
    logging.getLogger("some.library").warning(
        "failed for %s at %s", "Sandra Vanhoutte", "0478 21 36 54"
    )
    try:
        raise ValueError("could not parse 'sandra.vh@telenet.be'")
    except ValueError:
        logging.getLogger("some.library").exception("boom")
    handler_output = []
    from casetable.privacy_logging import ScrubLogFilter

    for record in captured_logs.records:
        ScrubLogFilter().filter(record)
        handler_output.append(record.getMessage() + str(record.exc_text or ""))
    joined = "\n".join(handler_output)
    assert "0478" not in joined and "sandra.vh" not in joined and "Vanhoutte" not in joined
    assert "ValueError" in joined  # the shape of the error stays useful


def test_preview_scrubs_without_storing_or_binding_names(app, create_table, seat):
    table = create_table()
    tables.control_phase(table.facilitator, table, "goto", 2)
    caw = seat(table, "caw")
    preview = caw.emit("preview", text="Mevrouw Sandra Vanhoutte belt morgen.")
    assert preview["ok"] and "[persoon 1]" in preview["text"]
    assert preview["categories"] == ["PERSON"]
    assert db.session.query(Pseudonym).count() == 0
    # The previewed name was not bound: the first posted person is still [persoon 1].
    posted = caw.post("Meneer Dirk Verstraete komt ook.")
    assert "[persoon 1]" in posted["contribution"]["text"]
