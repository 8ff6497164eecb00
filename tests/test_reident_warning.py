"""The facilitator is warned when a rare combination could identify a family without names."""

from __future__ import annotations

from casetable.services import tables
from tests.conftest import login

RARE = (
    "Een Eritrese alleenstaande vader van een vijfling woont in een kleine gemeente; "
    "hij werkt als imam en de oudste is 14 jaar."
)


def test_console_warns_about_a_rare_vignette(app, create_user, create_table):
    facilitator = create_user()
    table = create_table(facilitator)
    tables.post_vignette(facilitator, table, vignette=RARE, question="", consent="informed")
    assert table.reident_level == "hoog"
    client = app.test_client()
    login(client, facilitator)
    page = client.get(f"/t/{table.public_id}").get_data(as_text=True)
    assert "herkenbaar" in page and "vijfling" in page and "een groot gezin" in page


def test_common_vignette_gives_no_warning(app, create_user, create_table):
    facilitator = create_user()
    table = create_table(facilitator)
    tables.post_vignette(facilitator, table, consent="not_identifiable", question="",
                         vignette="Een alleenstaande moeder met twee kinderen heeft schulden.")
    assert table.reident_level in ("geen", "laag")


def test_notes_carry_a_warning_for_staff_only(app, create_user, create_table, seat, staff_seat):
    facilitator = create_user()
    table = create_table(facilitator)
    tables.control_phase(facilitator, table, "goto", 6)
    console, caw = staff_seat(table, facilitator), seat(table, "caw")
    reply = caw.emit("note", action="propose", client_id="note-rare-01", kind="leerpunt", text=RARE)
    assert reply["ok"] and reply["note"]["warning"]
    public = caw.received("note")[-1]["args"][0]
    assert public["warning"] is None
    assert console.received("note")[-1]["args"][0]["warning"]
