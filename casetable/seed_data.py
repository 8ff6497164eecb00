"""Catalogues and method templates as data, seeded from the source documents (DESIGN.md s. 6).

Administrators can edit the catalogues and add templates; these are only the first contents.
"""

from __future__ import annotations

from typing import Any

# (slug, Dutch label, English label)
SERVICES: list[tuple[str, str, str]] = [
    ("ocmw", "OCMW / Sociaal Huis", "Public social welfare centre (OCMW)"),
    ("kind-en-gezin", "Opgroeien Kind en Gezin", "Opgroeien Kind en Gezin"),
    ("huis-van-het-kind", "Huis van het Kind", "Huis van het Kind (family centre)"),
    ("caw", "CAW", "CAW (general welfare centre)"),
    ("dmw", "Dienst Maatschappelijk Werk (mutualiteit)", "Social work service (health insurer)"),
    ("clb", "CLB", "CLB (pupil guidance centre)"),
    ("school", "School", "School"),
    ("kinderopvang", "Kinderopvang", "Childcare"),
    ("jeugdhulp", "Jeugdhulp", "Youth care"),
    ("ckg", "CKG", "CKG (child and family centre)"),
    ("ggz", "GGZ", "Mental health care"),
    ("huisvesting", "Huisvesting", "Housing"),
    ("vdab", "VDAB / tewerkstelling", "VDAB / employment"),
    ("ervaringsdeskundige", "Ervaringsdeskundige", "Expert by experience"),
    ("andere", "Andere", "Other"),
]

# Short aliases shown in the room ("CAW 2"): never a person's name.
SERVICE_ALIASES: dict[str, str] = {
    "ocmw": "OCMW",
    "kind-en-gezin": "Kind en Gezin",
    "huis-van-het-kind": "Huis van het Kind",
    "caw": "CAW",
    "dmw": "DMW",
    "clb": "CLB",
    "school": "School",
    "kinderopvang": "Kinderopvang",
    "jeugdhulp": "Jeugdhulp",
    "ckg": "CKG",
    "ggz": "GGZ",
    "huisvesting": "Huisvesting",
    "vdab": "VDAB",
    "ervaringsdeskundige": "Ervaringsdeskundige",
    "andere": "Deelnemer",
}

THEMES: list[tuple[str, str, str]] = [
    ("kennismaking", "Kennismaking en visie", "Getting acquainted and vision"),
    ("voeding", "Voeding", "Food"),
    ("materiele-ondersteuning", "Materiële ondersteuning", "Material support"),
    ("gezondheidszorg", "Gezondheidszorg", "Health care"),
    ("huisvesting", "Huisvesting", "Housing"),
    ("minimaal-inkomen", "Minimaal inkomen en sociale ondersteuning", "Minimum income and support"),
    ("onderwijs", "Onderwijs en opleiding", "Education and training"),
    ("tewerkstelling", "Tewerkstelling", "Employment"),
    ("taalontwikkeling", "Taalontwikkeling", "Language development"),
    ("kinderopvang", "Kinderopvang", "Childcare"),
    ("groeipakket", "Groeipakket", "Groeipakket (child benefit)"),
    ("kansrijk-opgroeien", "Kansrijk opgroeien (vrije tijd, cultuur)", "Growing up (leisure)"),
    ("veilig-opgroeien", "Veilig, geliefd en omringd opgroeien", "Growing up safe and loved"),
    ("kindreflex", "Kindreflex", "Child reflex"),
]

TARGET_GROUPS: list[tuple[str, str, str]] = [
    ("zonder-papieren", "Mensen zonder papieren en nieuwkomers", "Undocumented people, newcomers"),
    ("beperking", "Kind of ouder met een beperking", "Child or parent with a disability"),
    ("zwangere-vrouwen", "Zwangere vrouwen", "Pregnant women"),
    ("gezinnen-0-3", "Gezinnen met kinderen van 0-3 jaar", "Families with children aged 0-3"),
    ("alleenstaande-ouders", "Alleenstaande ouders", "Single parents"),
    ("10-14", "10-14-jarigen", "Children aged 10-14"),
    ("jongvolwassenen", "Jongvolwassenen 16-25", "Young adults 16-25"),
    ("tienermoeders", "Tienermoeders", "Teenage mothers"),
    ("kwetsbare-ouders", "Kwetsbare ouders", "Vulnerable parents"),
]

