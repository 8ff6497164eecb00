"""Security: every route and event for every role, CSRF, headers, cookies, rate limits, XSS."""

from __future__ import annotations

import re

import pytest

from casetable.extensions import socketio
from casetable.models import CaseTable
from casetable.sanitize import clean_html, render_markdown
from casetable.services import tables
from tests.conftest import PASSWORD, Seat, join, login

# Who may use each blueprint. A blueprint that is missing here fails the matrix on purpose:
# every new route needs an explicit decision.
ACCESS = {
    "pages": {
        "anonymous",
        "participant",
        "facilitator",
        "other_facilitator",
        "coordinator",
        "admin",
    },
    "auth": {
        "anonymous",
        "participant",
        "facilitator",
        "other_facilitator",
        "coordinator",
        "admin",
    },
    "join": {
        "anonymous",
        "participant",
        "facilitator",
        "other_facilitator",
        "coordinator",
        "admin",
    },
    "admin": {"admin"},
    "tables": {"facilitator", "admin"},
    "coordinator": {"coordinator", "admin"},
    "summaries": {"facilitator", "coordinator", "admin"},
}
# Routes of a staff blueprint that any logged-in staff member may open (their own list).
STAFF_ANY = {"tables.index", "coordinator.index"}
FACILITATOR_ANY = {"tables.new"}
ROLES = ["anonymous", "participant", "facilitator", "other_facilitator", "coordinator", "admin"]


@pytest.fixture
def world(app, create_user, create_network, create_table):
    net_a, net_b = create_network("Netwerk A"), create_network("Netwerk B")
    facilitator = create_user("facilitator", [net_a])
    other = create_user("facilitator", [net_b])
    coordinator = create_user("coordinator", [net_a])
    admin = create_user("admin", [])
    table = create_table(facilitator)
    tables.post_vignette(
        facilitator,
        table,
        vignette="Een gezin met drie kinderen.",
        question="Wat nu?",
        consent="informed",
    )
    closed = create_table(facilitator)
    tables.close_table(facilitator, closed)
    other_coordinator = create_user("coordinator", [net_b])
    return {
        "table": table,
        "closed": closed,
        "users": {
            "facilitator": facilitator,
            "other_facilitator": other,
            "coordinator": coordinator,
            "admin": admin,
            "other_coordinator": other_coordinator,
        },
    }


def client_for(app, world, role):
    client = app.test_client()
    if role == "participant":
        join(client, world["table"], "caw")
    elif role != "anonymous":
        login(client, world["users"][role])
    return client


def url_for_rule(rule, world) -> str:
    table: CaseTable = world["table"]
    values = {
        "public_id": world["closed"].public_id if "summar" in rule.endpoint else table.public_id,
        "code": table.join_code,
        "user_id": world["users"]["facilitator"].id,
        "item_id": 1,
        "state": "on",
        "token": "x" * 20,
        "fmt": "md",
        "filename": "css/casetable.css",
    }
    path = rule.rule
    for arg in rule.arguments:
        path = re.sub(rf"<(?:[^:<>]+:)?{arg}>", str(values.get(arg, "1")), path)
    return path


def test_route_matrix_covers_every_route(app, world):
    rules = [r for r in app.url_map.iter_rules() if r.endpoint != "static"]
    assert len(rules) > 20
    problems = []
    clients = {role: client_for(app, world, role) for role in ROLES}
    for rule in rules:
        blueprint = rule.endpoint.split(".")[0]
        assert blueprint in ACCESS, f"{rule.endpoint}: add it to the security matrix"
        method = "GET" if "GET" in rule.methods else "POST"
        for role in ROLES:
            if rule.endpoint in ("auth.logout",) or rule.rule.startswith("/setup"):
                continue
            allowed = (
                role in ACCESS[blueprint]
                or (rule.endpoint in STAFF_ANY and role not in ("anonymous", "participant"))
                or (rule.endpoint in FACILITATOR_ANY and "facilitator" in role)
            )
            if allowed and method == "POST":
                continue  # state-changing: the feature tests cover the allowed roles
            response = clients[role].open(url_for_rule(rule, world), method=method)
            if allowed:
                ok = response.status_code < 400 or response.status_code in (400, 404, 405)
            elif role in ("anonymous", "participant") and blueprint != "join":
                ok = response.status_code in (302, 401, 403, 404) and (
                    response.status_code != 302 or "/login" in response.headers["Location"]
                )
            else:
                ok = response.status_code in (403, 404)
            if not ok:
                problems.append((rule.endpoint, role, method, response.status_code))
    assert not problems, problems


