"""A whole case table through Flask-SocketIO's test client, as the room experiences it."""

from __future__ import annotations

from casetable.extensions import db
from casetable.models import CaseTable, Contribution
from casetable.services import tables


def names(messages: list[dict]) -> list[str]:
    return [m["name"] for m in messages]


def test_whole_table(app, create_user, create_table, seat, staff_seat):
    facilitator = create_user("facilitator")
    table = create_table(facilitator)
    other_table = create_table(create_user("facilitator"))
    console = staff_seat(table, facilitator)
    caw, clb, ocmw = seat(table, "caw"), seat(table, "clb"), seat(table, "ocmw")
    outsider = seat(other_table, "caw")
    assert caw.joined["you"]["alias"] == "CAW 1"
    assert clb.joined["you"]["alias"] == "CLB 1"

    # Phase 1 (start) has no open kinds: posting is refused with a clear reason.
    refused = caw.post("Mag ik al iets vragen?")
    assert refused == {"ok": False, "error": "kind_closed", "message": refused["message"]}
    assert "niet open" in refused["message"]

    # Facilitator moves to "verhelderende vragen" (phase 3); every screen gets the new state.
    for _ in range(2):
        assert console.emit("phase", action="next")["ok"]
    for s in (caw, clb, ocmw):
        states = s.received("state")
        assert states and states[-1]["args"][0]["phase_index"] == 2
    assert console.emit("phase", action="start")["ok"]
    timer = caw.received("state")[-1]["args"][0]["timer"]
    assert timer["running"] and timer["ends_at"]

    ack = caw.post("Weet mama van de verhoogde tegemoetkoming?")
    assert ack["ok"] and ack["status"] == "stored" and ack["seq"] == 1
    for s in (clb, ocmw, console):
        got = s.received("contribution")
        assert [m["args"][0]["text"] for m in got] == ["Weet mama van de verhoogde tegemoetkoming?"]
        assert got[0]["args"][0]["author"] == "CAW 1"
    assert outsider.received("contribution") == []

    # Advice phase with votes (phase 4 is silent analysis; skip past it).
    console.emit("phase", action="next")
    console.emit("phase", action="next")
    assert table_state(table)["phase_index"] == 4
    advice = clb.post("Eén vaste contactpersoon voor mama.", kind="advies", referral="ocmw")
    assert advice["ok"]
    advice_id = advice["id"]
    for s in (caw, ocmw):
        assert s.emit("vote", id=advice_id) == {"ok": True, "votes": (s is caw and 1) or 2}
    updates = console.received("contribution_update")
    assert updates[-1]["args"][0]["votes"] == 2
    # Voting twice takes the vote back.
    assert caw.emit("vote", id=advice_id)["votes"] == 1
    # Votes only on advice.
    question_id = ack["id"]
    assert caw.emit("vote", id=question_id)["error"] == "voting_closed"

    # Close: further contributions are refused and every screen is told.
    assert console.emit("close")["ok"]
    assert caw.received("state")[-1]["args"][0]["status"] == "closed"
    late = ocmw.post("Nog een advies", kind="advies")
    assert late["error"] == "closed"
    assert db.session.query(Contribution).filter_by(table_id=table.id).count() == 2


def table_state(table: CaseTable) -> dict:
    db.session.expire_all()
    fresh = db.session.get(CaseTable, table.id)
    return {"phase_index": fresh.phase_index, "status": fresh.status}


def test_event_for_another_table_is_refused(app, create_user, create_table, seat):
    mine, theirs = create_table(), create_table()
    me = seat(mine, "caw")
    seat(theirs, "clb")
    tables.control_phase(mine.facilitator, mine, "goto", 2)
    tables.control_phase(theirs.facilitator, theirs, "goto", 2)
    reply = me.emit(
        "contribute",
        table=theirs.public_id,
        client_id="abcdefgh1234",
        kind="vraag",
        text="Ik zit hier niet aan tafel",
    )
    assert reply["ok"] is False and reply["error"] == "forbidden"
    assert me.emit("join", table=theirs.public_id)["error"] == "forbidden"
    assert db.session.query(Contribution).count() == 0


def test_replayed_client_id_is_stored_once(app, create_table, seat):
    table = create_table()
    tables.control_phase(table.facilitator, table, "goto", 2)
    me, other = seat(table, "caw"), seat(table, "clb")
    first = me.post("Is er een budgetbeheerder?", client_id="client-0001")
    again = me.post("Is er een budgetbeheerder?", client_id="client-0001")
    assert first["ok"] and again["ok"] and again["duplicate"] is True
    assert again["id"] == first["id"] and again["seq"] == first["seq"]
    assert len(other.received("contribution")) == 1
    assert db.session.query(Contribution).filter_by(table_id=table.id).count() == 1


