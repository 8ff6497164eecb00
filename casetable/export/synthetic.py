"""Deterministic synthetic summaries and overviews for tests, benchmarks and demos (fake data)."""

from __future__ import annotations

import datetime as dt
import random

from casetable.export.model import (
    LEVELS,
    NOTE_KINDS,
    URGENCIES,
    Advice,
    Contribution,
    Counts,
    Note,
    Overview,
    Phase,
    Recurring,
    Referral,
    Signal,
    Summary,
    Tags,
)

SERVICES = ("OCMW / Sociaal Huis", "Opgroeien Kind en Gezin", "CAW", "CLB", "school",
            "kinderopvang", "Dienst Maatschappelijk Werk (mutualiteit)", "GGZ", "huisvesting",
            "ervaringsdeskundige")
THEMES = ("huisvesting", "voeding", "gezondheidszorg", "minimaal inkomen en sociale ondersteuning",
          "onderwijs en opleiding", "taalontwikkeling", "kinderopvang", "Groeipakket", "kindreflex")
DOELGROEPEN = ("alleenstaande ouders", "gezinnen met kinderen van 0-3 jaar", "kwetsbare ouders",
               "mensen zonder papieren en nieuwkomers", "tienermoeders")
RIGHTS = ("Groeipakket toeslagen", "verhoogde tegemoetkoming", "maximumfactuur",
          "leefloon en aanvullende steun", "huurpremie / huurwaarborg", "sociaal tarief energie",
          "UiTPAS kansentarief", "schuldhulpverlening")
# The five kinds every phase of the fake table uses (fixed, so the fake data never shifts).
KINDS = ("vraag", "analyse", "advies", "hulpbron", "signaal")
PHASES = (("Start en huisregels", 5), ("Casusvoorstelling en hulpvraag", 10),
          ("Verhelderende vragen", 15), ("Analyse vanuit elke dienst", 20),
          ("Adviezen en mogelijkheden", 20), ("Reflectie van de casusinbrenger", 10),
          ("Leerpunten en signalen", 15))
SENTENCES = (
    "[persoon 1] woont met drie kinderen in een te kleine huurwoning in [plaats].",
    "Heeft het gezin al een aanvraag voor de verhoogde tegemoetkoming ingediend?",
    "De school merkt dat de oudste (9 jaar) vaak zonder ontbijt komt; één leerkracht is bezorgd.",
    "Vanuit het CAW zien we dat de schulden oplopen tot ongeveer € 4.000.",
    "Kind en Gezin kan een consultatie aan huis voorstellen, met tolk (Türkçe: ş, ı).",
    "Het OCMW kan de huurwaarborg voorschieten; [persoon 2] weet dat niet.",
    "De mama van [persoon 3] is angstig na de naïeve beloftes van de vorige verhuurder.",
    "Combineer het Groeipakket-dossier met een check op de maximumfactuur in de kinderopvang.",
)


def _text(rng: random.Random, n: int = 2) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(n))


def _tags(rng: random.Random) -> Tags:
    return Tags(tuple(rng.sample(THEMES, 2)), tuple(rng.sample(DOELGROEPEN, 1)),
                tuple(rng.sample(RIGHTS, rng.randint(0, 2))))


def make_note(rng: random.Random, i: int) -> Note:
    """One note; every fourth is a signal to policy with level and urgency."""
    kind = NOTE_KINDS[i % len(NOTE_KINDS)]
    signal = kind == "signaal_beleid"
    return Note(kind, f"Notitie {i + 1}: {_text(rng)}", _tags(rng),
                LEVELS[i % len(LEVELS)] if signal else None,
                URGENCIES[i % len(URGENCIES)] if signal else None)