RIGHTS: list[tuple[str, str, str]] = [
    (
        "groeipakket-toeslagen",
        "Groeipakket: sociale en selectieve toeslagen",
        "Child benefit top-ups",
    ),
    ("verhoogde-tegemoetkoming", "Verhoogde tegemoetkoming", "Increased health reimbursement"),
    ("maximumfactuur", "Maximumfactuur", "Maximum health bill"),
    ("leefloon", "Leefloon en aanvullende steun", "Social integration income"),
    ("huurpremie", "Huurpremie / huurwaarborg", "Rent allowance / deposit"),
    ("sociaal-tarief-energie", "Sociaal tarief energie", "Social energy tariff"),
    ("ikt-kinderopvang", "Inkomensgerelateerd tarief kinderopvang", "Income-related childcare fee"),
    ("uitpas", "UiTPAS kansentarief", "UiTPAS reduced rate"),
    ("schuldhulp", "Schuldhulpverlening", "Debt counselling"),
    ("juridische-bijstand", "Juridische tweedelijnsbijstand", "Legal aid"),
    ("dmh", "Dringende medische hulp", "Urgent medical aid"),
    ("schooltoeslag", "Schooltoeslag (Groeipakket)", "School allowance"),
    ("studietoelage", "Studietoelage hoger onderwijs", "Study grant"),
]

CATALOGUES: dict[str, list[tuple[str, str, str]]] = {
    "service": SERVICES,
    "theme": THEMES,
    "target_group": TARGET_GROUPS,
    "right": RIGHTS,
}

PROVINCES: list[str] = [
    "Antwerpen",
    "Limburg",
    "Oost-Vlaanderen",
    "Vlaams-Brabant",
    "West-Vlaanderen",
    "Brussel",
]

# Contribution kinds; the phase decides which are open.
KINDS: dict[str, tuple[str, str]] = {
    "vraag": ("Vraag", "Question"),
    "antwoord": ("Antwoord casusinbrenger", "Answer (case bringer)"),
    "analyse": ("Analyse", "Analysis"),
    "advies": ("Advies", "Advice"),
    "hulpbron": ("Hulpbron", "Resource"),
    "signaal": ("Signaal", "Signal"),
    "reflectie": ("Reflectie casusinbrenger", "Reflection (case bringer)"),
}
BRINGER_KINDS = frozenset({"antwoord", "reflectie"})

NOTE_KINDS: dict[str, tuple[str, str]] = {
    "leerpunt": ("Leerpunt", "Learning point"),
    "signaal": ("Signaal naar beleid", "Signal to policy"),
    "goede_praktijk": ("Goede praktijk", "Good practice"),
    "afspraak": ("Afspraak", "Agreement"),
}
SIGNAL_LEVELS: dict[str, tuple[str, str]] = {
    "eigen_organisatie": ("Eigen organisatie", "Own organisation"),
    "lokaal": ("Lokaal bestuur", "Local government"),
    "vlaams": ("Vlaams", "Flemish"),
    "federaal": ("Federaal", "Federal"),
}
URGENCIES: dict[str, tuple[str, str]] = {
    "laag": ("Laag", "Low"),
    "normaal": ("Normaal", "Normal"),
    "hoog": ("Hoog", "High"),
}


# English goal and prompt per phase key (the screens fall back to Dutch where one is missing).
PHASE_TEXT_EN: dict[str, tuple[str, str]] = {
    "start": (
        "Everyone knows the aim, the method and the agreements on professional secrecy.",
        "Welcome. We discuss a real but anonymous situation. What is said here stays here: do "
        "not mention names, addresses or other details that would make a family recognisable.",
    ),
    "casus": (
        "The case bringer presents the situation and asks a question.",
        "Listen to the case. Note what strikes you, without judging yet.",
    ),
    "vragen": (
        "Complete the picture with factual questions; no advice yet.",
        "What information do you miss to understand the situation? Ask open, factual questions.",
    ),
    "analyse": (
        "Each service looks at the situation from its own mandate and expertise.",
        "What do you see from your service? Which rights or resources remain unused?",
    ),
    "adviezen": (
        "Collect concrete advice and referrals and choose what helps most.",
        "What advice do you give the case bringer? Which right must be explored? "
        "Vote for the advice you find strongest.",
    ),
    "reflectie": (
        "The case bringer says what they take away.",
        "Case bringer: which advice do you take along? What was new to you?",
    ),
    "leerpunten": (
        "What do we learn as a network, and which signals do we pass on to policy?",
        "Which learning point or good practice do you take along? Which signal must policy hear?",
    ),
    "incident": (
        "The case bringer briefly describes a concrete moment when things got stuck.",
        "Listen to the incident: what exactly happened?",
    ),
    "informatie": ("Gather facts around the incident.", "Which facts do you need? Ask them now."),
    "kern": (
        "Everyone writes down the core separately; then they are shown together.",
        "What is the core of the problem for you? Write on your own first.",
    ),
    "aanpak": (
        "Collect possible approaches and choose.",
        "How would you tackle it? Vote for the strongest advice.",
    ),
    "roddelronde": (
        "The group thinks aloud; the case bringer only listens.",
        "Talk about the situation as if the case bringer were not there: hypotheses, analyses "
        "and advice.",
    ),
    "beleidsadvies": (
        "Bundle signals into policy advice with level and urgency.",
        "Which barrier did we see that belongs not to one family but to the system? "
        "Whom do we address the signal to?",
    ),
}