def test_resend_after_the_phase_moved_on_gets_the_stored_contribution(app, create_table, seat):
    """The ack was lost and the facilitator moved on before the outbox resent: the author gets
    the stored contribution back, not a 'closed' error that would make it look lost."""
    table = create_table()
    tables.control_phase(table.facilitator, table, "goto", 2)
    me = seat(table, "caw")
    first = me.post("Is er een budgetbeheerder?", client_id="client-0002")
    tables.control_phase(table.facilitator, table, "goto", 0)
    again = me.post("Is er een budgetbeheerder?", client_id="client-0002")
    assert again["ok"] and again["duplicate"] is True and again["id"] == first["id"]
    fresh = me.post("Nog een vraag", client_id="client-0003")
    assert fresh["ok"] is False and fresh["error"] == "kind_closed"
    assert db.session.query(Contribution).filter_by(table_id=table.id).count() == 1


def test_silent_phase_reveals_together(app, create_user, create_table, seat, staff_seat):
    facilitator = create_user()
    table = create_table(facilitator)
    tables.control_phase(facilitator, table, "goto", 3)  # analyse: silent
    console = staff_seat(table, facilitator)
    a, b = seat(table, "caw"), seat(table, "clb")
    ack = a.post("Ik zie een overbevraagde mama.", kind="analyse")
    assert ack["ok"] and ack["status"] == "held" and ack["seq"] is None
    assert b.received("contribution") == []
    held = console.received("held")
    assert held[-1]["args"][0] == {"count": 1}  # how many, not who
    b.post("Er is nood aan kinderopvang.", kind="analyse")
    reveal = console.emit("reveal")
    assert reveal == {"ok": True, "count": 2}
    batch = a.received("contributions")[-1]["args"][0]
    assert [c["seq"] for c in batch] == [1, 2]
    # The room's state after a reveal carries only what the reveal changed; screens merge it.
    # It comes in the same message as the list (one message per screen), not as a `state`.
    seen_by_b = b.received()
    assert [m["name"] for m in seen_by_b].count("state") == 0
    state = [m for m in seen_by_b if m["name"] == "contributions"][-1]["args"][1]
    assert state["held"] == 0 and 3 in state["revealed_phases"] and state["last_seq"] == 2
    assert "phases" not in state and "vignette" not in state and "title" not in state
    # After the reveal the phase is no longer silent.
    assert a.post("Nog een analyse na het tonen.", kind="analyse")["status"] == "stored"


def test_a_held_contribution_hidden_before_the_reveal_stays_hidden(
    app, create_user, create_table, seat, staff_seat
):
    facilitator = create_user()
    table = create_table(facilitator)
    tables.control_phase(facilitator, table, "goto", 3)  # analyse: silent
    console = staff_seat(table, facilitator)
    a, b = seat(table, "caw"), seat(table, "clb")
    held = a.post("Dit hoort hier niet thuis.", kind="analyse")
    b.post("Er is nood aan kinderopvang.", kind="analyse")
    assert console.emit("moderate", id=held["id"], action="hide")["ok"]
    assert console.emit("reveal") == {"ok": True, "count": 2}
    seen_by_b = {c["id"]: c for c in b.received("contributions")[-1]["args"][0]}
    seen_by_staff = {c["id"]: c for c in console.received("contributions")[-1]["args"][0]}
    assert seen_by_b[held["id"]]["text"] is None and seen_by_b[held["id"]]["hidden"]
    assert seen_by_staff[held["id"]]["text"] == "Dit hoort hier niet thuis."


def test_resync_after_reconnect_returns_missed(app, create_table, seat):
    table = create_table()
    tables.control_phase(table.facilitator, table, "goto", 2)
    a, b = seat(table, "caw"), seat(table, "clb")
    a.post("Eerste vraag?")
    seen = b.received("contribution")[-1]["args"][0]["seq"]
    b.disconnect()
    a.post("Tweede vraag?")
    a.post("Derde vraag?")
    b.connect()
    reply = b.emit("join", after_seq=seen, after_rev=0)
    assert [c["text"] for c in reply["contributions"]] == ["Tweede vraag?", "Derde vraag?"]


def test_removed_participant_leaves_the_room(app, create_user, create_table, seat, staff_seat):
    facilitator = create_user()
    table = create_table(facilitator)
    tables.control_phase(facilitator, table, "goto", 2)
    console, kept, removed = staff_seat(table, facilitator), seat(table, "caw"), seat(table, "clb")
    pid = removed.joined["you"]["participant"]
    assert console.emit("remove", participant=pid)["ok"]
    assert removed.received("removed")
    kept.post("Een vraag na het verwijderen?")
    assert removed.received("contribution") == []
    assert removed.post("Mag ik nog?")["error"] == "forbidden"
