"""The newcomer's path: first-run set-up link, accounts from the CLI, the demo."""

from __future__ import annotations

import re
import time

import pytest
import requests

from casetable.extensions import db
from casetable.models import CaseTable, Contribution, Note, Role, User
from tests.server_process import AppServer, csrf_token


def test_cli_creates_networks_users_and_demo(app):
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["create-network", "--name", "Lokaal team Genk", "--province", "Limburg"]
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        args=[
            "create-user",
            "--email",
            "gl@genk.be",
            "--role",
            "facilitator",
            "--network",
            "Lokaal team Genk",
        ]
    )
    assert result.exit_code == 0 and "Wachtwoord:" in result.output
    user = db.session.scalar(db.select(User).where(User.email == "gl@genk.be"))
    assert user.role == Role.FACILITATOR and [n.name for n in user.networks] == ["Lokaal team Genk"]
    bad = runner.invoke(
        args=[
            "create-user",
            "--email",
            "x@y.be",
            "--role",
            "facilitator",
            "--network",
            "Bestaat niet",
        ]
    )
    assert bad.exit_code != 0 and "Onbekend netwerk" in bad.output

    demo = runner.invoke(args=["demo"])
    assert demo.exit_code == 0, demo.output
    table = db.session.scalar(
        db.select(CaseTable).where(CaseTable.title.is_not(None)).order_by(CaseTable.id.desc())
    )
    assert table.status == "closed"
    assert table.vignette and "[persoon 1]" in table.vignette.text  # scrubbed like real input
    assert "0478" not in table.vignette.text
    assert db.session.query(Contribution).filter_by(table_id=table.id).count() >= 8
    assert db.session.query(Note).filter_by(table_id=table.id).count() >= 2


def test_setup_link_is_one_time(app, client):
    runner = app.test_cli_runner()
    output = runner.invoke(args=["setup-link"]).output
    token = re.search(r"/setup/(\S+)", output).group(1)
    response = client.post(
        f"/setup/{token}", data={"email": "admin@example.org", "password": "a very long password"}
    )
    assert response.status_code == 302 and "/admin" in response.headers["Location"]
    assert client.get("/admin/").status_code == 200
    again = app.test_client().post(
        f"/setup/{token}", data={"email": "evil@example.org", "password": "another long password"}
    )
    assert again.status_code == 404
    assert "Er is al een beheerder" in runner.invoke(args=["setup-link"]).output


@pytest.mark.integration
def test_first_start_prints_a_link_that_creates_the_administrator(tmp_path):
    server = AppServer(tmp_path / "instance").start()
    try:
        deadline = time.monotonic() + 10
        while "/setup/" not in server.log.read_text() and time.monotonic() < deadline:
            time.sleep(0.1)
        link = re.search(r"(http://\S+/setup/\S+)", server.log.read_text()).group(1)
        with requests.Session() as http:
            page = http.get(link, timeout=10)
            assert page.status_code == 200 and "beheerder" in page.text
            created = http.post(
                link,
                timeout=10,
                allow_redirects=False,
                data={
                    "csrf_token": csrf_token(page.text),
                    "email": "admin@example.org",
                    "password": "a very long password",
                },
            )
            assert created.status_code == 302
            admin = http.get(server.url + "/admin/", timeout=10)
            assert admin.status_code == 200 and "Netwerken" in admin.text
            assert http.get(link, timeout=10).status_code == 404
    finally:
        server.stop()