def _phase(
    key: str,
    name: str,
    name_en: str,
    goal: str,
    prompt: str,
    minutes: int,
    kinds: list[str] | None = None,
    **flags: bool,
) -> dict[str, Any]:
    return {
        "key": key,
        "name_nl": name,
        "name_en": name_en,
        "goal_nl": goal,
        "prompt_nl": prompt,
        "goal_en": PHASE_TEXT_EN.get(key, (goal, prompt))[0],
        "prompt_en": PHASE_TEXT_EN.get(key, (goal, prompt))[1],
        "minutes": minutes,
        "kinds": kinds or [],
        "silent": flags.get("silent", False),
        "bringer_listens": flags.get("bringer_listens", False),
        "voting": flags.get("voting", False),
        "rights_checklist": flags.get("rights_checklist", False),
        "notes": flags.get("notes", False),
    }


START = _phase(
    "start",
    "Start en huisregels",
    "Start and house rules",
    "Iedereen kent het doel, de werkwijze en de afspraken over beroepsgeheim.",
    "Welkom. We bespreken een echte maar anonieme situatie. Wat hier gezegd wordt, blijft hier: "
    "noem geen namen, adressen of andere gegevens die een gezin herkenbaar maken.",
    5,
)
CASE = _phase(
    "casus",
    "Casusvoorstelling en hulpvraag",
    "Case presentation and question",
    "De casusinbrenger stelt de situatie voor en formuleert een hulpvraag.",
    "Luister naar de casus. Noteer voor jezelf wat je opvalt, nog zonder te oordelen.",
    10,
)
QUESTIONS = _phase(
    "vragen",
    "Verhelderende vragen",
    "Clarifying questions",
    "Het beeld vervolledigen met feitelijke vragen, nog geen adviezen.",
    "Welke informatie mis je om de situatie te begrijpen? Stel open, feitelijke vragen.",
    15,
    ["vraag", "antwoord"],
)
ANALYSIS = _phase(
    "analyse",
    "Analyse vanuit elke dienst",
    "Analysis from each service",
    "Elke dienst bekijkt de situatie vanuit de eigen opdracht en expertise.",
    "Wat zie jij vanuit jouw dienst? Welke rechten of hulpbronnen blijven onbenut?",
    15,
    ["analyse", "hulpbron"],
    silent=True,
)
ADVICE = _phase(
    "adviezen",
    "Adviezen en mogelijkheden",
    "Advice and possibilities",
    "Concrete adviezen en toeleidingen verzamelen en kiezen wat het meest helpt.",
    "Welk advies geef je de casusinbrenger? Welk recht moet zeker verkend worden? "
    "Stem op de adviezen die je het sterkst vindt.",
    20,
    ["advies", "hulpbron"],
    voting=True,
    rights_checklist=True,
)
REFLECTION = _phase(
    "reflectie",
    "Reflectie van de casusinbrenger",
    "Reflection of the case bringer",
    "De casusinbrenger zegt wat hij of zij meeneemt.",
    "Casusinbrenger: welke adviezen neem je mee? Wat was nieuw voor je?",
    10,
    ["reflectie"],
)
LEARNING = _phase(
    "leerpunten",
    "Leerpunten en signalen",
    "Learning points and signals",
    "Wat leren we als netwerk, en welke signalen geven we door aan het beleid?",
    "Welk leerpunt of welke goede praktijk neem je mee? Welk signaal moet het beleid horen?",
    15,
    ["signaal"],
    notes=True,
)

