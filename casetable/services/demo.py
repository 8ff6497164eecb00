"""`casetable demo`: a sample network, facilitator and one finished table, all synthetic.

Everything goes through the same services (and so through the scrubber) as real use.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from casetable.extensions import db
from casetable.models import Network, User
from casetable.services import accounts, contributions, notes, participants, tables
from casetable.services.viewer import Viewer

VIGNETTE = (
    "Mevrouw Sandra Peeters (34) woont met haar drie kinderen in een sociale woning aan de "
    "Stationsstraat 12 in Roeselare. Sinds de scheiding leeft het gezin van een leefloon en het "
    "Groeipakket. Er is een huurachterstal van vier maanden. De oudste (14) spijbelt; de jongste "
    "(2) staat op een wachtlijst voor kinderopvang. Mama is bereikbaar op 0478 12 34 56."
)
QUESTION = "Hoe krijgen we mama terug in vertrouwen bij het OCMW zonder dat ze afhaakt?"

SCRIPT: list[tuple[int, str, str, str]] = [
    # (phase index, service, kind, text)
    (2, "caw", "vraag", "Weet mama dat ze recht heeft op een verhoogde tegemoetkoming?"),
    (2, "clb", "vraag", "Is er al contact met de school over het spijbelen?"),
    (
        3,
        "kind-en-gezin",
        "analyse",
        "Vanuit Kind en Gezin zien we een mama die overbevraagd is; kinderopvang is een sleutel.",
    ),
    (3, "ocmw", "analyse", "De huurachterstal kan via budgetbegeleiding en een huurwaarborg."),
    (3, "caw", "hulpbron", "Het CAW heeft een inloopteam waar mama zonder afspraak terecht kan."),
    (4, "caw", "advies", "Eén vaste contactpersoon die mama meeneemt naar het OCMW."),
    (4, "clb", "advies", "Een overleg met school en CLB over de oudste, met mama erbij."),
    (
        4,
        "kind-en-gezin",
        "advies",
        "Voorrang vragen voor kinderopvang via het inkomensgerelateerd tarief.",
    ),
]


def create_demo() -> dict[str, str]:
    """Create (or reuse) the demo network and facilitator and add one finished table."""
    network = db.session.scalar(
        select(Network).where(Network.name == "Demo: Lokaal team Roeselare")
    )
    if network is None:
        network = accounts.create_network("Demo: Lokaal team Roeselare", "West-Vlaanderen")
    email = "demo-gespreksleider@casetable.invalid"
    password = secrets.token_urlsafe(12)
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        user = accounts.create_user(email, password, "facilitator", [network.id])
    else:
        accounts.reset_password(user, password, user)
    coord_email = "demo-coordinator@casetable.invalid"
    coordinator = db.session.scalar(select(User).where(User.email == coord_email))
    if coordinator is None:
        accounts.create_user(coord_email, password, "coordinator", [network.id])
    table = tables.create_table(
        user,
        title="Demo: gezin met huurachterstal",
        network_id=network.id,
        method_slug="anonieme-casustafel",
        scheduled_for=datetime.now(UTC) - timedelta(days=1),
    )
    tables.open_table(user, table)
    tables.post_vignette(user, table, vignette=VIGNETTE, question=QUESTION, consent="informed")
    seats: dict[str, Viewer] = {}
    for service in ("caw", "clb", "kind-en-gezin", "ocmw"):
        participant, _token = participants.join_table(table, service, True)
        seats[service] = Viewer(participant=participant)
    staff = Viewer(user=user)
    tables.set_role(user, table, "case_bringer", seats["ocmw"].participant.id)  # type: ignore[union-attr]
    advice_ids = []
    for phase_index, service, kind, text in SCRIPT:
        while table.phase_index < phase_index:
            if table.phases[table.phase_index].get("silent"):
                contributions.reveal(table, staff)
            tables.control_phase(user, table, "next")
        item, _ = contributions.add_contribution(
            table, seats[service], client_id=secrets.token_hex(8), kind=kind, text=text
        )
        if kind == "advies":
            advice_ids.append(item.id)
    for service, viewer in seats.items():
        if service != "ocmw":
            contributions.toggle_vote(table, viewer, advice_ids[0])
    contributions.approve(table, seats["ocmw"], advice_ids[0], True)
    tables.set_rights(user, table, ["verhoogde-tegemoetkoming", "huurpremie", "ikt-kinderopvang"])
    while table.phase_index < len(table.phases) - 1:
        tables.control_phase(user, table, "next")
    notes.propose(
        table,
        staff,
        {
            "client_id": secrets.token_hex(8),
            "kind": "leerpunt",
            "text": "Een vaste contactpersoon over de diensten heen voorkomt afhaken.",
            "themes": ["minimaal-inkomen"],
            "target_groups": ["alleenstaande-ouders"],
        },
    )
    notes.propose(
        table,
        staff,
        {
            "client_id": secrets.token_hex(8),
            "kind": "signaal",
            "text": "Wachtlijsten in de kinderopvang houden alleenstaande ouders weg van werk.",
            "themes": ["kinderopvang"],
            "rights": ["ikt-kinderopvang"],
            "level": "vlaams",
            "urgency": "hoog",
        },
    )
    tables.close_table(user, table)
    return {
        "netwerk": network.name,
        "gespreksleider": email,
        "coördinator": coord_email,
        "wachtwoord (beide)": password,
        "tafel": f"/t/{table.public_id}",
    }