def test_coordinator_limited_to_own_network(app, world):
    """A coordinator of network B sees nothing of network A's tables."""
    client = client_for(app, world, "other_coordinator")
    for rule in app.url_map.iter_rules():
        if "public_id" in rule.arguments and "GET" in rule.methods:
            response = client.get(url_for_rule(rule, world))
            location = response.headers.get("Location", "")
            refused = response.status_code in (403, 404) or (
                response.status_code == 302 and world["table"].public_id not in location
            )
            assert refused, (rule.endpoint, response.status_code)


MANAGER_EVENTS = ["moderate", "reveal", "phase", "set_role", "remove", "anonymize", "close"]
ROOM_EVENTS = ["sync", "contribute", "preview", "vote", "flag", "approve", "rights", "note"]


def test_event_matrix(app, world, create_table):
    table = world["table"]
    tables.control_phase(world["users"]["facilitator"], table, "goto", 4)
    elsewhere = create_table(world["users"]["other_facilitator"])
    participant = app.test_client()
    join(participant, table)
    outsider = app.test_client()
    join(outsider, elsewhere)
    other_fac = app.test_client()
    login(other_fac, world["users"]["other_facilitator"])
    coordinator = app.test_client()
    login(coordinator, world["users"]["coordinator"])
    # Anonymous sockets are refused at connect.
    with app.app_context():
        assert not socketio.test_client(app, flask_test_client=app.test_client()).is_connected()
    seat = Seat(app, table, participant)
    for event in MANAGER_EVENTS:
        reply = seat.emit(event, action="next", id=1, participant=1, role="case_bringer")
        assert reply["error"] == "forbidden", (event, reply)
    for who in (outsider, other_fac, coordinator):
        with app.app_context():
            sio = socketio.test_client(app, flask_test_client=who)
        for event in ["join", *MANAGER_EVENTS, *ROOM_EVENTS]:
            with app.app_context():
                reply = sio.emit(
                    event,
                    {
                        "table": table.public_id,
                        "client_id": "x" * 12,
                        "kind": "advies",
                        "text": "hallo",
                        "action": "next",
                    },
                    callback=True,
                )
            assert reply["error"] == "forbidden", (event, reply)


def test_events_before_join_are_refused(app, world):
    client = app.test_client()
    join(client, world["table"])
    with app.app_context():
        sio = socketio.test_client(app, flask_test_client=client)
        reply = sio.emit(
            "contribute",
            {
                "table": world["table"].public_id,
                "client_id": "y" * 12,
                "kind": "vraag",
                "text": "hallo",
            },
            callback=True,
        )
    assert reply["error"] == "forbidden"


def test_security_headers_and_cookies(app, world):
    client = client_for(app, world, "facilitator")
    response = client.get(f"/t/{world['table'].public_id}")
    csp = response.headers["Content-Security-Policy"]
    assert (
        "script-src 'self'" in csp
        and "unsafe-inline" not in csp
        and "frame-ancestors 'none'" in csp
    )
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Strict-Transport-Security" not in response.headers
    html = response.get_data(as_text=True)
    assert "<script>" not in html and " style=" not in html and " onclick=" not in html
    secure = client.get("/", base_url="https://casetable.test")
    assert "max-age=31536000" in secure.headers["Strict-Transport-Security"]
    fresh = app.test_client()
    login_response = fresh.post(
        "/login", data={"email": world["users"]["admin"].email, "password": PASSWORD}
    )
    cookie = login_response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def app_with(app_config, tmp_path, monkeypatch, name, **overrides):
    """A second app next to the default one, with its own instance and database."""
    from casetable import create_app

    monkeypatch.setenv("CASETABLE_INSTANCE_PATH", str(tmp_path / name))
    database = f"sqlite:///{tmp_path / (name + '.db')}"
    return create_app(dict(app_config, SQLALCHEMY_DATABASE_URI=database, **overrides))


@pytest.fixture
def csrf_app(app_config, tmp_path, monkeypatch):
    return app_with(app_config, tmp_path, monkeypatch, "csrf", WTF_CSRF_ENABLED=True)


def test_csrf_required_on_every_form(csrf_app):
    client = csrf_app.test_client()
    for path, data in [
        ("/login", {"email": "a@b.be", "password": "x" * 12}),
        ("/join", {"code": "ABCDEFGHJK"}),
        ("/setup/whatever", {"email": "a@b.be", "password": "x" * 12}),
    ]:
        response = client.post(path, data=data)
        assert response.status_code in (400, 404), path
    page = client.get("/login").get_data(as_text=True)
    assert 'name="csrf_token"' in page