METHODS: list[dict[str, Any]] = [
    {
        "slug": "anonieme-casustafel",
        "name_nl": "Anonieme casustafel",
        "name_en": "Anonymous case table",
        "description_nl": "Intervisie in zeven fasen: van casus en hulpvraag over de analyse "
        "vanuit elke dienst naar adviezen, rechtenverkenning en leerpunten.",
        "phases": [START, CASE, QUESTIONS, ANALYSIS, ADVICE, REFLECTION, LEARNING],
    },
    {
        "slug": "incidentmethode",
        "name_nl": "Incidentmethode",
        "name_en": "Incident method",
        "description_nl": "Vertrekt van een kort incident; de groep verzamelt informatie, bepaalt "
        "de kern en zoekt samen naar een aanpak.",
        "phases": [
            START,
            _phase(
                "incident",
                "Incident beschrijven",
                "Describe the incident",
                "De inbrenger beschrijft kort een concreet moment waarop het vastliep.",
                "Luister naar het incident: wat gebeurde er precies?",
                5,
            ),
            _phase(
                "informatie",
                "Informatievragen",
                "Information questions",
                "Feiten verzamelen rond het incident.",
                "Welke feiten heb je nodig? Vraag ze nu.",
                15,
                ["vraag", "antwoord"],
            ),
            _phase(
                "kern",
                "Kern van het probleem",
                "Core of the problem",
                "Ieder formuleert apart wat de kern is; daarna worden ze samen getoond.",
                "Wat is volgens jou de kern van het probleem? Schrijf eerst apart.",
                10,
                ["analyse"],
                silent=True,
            ),
            _phase(
                "aanpak",
                "Aanpak en adviezen",
                "Approach and advice",
                "Mogelijke aanpakken verzamelen en kiezen.",
                "Hoe zou jij het aanpakken? Stem op de sterkste adviezen.",
                15,
                ["advies", "hulpbron"],
                voting=True,
                rights_checklist=True,
            ),
            REFLECTION,
            LEARNING,
        ],
    },
    {
        "slug": "roddelmethode",
        "name_nl": "Roddelmethode",
        "name_en": "Gossip method",
        "description_nl": "De groep bespreekt de casus alsof de inbrenger er niet is; de "
        "inbrenger luistert alleen en reageert pas achteraf.",
        "phases": [
            START,
            CASE,
            QUESTIONS,
            _phase(
                "roddelronde",
                "Roddelronde",
                "Gossip round",
                "De groep denkt hardop na; de casusinbrenger luistert alleen.",
                "Praat over de situatie alsof de casusinbrenger er niet bij is: "
                "hypotheses, analyses en adviezen.",
                20,
                ["analyse", "advies", "hulpbron"],
                bringer_listens=True,
                voting=True,
                rights_checklist=True,
            ),
            REFLECTION,
            LEARNING,
        ],
    },
    {
        "slug": "imi",
        "name_nl": "IMI (intervisie met beleidsadvies)",
        "name_en": "IMI (peer review ending in policy advice)",
        "description_nl": "Intervisie die uitmondt in een beleidsadvies: van casus en analyse "
        "naar signalen en voorstellen voor lokaal en Vlaams beleid.",
        "phases": [
            START,
            CASE,
            QUESTIONS,
            ANALYSIS,
            ADVICE,
            _phase(
                "beleidsadvies",
                "Beleidsadvies",
                "Policy advice",
                "Signalen bundelen tot een beleidsadvies met niveau en urgentie.",
                "Welke drempel zagen we die niet bij één gezin hoort maar bij het systeem? "
                "Aan wie richten we het signaal?",
                20,
                ["signaal"],
                notes=True,
            ),
        ],
    },
]

HOUSE_RULES_NL: list[str] = [
    "Wat aan deze tafel gezegd wordt, valt onder het beroepsgeheim en blijft aan deze tafel.",
    "Ik noem geen namen, adressen, telefoonnummers, rijksregisternummers, scholen of andere "
    "gegevens waardoor een gezin herkend kan worden.",
    "Herken ik het gezin toch, dan meld ik dat aan de gespreksleider en deel ik wat ik weet niet.",
    "Ik spreek vanuit mijn dienst en opdracht, met respect voor het gezin en voor elkaar.",
    "De tafel levert adviezen, leerpunten en signalen op, nooit een dossier over een persoon.",
]
HOUSE_RULES_EN: list[str] = [
    "What is said at this table is covered by professional secrecy and stays at this table.",
    "I do not mention names, addresses, phone numbers, national numbers, schools or other details "
    "by which a family could be recognised.",
    "If I recognise the family anyway, I tell the facilitator and do not share what I know.",
    "I speak from my service and mandate, with respect for the family and for each other.",
    "The table yields advice, learning points and signals, never a file on a person.",
]
