"""axe-core (vendored, never from a CDN) on every main page: no serious or critical violations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from browser.browser_kit import (
    ADMIN,
    PHONE,
    PROJECTOR,
    goto_phase,
    join,
    login,
    open_projector,
    open_table,
    post,
)

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page: Any) -> list[str]:
    """Run axe on the page as it is now; describe serious and critical violations."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    found = []
    for v in result["violations"]:
        if v["impact"] in ("serious", "critical"):
            targets = [", ".join(n["target"]) for n in v["nodes"][:5]]
            found.append(f"{page.url} {v['id']} ({v['impact']}): {v['help']} at {targets}")
    return found


def test_main_pages_have_no_serious_axe_violations(new_context) -> None:
    # axe is injected as a script tag; only these test contexts bypass the app's strict CSP.
    anon = new_context(bypass_csp=True)
    staff = new_context(bypass_csp=True)
    table = open_table(staff)
    console = table.console
    room = join(new_context(viewport=PHONE, mobile=True, bypass_csp=True), table, "caw")
    goto_phase(console, 4)
    post(room, "Bel mevrouw Sandra Vanhoutte op 0478 12 34 56 voor een huisbezoek.", kind="advies")
    expect(console.locator("#stream .item")).to_have_count(1)
    expect(room.locator("#composer-feedback")).to_contain_text("telefoonnummer")

    violations: list[str] = []
    page = anon.new_page()
    for path in ("/", "/join", "/login", table.join_path, "/privacy", "/?lang=en"):
        page.goto(path)
        violations += axe_violations(page)
    violations += axe_violations(room)
    violations += axe_violations(console)
    projector = open_projector(new_context(viewport=PROJECTOR, bypass_csp=True), table)
    expect(projector.locator("#stream .item")).to_have_count(1)
    violations += axe_violations(projector)
    admin = new_context(bypass_csp=True).new_page()
    login(admin, ADMIN)
    admin.goto("/admin")
    violations += axe_violations(admin)
    assert not violations, "\n".join(violations)
