"""Weak Wi-Fi (the outbox) and the scrubber's placeholders, seen from every screen."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser.browser_kit import (
    PHONE,
    PROJECTOR,
    goto_phase,
    join,
    open_projector,
    open_table,
    post,
    shot,
)

pytestmark = pytest.mark.browser


def test_offline_posts_arrive_once_in_order_when_back(new_context) -> None:
    table = open_table(new_context())
    console = table.console
    phone_ctx = new_context(viewport=PHONE, mobile=True)
    phone = join(phone_ctx, table, "clb")
    other = join(new_context(), table, "caw")
    goto_phase(console, 2)
    expect(phone.locator("#phase-name")).to_have_text("Verhelderende vragen")

    phone_ctx.set_offline(True)
    expect(phone.locator("#conn")).to_have_class(re.compile("conn-(offline|reconnecting)"))
    post(phone, "Eerste vraag: is er een budgetbeheer lopende?")
    post(phone, "Tweede vraag: hoe oud is de jongste precies?")
    # The composer kept working: both wait in the outbox, the indicator counts them.
    expect(phone.locator("#outbox li")).to_have_count(2)
    expect(phone.locator("#conn")).to_contain_text("2 bijdragen wachten op verzending")
    expect(phone.locator("#composer-text")).to_have_value("")
    shot(phone, "participant-phone-offline", full_page=False)
    expect(other.locator("#stream .item")).to_have_count(0)

    phone_ctx.set_offline(False)
    expect(phone.locator("#conn")).to_have_class(re.compile("conn-connected"), timeout=15_000)
    expect(phone.locator("#outbox li")).to_have_count(0)
    for page in (phone, other, console):
        bodies = page.locator("#stream .item .body")
        expect(bodies).to_have_count(2)
        expect(bodies.nth(0)).to_contain_text("Eerste vraag")
        expect(bodies.nth(1)).to_contain_text("Tweede vraag")
    # Once: a reload (fresh sync from the server) still shows exactly two.
    other.reload()
    expect(other.locator("#stream .item")).to_have_count(2)
    expect(other.locator("#stream .item .body").nth(0)).to_contain_text("Eerste vraag")


def test_placeholders_everywhere_and_raw_values_nowhere(new_context) -> None:
    table = open_table(new_context())
    console = table.console
    author = join(new_context(viewport=PHONE, mobile=True), table, "ocmw")
    reader = join(new_context(), table, "caw")
    projector = open_projector(new_context(viewport=PROJECTOR), table)
    goto_phase(console, 2)

    raw_name, raw_phone = "Sandra Vanhoutte", "0478 12 34 56"
    # Before posting, the author can check what will be replaced.
    author.locator("#composer-text").fill(f"Is mevrouw {raw_name} bereikbaar op {raw_phone}?")
    author.locator("#btn-preview").click()
    expect(author.locator("#preview-text .chip")).to_have_count(2)
    expect(author.locator("#composer-feedback")).to_contain_text("naam")
    author.locator("#btn-send").click()

    # After posting the author is told what was replaced, in which categories.
    feedback = author.locator("#composer-feedback")
    expect(feedback).to_contain_text("naam")
    expect(feedback).to_contain_text("telefoonnummer")
    for page in (author, reader, console, projector):
        body = page.locator("#stream .item .body").first
        expect(body).to_contain_text("[persoon 1]")
        expect(body.locator(".chip")).to_have_count(2)
        expect(body.locator(".chip").nth(1)).to_have_text("[telefoon]")
        html = page.content()
        for raw in (raw_name, "Vanhoutte", raw_phone, "0478"):
            assert raw not in html, (page.url, raw)
    # The composer's own draft was cleared, so the raw text is gone from the author's DOM too.
    expect(author.locator("#composer-text")).to_have_value("")