def make_summary(contributions: int = 300, notes: int = 20, advice: int = 12,
                 seed: int = 7) -> Summary:
    """A closed table with the given number of contributions spread over seven phases."""
    rng = random.Random(seed)  # noqa: S311 (reproducible fake data, not security)
    per_phase: list[list[Contribution]] = [[] for _ in PHASES]
    by_kind = dict.fromkeys(KINDS, 0)
    for i in range(contributions):
        kind = KINDS[i % len(KINDS)]
        by_kind[kind] += 1
        author = None if i % 11 == 0 else f"{rng.choice(SERVICES)} {rng.randint(1, 3)}"
        referral = rng.choice(SERVICES) if kind in ("advies", "hulpbron") and i % 3 == 0 else None
        per_phase[i % len(PHASES)].append(
            Contribution(kind, f"Bijdrage {i + 1}: {_text(rng, 1)}", author,
                         rng.randint(0, 6) if kind == "advies" else 0, referral))
    phases = tuple(Phase(name, minutes, minutes * 60 + rng.randint(-120, 300), tuple(items))
                   for (name, minutes), items in zip(PHASES, per_phase, strict=True))
    advice_items = tuple(Advice(f"Advies {i + 1}: {_text(rng, 1)}", advice - i,
                                rng.choice(SERVICES) if i % 2 else None, i % 3 == 0)
                         for i in range(advice))
    services = {s: rng.randint(1, 3) for s in rng.sample(SERVICES, 6)}
    return Summary(
        title="Gezin met jonge kinderen en woonproblemen", date=dt.date(2026, 11, 19),
        network="Netwerk Kinderarmoede Regio Zuid", province="Oost-Vlaanderen",
        method="Anonieme casustafel", services=services,
        counts=Counts(sum(services.values()), contributions, by_kind),
        vignette=f"{_text(rng, 3)}\n\n{_text(rng, 2)}",
        question="Hoe kunnen we [persoon 1] helpen om een betaalbare woning te vinden?",
        phases=phases, advice=advice_items, rights=tuple(rng.sample(RIGHTS, 4)),
        notes=tuple(make_note(rng, i) for i in range(notes)),
        generated_at=dt.datetime(2026, 11, 19, 15, 30, tzinfo=dt.UTC),
    )


def _counts(rng: random.Random, labels: tuple[str, ...]) -> dict[str, int | str]:
    return {label: (n if n >= 5 else "<5") for label in labels if (n := rng.randint(0, 40))}


def make_overview(tables: int = 500, signals_per_table: int = 1, seed: int = 11) -> Overview:
    """A coordinator's overview over the given number of tables."""
    rng = random.Random(seed)  # noqa: S311 (reproducible fake data, not security)
    start = dt.date(2026, 1, 1)
    signals = []
    for i in range(tables):
        day = start + dt.timedelta(days=i % 330)
        for j in range(signals_per_table):
            note = make_note(rng, 4 * j + 1 + i)
            signals.append(Signal(note.text, note.kind, f"Casustafel {i + 1}", day, note.tags,
                                  note.level, note.urgency))
    referrals = tuple(Referral(p, s, c) for p in ("Antwerpen", "Oost-Vlaanderen", "Limburg")
                      for s, c in _counts(rng, SERVICES).items())
    recurring = (Recurring("huisvesting", "theme", ("2026-Q1", "2026-Q2", "2026-Q3")),
                 Recurring("huurpremie / huurwaarborg", "right", ("2026-Q2", "2026-Q3")),
                 Recurring("alleenstaande ouders", "doelgroep", ("2026-Q1", "2026-Q3")))
    return Overview(
        networks=("Netwerk Kinderarmoede Regio Zuid", "Huis van het Kind Noord"),
        period_start=start, period_end=dt.date(2026, 12, 31), tables=tables,
        services=_counts(rng, SERVICES), themes=_counts(rng, THEMES),
        doelgroepen=_counts(rng, DOELGROEPEN), rights=_counts(rng, RIGHTS),
        referrals=referrals, signals=tuple(signals), recurring=recurring,
        generated_at=dt.datetime(2026, 12, 31, 9, 0, tzinfo=dt.UTC),
    )
