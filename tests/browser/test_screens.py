"""Screenshots of the three live screens (tests/artifacts/, gitignored), plus the QR on a phone."""

from __future__ import annotations

import io
import re

import pytest
import segno
from playwright.sync_api import expect

from browser.browser_kit import (
    PHONE,
    PROJECTOR,
    goto_phase,
    join,
    open_projector,
    open_table,
    phase,
    post,
    shot,
)

pytestmark = pytest.mark.browser


def test_screens_of_a_running_table(new_context) -> None:
    table = open_table(new_context())
    console = table.console
    phone = join(new_context(viewport=PHONE, mobile=True), table, "clb")
    caw = join(new_context(), table, "caw")
    join(new_context(), table, "ocmw")

    goto_phase(console, 2)
    post(caw, "Weet mama dat ze recht heeft op een verhoogde tegemoetkoming?")
    post(phone, "Is er al contact met de school over het spijbelen van de oudste?")
    goto_phase(console, 4)
    phase(console, "start")
    post(caw, "Eén vaste contactpersoon die mama meeneemt naar het OCMW.", kind="advies")
    post(phone, "Bel mevrouw Sandra Vanhoutte op 0478 12 34 56 voor een huisbezoek.", kind="advies")
    post(caw, "Het inloopteam van het CAW: zonder afspraak binnen.", kind="hulpbron")
    expect(phone.locator("#stream .item")).to_have_count(3)
    expect(phone.locator("#composer-feedback")).to_contain_text(
        "vervingen we: naam, telefoonnummer"
    )
    phone.locator("#stream .kind-advies button.vote").first.click()
    caw.locator("#stream .kind-advies .item").nth(1).get_by_role(
        "button", name=re.compile("Markeer")
    ).click()
    expect(console.locator("#modqueue li")).to_have_count(1)

    # A learning note from an advice, on the notes board of the console and the room.
    console.locator("#stream .kind-advies .item").first.get_by_role(
        "button", name="→ leerpunt"
    ).click()
    expect(console.locator("#notes li")).to_have_count(1)
    expect(phone.locator("#notes li")).to_have_count(1)
    note = console.locator("#notes li").first
    note.get_by_role("button", name="Bewerken").click()
    editor = console.get_by_label("Tekst van het leerpunt")
    expect(editor).to_be_focused()
    editor.fill("Eén vaste contactpersoon werkt beter dan drie loketten.")
    note.get_by_role("button", name="Opslaan").click()
    expect(phone.locator("#notes li .body")).to_have_text(
        "Eén vaste contactpersoon werkt beter dan drie loketten."
    )
    note.get_by_role("button", name="Aanvaarden").click()
    expect(phone.locator("#notes li .status")).to_have_text("aanvaard")

    projector = open_projector(new_context(viewport=PROJECTOR), table)
    expect(projector.locator("#stream .item")).to_have_count(3)

    phone.locator("#composer-text").fill("Misschien kan de school")
    shot(console, "console")
    shot(phone, "participant-phone")
    phone.evaluate("window.scrollTo(0, 0)")
    shot(phone, "participant-phone-top", full_page=False)
    shot(projector, "projector", full_page=False)

    # The silent phase on the projector: how many are writing, not what.
    goto_phase(console, 3)
    post(phone, "Vanuit het CLB: de oudste draagt veel zorg thuis.")
    expect(projector.locator("#held-note")).to_contain_text("1 bijdrage geschreven")
    shot(projector, "projector-silent", full_page=False)


def test_qr_code_opens_the_join_page_on_a_phone(new_context) -> None:
    """The QR encodes /j/<code>; that link opens the join page in a phone-sized context."""
    table = open_table(new_context(), vignette=False)
    console = table.console
    svg = console.request.get(console.locator("img.qr").get_attribute("src")).text()
    link = console.locator("#join-link").get_attribute("href")
    assert re.search(r"/j/[0-9A-Z]{8,}$", link), link
    # The QR is exactly the one segno draws from that link (same options as the server).
    expected = io.BytesIO()
    segno.make(link, error="m").save(
        expected, kind="svg", scale=8, border=2, dark="#1b1f24", xmldecl=False
    )
    assert svg == expected.getvalue().decode()
    # ...and the browser really draws it (a broken image has naturalWidth 0).
    assert console.locator("img.qr").evaluate("i => i.complete && i.naturalWidth") > 100
    phone = new_context(viewport=PHONE, mobile=True).new_page()
    phone.goto(link)
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Gezin met huurachterstal")
    expect(phone.locator("select[name=service]")).to_be_visible()
    shot(phone, "join-phone")
    phone.locator("select[name=service]").select_option("kind-en-gezin")
    phone.locator("input[name=rules]").check()
    phone.get_by_role("button", name="Aan tafel gaan").click()
    expect(phone.locator("#conn")).to_have_class(re.compile("conn-connected"))
    expect(console.locator("#people .person.online")).to_have_count(1)
