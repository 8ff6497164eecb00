"""A facilitator and three participants run a table, each in their own browser context."""

from __future__ import annotations

import re
import time

import pytest
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
)

pytestmark = pytest.mark.browser

LIVE = 1_000  # ms: a contribution must reach the other screens within a second


def test_table_runs_live_across_four_browsers(new_context) -> None:
    table = open_table(new_context())
    console = table.console
    projector = open_projector(new_context(viewport=PROJECTOR), table)
    expect(projector.locator("#conn")).to_have_class(re.compile("conn-connected"))

    caw = join(new_context(), table, "caw")
    clb = join(new_context(viewport=PHONE, mobile=True), table, "clb")
    ocmw = join(new_context(), table, "ocmw")
    everyone = [console, projector, caw, clb, ocmw]
    participants = [caw, clb, ocmw]

    # Presence: the console lists the three services as online.
    expect(console.locator("#people .person.online")).to_have_count(3)
    expect(console.locator("#people")).to_contain_text("CAW")
    expect(console.locator("#people")).to_contain_text("CLB")

    # Phase 3 (verhelderende vragen) opens questions; the timer starts everywhere.
    goto_phase(console, 2)
    phase(console, "start")
    for page in everyone:
        expect(page.locator("#phase-name")).to_have_text("Verhelderende vragen")
        expect(page.locator("#timer-value")).to_have_text(re.compile(r"^1[45]:\d\d$"))
    for page in participants:
        expect(page.locator("#stepper li[aria-current=step]")).to_have_text("Verhelderende vragen")

    # A question appears on every other screen within a second.
    post(caw, "Weet mama dat ze recht heeft op een verhoogde tegemoetkoming?")
    for page in everyone:
        expect(page.locator("#stream .item")).to_have_count(1, timeout=LIVE)
        expect(page.locator("#stream .item .body").first).to_contain_text("verhoogde")
    expect(clb.locator("#stream .item .author")).to_have_text(re.compile("CAW"))
    expect(caw.locator("#composer-feedback")).to_have_text("Geplaatst.")

    started = time.monotonic()
    post(clb, "Is er al contact met de school over het spijbelen?")
    expect(ocmw.locator("#stream .item")).to_have_count(2, timeout=LIVE)
    assert time.monotonic() - started < 1.5

    # Analysis (4) is written in silence: nothing shows until the facilitator reveals it.
    goto_phase(console, 3)
    post(caw, "Vanuit het CAW: mama is overbevraagd, budgetbegeleiding kan helpen.")
    post(clb, "Vanuit het CLB: het spijbelen hangt samen met de zorg voor de jongste.")
    expect(ocmw.locator("#held-note")).to_have_text(re.compile("^2 bijdragen geschreven"))
    expect(console.locator("#held-count")).to_have_text(re.compile("^2 bijdragen"))
    expect(ocmw.locator("#stream .item")).to_have_count(0)
    expect(projector.locator("#stream .item")).to_have_count(0)
    expect(caw.locator("#stream .item.is-held")).to_have_count(1)  # the author sees their own
    console.locator("#btn-reveal").click()
    for page in everyone:
        expect(page.locator("#stream .kind-analyse .item")).to_have_count(2, timeout=LIVE)
    expect(ocmw.locator("#held-note")).to_be_hidden()

    # Advice phase (5): votes update everywhere; the projector shows the count.
    goto_phase(console, 4)
    for page in everyone:
        expect(page.locator("#phase-name")).to_have_text("Adviezen en mogelijkheden")
    post(ocmw, "Eén vaste contactpersoon die mama meeneemt naar het OCMW.", kind="advies")
    for page in everyone:
        expect(page.locator("#stream .kind-advies .item")).to_have_count(1, timeout=LIVE)
    for voter in (caw, clb):
        vote = voter.locator("#stream .kind-advies button.vote")
        vote.click()
        # The voter's own button turns pressed when the server has counted the vote; from then
        # on every screen must show the new count within LIVE.
        expect(vote).to_have_attribute("aria-pressed", "true")
    for page in [console, caw, clb, ocmw]:
        expect(page.locator("#stream .kind-advies .vote-count")).to_have_text(
            "2 stemmen", timeout=LIVE
        )
    expect(caw.locator("#stream .kind-advies button.vote")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(ocmw.locator("#stream .kind-advies button.vote")).to_have_attribute(
        "aria-pressed", "false"
    )
    expect(projector.locator("#stream .kind-advies .votes")).to_have_text("2 stemmen")
    # The projector never shows moderation or voting controls.
    expect(projector.locator("#stream button")).to_have_count(0)

    # Pausing shows everywhere.
    phase(console, "start")
    phase(console, "pause")
    for page in participants:
        expect(page.locator("#timer-state")).to_have_text("gepauzeerd")

    # Closing ends it on every screen: the composer goes, a banner says so.
    console.locator("#btn-close").click()
    console.get_by_role("dialog").get_by_role("button", name="Tafel definitief sluiten").click()
    for page in participants:
        expect(page.locator("#closed-banner")).to_be_visible()
        expect(page.locator("#composer")).to_be_hidden()
        expect(page.locator("#stream .kind-advies button.vote")).to_be_disabled()
    expect(console.locator("#status-badge")).to_have_text("Gesloten")
