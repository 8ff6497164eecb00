"""The per-table pseudonym map: consistent numbers, only committed bindings remembered.

Each process keeps a copy of a table's digest -> number map so that a post does not query the
database for every candidate name (services/scrubbing.py). These tests pin down what that copy
must never do: remember a binding that was rolled back, or miss one another worker made.
"""

from __future__ import annotations

from sqlalchemy import update

from casetable.extensions import db
from casetable.models import CaseTable, Pseudonym
from casetable.services import tables
from casetable.services.scrubbing import pseudonymizer_for


def fresh_table(table_id: int) -> CaseTable:
    """The table as the next event loads it."""
    db.session.expire_all()
    return db.session.get(CaseTable, table_id)


def test_a_rolled_back_binding_is_forgotten(app, create_table):
    table = create_table()
    pz = pseudonymizer_for(table)
    assert pz.number_for(["Sandra", "Vanhoutte"]) == 1
    db.session.rollback()  # the post failed after scrubbing: nothing was stored

    pz = pseudonymizer_for(fresh_table(table.id))
    assert not pz.knows("Sandra Vanhoutte")
    assert pz.number_for(["Dirk", "Verstraete"]) == 1  # number 1 is free again
    db.session.commit()
    pz = pseudonymizer_for(fresh_table(table.id))
    assert pz.number_for(["Dirk", "Verstraete"]) == 1
    assert pz.number_for(["Sandra", "Vanhoutte"]) == 2


def test_committed_bindings_are_seen_by_the_next_event(app, create_table, seat):
    table = create_table()
    tables.control_phase(table.facilitator, table, "goto", 2)
    caw = seat(table, "caw")
    assert "[persoon 1]" in caw.post("Mevrouw Sandra Vanhoutte belde.")["contribution"]["text"]
    assert "[persoon 2]" in caw.post("Meneer Dirk Verstraete ook.")["contribution"]["text"]
    later = caw.post("Sandra Vanhoutte en Dirk Verstraete komen samen.")["contribution"]["text"]
    assert later.index("[persoon 1]") < later.index("[persoon 2]")
    assert "sandra" not in caw.post("ik sprak sandra gisteren")["contribution"]["text"].lower()


def test_a_binding_made_by_another_worker_is_used_not_duplicated(app, create_table):
    table = create_table()
    pz = pseudonymizer_for(table)
    assert not pz.knows("Kevin Peeters")  # this process now holds the (empty) map
    db.session.commit()

    # Meanwhile another worker binds the same person and commits.
    digest = pz.digest("kevin peeters")
    with db.engine.begin() as other:
        other.execute(update(CaseTable).where(CaseTable.id == table.id).values(next_person=2))
        other.execute(
            Pseudonym.__table__.insert().values(table_id=table.id, digest=digest, number=1)
        )

    # An event that loaded the table before that commit still gets the other worker's number.
    assert pz.number_for(["Kevin", "Peeters"]) == 1
    db.session.commit()
    # The next event, with the table as it is now, knows it without asking the database.
    pz = pseudonymizer_for(fresh_table(table.id))
    assert pz.knows("Kevin Peeters") and pz.number_for(["Kevin", "Peeters"]) == 1
    assert pz.number_for(["Olena", "Kovalenko"]) == 3  # 2 was taken by the race; never reused
    db.session.commit()
    assert db.session.query(Pseudonym).filter_by(table_id=table.id, digest=digest).count() == 1


def test_closing_forgets_the_map_in_this_process(app, create_table):
    table = create_table()
    pz = pseudonymizer_for(table)
    pz.number_for(["Sandra", "Vanhoutte"])
    db.session.commit()
    tables.close_table(table.facilitator, table)
    from casetable.services import scrubbing

    assert not [key for key in scrubbing._KNOWN if key[0] == table.id]