@pytest.fixture
def limited_app(app_config, tmp_path, monkeypatch):
    application = app_with(
        app_config, tmp_path, monkeypatch, "rl",
        RATELIMIT_ENABLED=True,
        RATELIMIT_LOGIN="3 per minute",
        RATELIMIT_JOIN="4 per minute",
        RATELIMIT_JOIN_PER_TABLE="100 per minute",
    )
    with application.app_context():
        yield application


def test_rate_limits_on_login_and_join_codes(limited_app):
    client = limited_app.test_client()
    codes = [
        client.post("/login", data={"email": "x@y.be", "password": "wrong-password"}).status_code
        for _ in range(5)
    ]
    assert codes[:3] == [200, 200, 200] and codes[-1] == 429
    page = client.post("/login", data={"email": "x@y.be", "password": "w"}).get_data(as_text=True)
    assert "Te veel pogingen" in page
    guesses = [client.post("/join", data={"code": f"ABCDE{n:05d}"}).status_code for n in range(6)]
    assert guesses[-1] == 429


def test_join_code_space_is_large_and_codes_expire(app, world):
    assert len(world["table"].join_code) >= 10  # 32**10 ~ 1e15: years at the allowed rate
    assert world["closed"].join_code is None
    client = app.test_client()
    response = client.get(f"/j/{tables.format_code('0' * 10)}", follow_redirects=True)
    assert "ongeldig" in response.get_data(as_text=True)


def test_account_lockout_after_failures(app, world):
    client = app.test_client()
    user = world["users"]["facilitator"]
    for _ in range(app.config["LOGIN_LOCKOUT_AFTER"]):
        client.post("/login", data={"email": user.email, "password": "not-the-password"})
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 200 and "Te veel mislukte pogingen" in response.get_data(
        as_text=True
    )


def test_password_reset_ends_sessions(app, world):
    from casetable.services.accounts import reset_password

    user = world["users"]["facilitator"]
    client = client_for(app, world, "facilitator")
    assert client.get("/tables").status_code == 200
    reset_password(user, "a brand new long password", world["users"]["admin"])
    assert client.get("/tables").status_code == 302


def test_logout_clears_session(app, world):
    client = client_for(app, world, "facilitator")
    assert client.post("/logout").status_code == 302
    assert client.get("/tables").status_code == 302


XSS_VECTORS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "[klik](javascript:alert(1))",
    "<svg/onload=alert(1)>",
    "<iframe src=//evil.example></iframe>",
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '"><script>alert(1)</script>',
    "<style>@import 'http://evil.example/x.css';</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<<script>alert(1)//<</script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
]


SAFE_TAGS = {"p", "a", "code", "pre", "em", "strong", "table", "tr", "td", "th", "tbody", "thead"}


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_sanitizer_neutralises_xss(vector):
    """Whatever comes out has only harmless tags, no handlers, no javascript: or data: links."""
    for html in (render_markdown(vector), clean_html(vector)):
        for tag in re.findall(r"<\s*/?\s*([a-zA-Z][\w-]*)([^>]*)>", str(html)):
            name, attributes = tag[0].lower(), tag[1].lower()
            assert name in SAFE_TAGS, (vector, html)
            assert not re.search(r"\bon\w+\s*=", attributes), (vector, html)
            assert "javascript:" not in attributes and "data:" not in attributes, (vector, html)
            assert "style" not in attributes, (vector, html)


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_user_text_is_rendered_escaped(app, world, vector):
    facilitator = world["users"]["facilitator"]
    table = world["table"]
    tables.post_vignette(facilitator, table, vignette=vector, question=vector, consent="informed")
    html = client_for(app, world, "facilitator").get(f"/t/{table.public_id}").get_data(as_text=True)
    for tag in ("<script>alert", "<img src=x", "<svg/onload", "<iframe", "<style>@import"):
        assert tag not in html


def test_audit_log_records_actions_never_text(app, world, seat, staff_seat):
    facilitator = world["users"]["facilitator"]
    table = world["table"]
    tables.control_phase(facilitator, table, "goto", 2)
    caw, console = seat(table, "caw"), staff_seat(table, facilitator)
    posted = caw.post("Mevrouw Sandra Vanhoutte belt op 0478 21 36 54 over de huur.")
    caw.emit("flag", id=posted["id"])
    console.emit("moderate", id=posted["id"], action="redact")
    client = client_for(app, world, "admin")
    page = client.get("/admin/audit").get_data(as_text=True)
    exported = client.get("/admin/audit.csv").get_data(as_text=True)
    for action in ("open_table", "post_vignette", "join", "flag", "moderate_redact", "login"):
        assert action in exported and action in page
    for text in ("Sandra", "Vanhoutte", "0478", "huur", "drie kinderen", "[persoon"):
        assert text not in exported and text not in page
    assert client_for(app, world, "facilitator").get("/admin/audit.csv").status_code == 403
