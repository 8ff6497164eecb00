"""Named facilities and employers (a school, crèche, hospital, camping, company)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from casetable.scrub.context import FAMILY, TITLES, words
from casetable.scrub.doc import Doc
from casetable.scrub.spans import Span

# Lowercase descriptors that introduce a name and stay outside the span:
# "basisschool De Vlinderboom", "kinderopvang 't Kriebelnestje", "GGZ-dienst De Kern".
DESCRIPTOR_RE = re.compile(
    r"(?:school|opvang|crèche|creche|kinderdagverblijf|centrum|kliniek|ziekenhuis|rusthuis"
    r"|camping|bedrijf|firma|werkgever|dienst|vzw|club|jeugdbeweging|chiro|scouts|internaat"
    r"|leefgroep|voorziening|instelling|kantoor|fabriek|winkel|supermarkt|home|residentie"
    r"|campus|academie|atheneum|lyceum|college|instituut|wzc|parochie|moskee|kerk|synagoge"
    r"|tempel|kapel)$"
)
DESCRIPTOR_ENDS = (
    "school",
    "opvang",
    "crèche",
    "creche",
    "verblijf",
    "centrum",
    "kliniek",
    "ziekenhuis",
    "rusthuis",
    "camping",
    "bedrijf",
    "firma",
    "werkgever",
    "dienst",
    "vzw",
    "club",
    "beweging",
    "chiro",
    "scouts",
    "internaat",
    "leefgroep",
    "voorziening",
    "instelling",
    "kantoor",
    "fabriek",
    "winkel",
    "supermarkt",
    "home",
    "residentie",
    "campus",
    "academie",
    "atheneum",
    "lyceum",
    "college",
    "instituut",
    "wzc",
    "parochie",
    "moskee",
    "kerk",
    "synagoge",
    "tempel",
    "kapel",
)
_DESCRIPTOR_TAILS = frozenset(e[-3:] for e in DESCRIPTOR_ENDS)
# Capitalised heads that belong to the name: "AZ Ter Linde", "Weverij Deprez", "Campus De Ham".
HEAD_WORDS = words(
    """
    az uz zna gza vbs gbs gvbs bs ka kta kti vti gti sti vito tsm bsgo go wzc pc pz mpi bubao
    bubso dvc ksa kla campus atheneum lyceum college instituut hoeve pizzeria restaurant
    brasserie bistro taverne herberg eethuis snackbar frituur friterie café koffiehuis tearoom
    hotel carrosserie logistiek schoonmaak poetsdienst schoonmaakdienst strijkdienst klusdienst
    verhuisdienst taxidienst koerierdienst bewakingsdienst kapper kapsalon apotheek supermarkt
    interim residentie home woonzorgcentrum rusthuis kinderdagverblijf crèche camping academie
    sporthal zwembad firma groep jeugdhuis chiro scouts vzw nachtopvang dagopvang crisisopvang
    asielopvang cvo cbe ldc syntra kdv traiteur slager beenhouwer kebab pitta shoarma snack
    grill wok sushi cafetaria lunchbar nachtwinkel oooc rz asz
    """
)
# Endings of compound heads ("Fruitteelt", "Metaalbouw", "Tuincentrum"); the bare word counts.
HEAD_ENDS = (
    "boerderij",
    "garage",
    "bedrijf",
    "transport",
    "teelt",
    "bouw",
    "techniek",
    "zorg",
    "centrum",
    "atelier",
    "winkel",
    "handel",
    "zaak",
    "salon",
    "studio",
    "shop",
    "kliniek",
    "ziekenhuis",
    "school",
    "club",
    "optiek",
)
# Endings that make a head only inside a compound: "Bakkerij", "Buurthuis", "Dakwerken".
HEAD_COMPOUND_ENDS = ("erij", "huis", "werken", "hulp")
_NOT_HOUSE_HEADS = ("gemeente", "stad", "raad", "gerecht")
_HEAD_TAILS = frozenset(e[-3:] for e in HEAD_ENDS + HEAD_COMPOUND_ENDS)


@lru_cache(maxsize=8192)
def is_head(low: str) -> bool:
    """A word that opens a facility's or firm's name: "brasserie", "fruitteelt", "buurthuis".

    Plain string tests rather than one regex of many \\w* alternatives (which backtracks over
    every capitalised word); memoised, as it is asked for every capitalised word (~1.5% of a
    scrub before).
    """
    if low in HEAD_WORDS:
        return True
    if low[-3:] not in _HEAD_TAILS or "-" in low or "'" in low or "’" in low:
        return False
    if low.endswith(HEAD_ENDS):
        return True
    for end in HEAD_COMPOUND_ENDS:
        if low.endswith(end) and len(low) > len(end):
            return end != "huis" or not low.startswith(_NOT_HOUSE_HEADS)
    return False


# Broad heads: a single common word after them names a kind of service, not one facility.
BROAD_HEAD_ENDS = ("centrum", "zorg", "groep", "winkel", "handel", "techniek")
# Sports and other clubs: all-capital abbreviations before the club's place (KFC, ZVC, KSK).
CLUB_RE = re.compile(r"^[KR]?[A-Z]?(?:FC|VC|SC|BC|HC|TC|AC|SK|SV|VV|KV|VK|AA|LC)$")
# Capitalised generic words before a place that leave the place alone: "Stad Gent".
GENERIC_BEFORE_PLACE = frozenset(
    [
        "stad",
        "gemeente",
        "provincie",
        "regio",
        "station",
        "centrum",
        "politie",
        "politiezone",
        "rechtbank",
        "jeugdrechtbank",
        "vredegerecht",
        "kanton",
        "parket",
        "arrondissement",
        "bisdom",
        "deelgemeente",
        "dorp",
        "wijk",
        "zone",
        "brandweer",
        "noord",
        "zuid",
        "oost",
        "west",
        "groot",
        "klein",
        "oud",
        "nieuw",
        "centraal",
        "huis",
    ]
)
# Endings of generic bodies and networks before a place: "Lokaal Bestuur Gent", "Netwerk Lier".
GENERIC_ENDS = (
    "bestuur",
    "raad",
    "platform",
    "netwerk",
    "overleg",
    "loket",
    "team",
    "project",
    "werking",
    "dienst",
    "zone",
    "regio",
    "opleiding",
    "vorming",
    "dag",
    "week",
    "groep",
    "sessie",
    "traject",
    "programma",
    "campagne",
    "actie",
)
# Where a 't-name or De/Het-name is a diminutive, it names a place of care: "'t Hoekske".
DIMINUTIVE_ENDS = ("je", "jes", "ke", "kes", "ken", "ske", "skes")
# Lowercase chat: a descriptor and "de vonk" (a name not too common), or a teacher "van het X".
LOWER_ARTICLES = frozenset({"de", "het", "t", "den"})
SCHOOL_CUES = frozenset(
    {
        "juf",
        "meester",
        "juffrouw",
        "kinderbegeleider",
        "kinderbegeleidster",
        "begeleidster",
        "leerkracht",
        "directeur",
        "directrice",
        "zorgleerkracht",
        "kleuterjuf",
    }
)
SCHOOL_PARTS = (
    "koer",
    "poort",
    "contact",
    "groep",
    "maal",
    "bus",
    "school",
    "zorg",
    "kleuters",
    "peuters",
    "se",
    "sche",
    "klas",
    "jaar",
    "zaal",
    "plaats",
    "refter",
    "speeltijd",
    "opvang",
    "toezicht",
    "graad",
    "les",
    "lessen",
)
# A single word that is the name of a school: Sint-Jozefsinstituut, Berchmanscollege.
SCHOOL_WORD_ENDS = ("college", "instituut", "lyceum", "atheneum", "school", "ziekenhuis", "kliniek")
# A company form after a name: "Deprez NV", "Bouw Peeters bvba".
COMPANY_FORM_RE = re.compile(
    r"\s(?:NV|BV|BVBA|bvba|CV|CVBA|cvba|VZW|vzw|SRL|SA|SPRL|nv|cv|[Cc]omm\.\s?[Vv]\.?"
    r"|bv(?!\.?\s?[a-z]))(?!\w)"  # not "bv. de school", "bv morgen" (bijvoorbeeld)
)
# Capitalised adjectives that open a school's or a service's name.
LEADERS = frozenset(
    {
        "gemeentelijke",
        "gemeentelijk",
        "stedelijke",
        "stedelijk",
        "vrije",
        "katholieke",
        "provinciale",
        "koninklijke",
        "koninklijk",
        "algemeen",
        "algemene",
        "buitengewoon",
        "buitengewone",
        "technisch",
        "technische",
        "sint",
        "heilig",
        "onze-lieve-vrouw",
        "psychiatrisch",
        "psychiatrische",
        "universitair",
        "universitaire",
    }
)
ARTICLES = frozenset({"de", "den", "het", "'t", "’t", "ter", "ten", "sint", "onze-lieve-vrouw"})
LINKERS = frozenset({"de", "den", "der", "het", "'t", "ter", "ten", "van", "aan", "op", "en"})


def _name_after(doc: Doc, i: int, max_words: int = 5, after_head: bool = False) -> int:
    """Index of the last token of a capitalised name starting at token i, or -1.

    After a head word a name may be a word of the never-scrub list that is no Dutch word:
    "Jeugdzorg Emmaüs" is one facility of a large organisation.
    """
    toks, lex, text = doc.tokens, doc.lex, doc.text
    n = len(toks)
    j = i
    if (j < n and toks[j].lower in ARTICLES and toks[j].cap) or (
        j < n and toks[j].text in ("t",) and text[toks[j].start - 1 : toks[j].start] in "'’"
    ):
        if not doc.joined(j):
            return -1
        j += 1
    if j >= n or not (toks[j].cap or toks[j].upper):
        return -1
    if toks[j].lower in lex.never and not (after_head and not lex.word_zipf(toks[j].lower)):
        return -1
    last = j
    while last + 1 < n and last - i < max_words and doc.gap(last) in (" ", " & "):
        nxt = toks[last + 1]
        if doc.gap(last) == " & ":  # "Net & Proper"
            if not nxt.cap:
                break
            last += 1
        elif nxt.cap:
            last += 1
        elif (
            nxt.lower in LINKERS
            and last + 2 < n
            and doc.joined(last + 1)
            and toks[last + 2].cap
            and not (nxt.lower == "en" and _opens_other_name(toks[last + 2].lower))
        ):
            last += 2
        else:
            break
    return last


def _opens_other_name(low: str) -> bool:
    """ "X en Kinderopvang Y": after "en" a head word or descriptor starts another name."""
    return is_head(low) or DESCRIPTOR_RE.search(low) is not None


def _start_of(doc: Doc, i: int) -> int:
    """Start offset of token i, taking in an apostrophe of "'t"."""
    s = doc.tokens[i].start
    if doc.tokens[i].text == "t" and s > 0 and doc.text[s - 1] in "'’":
        return s - 1
    return s


def detect_institutions(doc: Doc) -> Iterator[Span]:
    """Facility names after a descriptor, a head word or a capitalised article; -college words."""
    toks = doc.tokens
    n = len(toks)
    has_company_form = COMPANY_FORM_RE.search(doc.text) is not None
    text = doc.text
    has_t = "'t " in text or "’t " in text
    has_sint = "sint-" in text
    if any(c in doc.low for c in _SCHOOL_CUE_STEMS):
        yield from _school_names(doc)
    if "&" in text:
        yield from _ampersand_names(doc)
    yield from _acronym_names(doc)
    if " bij " in text or " voor " in text or " van " in text or " naar " in text:
        yield from _employer_names(doc)
    lex = doc.lex
    for i in doc.focus:  # a plain word is no descriptor, "'t" or "sint-"
        t = toks[i]
        if not (t.cap or t.upper) and not (
            t.lower[-3:] in _DESCRIPTOR_TAILS and t.lower.endswith(DESCRIPTOR_ENDS)
        ):
            if has_t and t.text == "t" and i + 1 < n and t.start > 0 and text[t.start - 1] in "'’":
                span = _t_name(doc, i)
                if span is not None:
                    yield span
            elif (
                has_sint
                and t.lower.startswith("sint-")
                and t.lower not in lex.places
                and t.lower not in lex.never
                and i > 0
                and toks[i - 1].lower in LOWER_ARTICLES
            ):
                yield Span(t.start, t.end, "INSTITUTION")  # "in de sint-lodewijk": a school
            continue  # most words: lowercase and no descriptor
        gap = doc.gap(i) if i + 1 < n else ""
        if (
            t.lower.endswith(DESCRIPTOR_ENDS)  # first: most capitalised words are no descriptor
            and (
                (
                    gap in (" ", ", ", " '", " ’")
                    and (
                        not t.cap
                        or "-" in t.lower
                        or (t.sent_start and not is_head(t.lower))  # "Kinderopvang 't X"
                    )
                )
                or gap in (": ", ":\t")  # a field label: "School: De Wegwijzer"
            )
            and DESCRIPTOR_RE.search(t.lower)
        ):
            last = _name_after(doc, i + 1)
            if last >= 0:
                yield Span(_start_of(doc, i + 1), toks[last].end, "INSTITUTION")
            elif not t.cap:
                span = _lower_name(doc, i + 1)
                if span is not None:
                    yield span
        if not t.cap:
            if t.upper and CLUB_RE.match(t.text) and gap == " " and t.lower not in lex.never:
                last = _caps_after(doc, i)
                if last > i:  # "ZVC Waasland", "KFC Sint-Niklaas"
                    yield Span(t.start, toks[last].end, "INSTITUTION")
        elif not t.sent_start and gap == " " and lex.places:
            nxt = toks[i + 1]
            if nxt.cap and nxt.lower in lex.places and nxt.lower not in lex.never:
                start = i if t.lower in lex.chains else -1
                if i > 0 and doc.joined(i - 1) and f"{toks[i - 1].lower} {t.lower}" in lex.chains:
                    start = i - 1
                if start >= 0:  # a branch of a chain: "Colruyt Lier", "Albert Heijn Mol"
                    yield Span(toks[start].start, nxt.end, "INSTITUTION")
            if (
                nxt.cap
                and nxt.lower in lex.places
                and nxt.lower not in lex.never
                and _plain_word_before_place(doc, i)
            ):  # "Kangoeroes Mechelen", "Poetsdienst Clean Leuven": a club or firm of a place
                start = i
                while (
                    start > 0
                    and doc.joined(start - 1)
                    and toks[start - 1].cap
                    and not toks[start - 1].sent_start
                    and (
                        toks[start - 1].lower not in lex.never
                        or not lex.word_zipf(toks[start - 1].lower)  # "Volvo Cars Gent"
                    )
                    and toks[start - 1].lower not in TITLES
                ):
                    start -= 1
                yield Span(toks[start].start, nxt.end, "INSTITUTION")
        if (
            t.cap
            and t.lower in _DIM_ARTICLES
            and gap == " "
            and toks[i + 1].cap
            and toks[i + 1].lower.endswith(DIMINUTIVE_ENDS)
            and len(toks[i + 1].lower) > 5
            and toks[i + 1].lower not in lex.never
        ):  # "De Pluimpjes", "Het Zonnetje" even at the start of a sentence
            last = _name_after(doc, i)
            if last > i:
                yield Span(t.start, toks[last].end, "INSTITUTION")
        if (t.cap or t.upper) and gap in (" ", "! ", " '", " ’") and is_head(t.lower):
            # a generic head ("Pleegzorg West-Vlaanderen") takes no never-scrub name, and
            # with only a place after it, the place is marked alone ("Samenlevingsopbouw Gent")
            generic = t.lower in lex.never
            last = _name_after(doc, i + 1, after_head=not generic)
            if generic and all(x.lower in lex.places for x in toks[i + 1 : last + 1]):
                last = -1
            if (
                last == i + 1
                and t.lower.endswith(BROAD_HEAD_ENDS)
                and lex.word_zipf(toks[last].lower) >= 3.0
                and toks[last].lower not in lex.english
                and toks[last].lower not in lex.places
            ):
                last = -1  # "Expertisecentrum Autisme", "Thuiszorg Dementie": a kind of service
            if last >= 0:
                start = i  # "Gemeentelijke Basisschool Het Kompas", "GO! Atheneum X"
                while start > 0 and doc.joined(start - 1) and toks[start - 1].lower in LEADERS:
                    start -= 1
                yield Span(toks[start].start, toks[last].end, "INSTITUTION")
        if (
            t.cap
            and not t.sent_start
            and t.lower in ARTICLES
            and gap == " "
            and i > 0
            and toks[i - 1].lower not in TITLES
            and toks[i - 1].lower not in FAMILY
        ):
            # a capitalised article mid-sentence opens a proper name: "in De Zonnebloem";
            # a capitalised word before it that is no name belongs to it: "Jeugdzorg De Waai"
            prev = toks[i - 1]
            start = t.start
            if prev.cap or prev.upper:
                if prev.lower in lex.first_names or prev.lower in lex.surnames:
                    continue  # "Shana De Vos": a person, see persons.py
                if (
                    doc.joined(i - 1)
                    and not prev.sent_start
                    and "-" not in prev.text  # "GGZ-dienst De Kern": the compound stays outside
                    and (prev.cap or (prev.upper and prev.lower not in lex.never))
                ):
                    start = prev.start  # "Jeugdzorg De Waai", "OOOC De Patio" (not "CKG")
            last = _name_after(doc, i)
            if last == i + 1 and start == t.start:
                pair = f"{t.lower} {toks[last].lower}"
                if pair in lex.places or pair in lex.surnames:
                    last = -1  # "in De Pinte": a town; "met De Wolf": a family (persons.py)
            if last > i:
                yield Span(start, toks[last].end, "INSTITUTION")
        if (
            has_company_form
            and (t.cap or t.upper)
            and not t.sent_start
            and COMPANY_FORM_RE.match(doc.text, t.end)
        ):
            start = i
            while (
                start > 0
                and (doc.joined(start - 1) or doc.gap(start - 1) in (" & ", "&"))
                and (toks[start - 1].cap or toks[start - 1].upper)
            ):
                start -= 1  # "Net & Fris bv", "Diestse Vleeswaren nv"
            yield Span(
                toks[start].start, COMPANY_FORM_RE.match(doc.text, t.end).end(), "INSTITUTION"
            )
        if (
            t.cap
            and t.lower.endswith(SCHOOL_WORD_ENDS)
            and not doc.lex.word_zipf(t.lower)
            and not ("-" in t.lower and t.lower.split("-", 1)[0] in lex.never)  # "BuSO-school"
        ):
            start = i
            while start > 0 and doc.joined(start - 1) and toks[start - 1].cap:
                start -= 1
            yield Span(toks[start].start, t.end, "INSTITUTION")


_DIM_ARTICLES = frozenset({"de", "het", "den"})
# Substrings that let _school_names look at the tokens at all (most texts have none).
_SCHOOL_CUE_STEMS = (
    "juf",
    "meester",
    "kinderbegeleid",
    "begeleidster",
    "leerkracht",
    "directeur",
    "directrice",
)
_CUE_PREPS = frozenset({"van", "in", "bij", "naar", "op"})


def _caps_after(doc: Doc, i: int, max_words: int = 3) -> int:
    """Last of the capitalised words right after token i (never-scrub words included)."""
    toks, last = doc.tokens, i
    while last + 1 < len(toks) and last - i < max_words and doc.joined(last):
        nxt = toks[last + 1]
        if not (nxt.cap or nxt.upper):
            break
        last += 1
    return last


def _plain_word_before_place(doc: Doc, i: int) -> bool:
    """A capitalised word that is no first name, title, place or service: part of a firm's name.

    A family name counts ("Leeuwen Brugge", "Peeters Lokeren") unless a first name or a title
    stands before it: then it is a person followed by a place.
    """
    lex, t = doc.lex, doc.tokens[i]
    low = t.lower
    if low in lex.surnames and i > 0:
        prev = doc.tokens[i - 1]
        if doc.prev_word(i) in TITLES or (prev.cap and prev.lower in lex.first_names):
            return False
    return not (
        low in lex.never
        or low in lex.places
        or low in lex.first_names
        or low in TITLES
        or low.endswith(GENERIC_ENDS)
        or low in FAMILY
        or low in ARTICLES
        or low in LINKERS
        or low in GENERIC_BEFORE_PLACE
        or len(low) < 3
    )


def _word_before(doc: Doc, i: int) -> str:
    """The word before token i when only a space and quotes separate them, else ''."""
    if i == 0 or doc.text[doc.tokens[i - 1].end : doc.tokens[i].start].strip(" '’") != "":
        return ""
    return doc.tokens[i - 1].lower


def _t_name(doc: Doc, i: int) -> Span | None:
    """ "'t Hoekske", "'t Zonnebloempje": 't with a capitalised diminutive or rare word."""
    toks, lex = doc.tokens, doc.lex
    if not doc.joined(i):
        return None
    nxt = toks[i + 1]
    if not nxt.cap or nxt.lower in lex.never:
        return None
    z = lex.word_zipf(nxt.lower)
    if not (
        (nxt.lower.endswith(DIMINUTIVE_ENDS) and len(nxt.lower) > 4)
        or z < 3.5
        or (z < 5.0 and _word_before(doc, i) in _CUE_PREPS)  # "naar 't Spoor"
    ):
        return None  # "'t Is", "'t Was": the start of a sentence
    last = _name_after(doc, i)
    if last <= i:
        return None
    return Span(_start_of(doc, i), toks[last].end, "INSTITUTION")


def _lower_word_name(doc: Doc, j: int, max_zipf: float) -> Span | None:
    """ "de vonk", "het zonnetje" at token j: a lowercase name (the word after the article)."""
    toks, lex = doc.tokens, doc.lex
    if j + 1 >= len(toks) or toks[j].lower not in LOWER_ARTICLES or not doc.joined(j):
        return None
    if toks[j].text == "t" and not (toks[j].start > 0 and doc.text[toks[j].start - 1] in "'’"):
        return None
    w = toks[j + 1]
    if (
        w.cap
        or w.upper
        or len(w.lower) < 3
        or w.lower in lex.never
        or w.lower in TITLES  # "van de juf", "van de directeur"
        or w.lower in SCHOOL_CUES
        or lex.word_zipf(w.lower) >= max_zipf
        or w.lower.endswith(SCHOOL_PARTS)
    ):
        return None
    # the article goes with the name, as with capitals ("'t Kriebelnestje"): a name with its
    # article left behind would leak when the article is counted as part of the name
    return Span(_start_of(doc, j), w.end, "INSTITUTION")


def _lower_name(doc: Doc, j: int) -> Span | None:
    """After a lowercase descriptor: "crèche de vonk", "school bij de klimop"."""
    toks = doc.tokens
    if j >= len(toks):
        return None
    span = _lower_word_name(doc, j, 4.0)
    if span is None and toks[j].lower in ("bij", "van") and doc.joined(j):
        if toks[j].lower == "van" and doc.prev_word(j - 1) in LOWER_ARTICLES:
            return None  # "weet de school van de huurachterstal": of what, not which school
        span = _lower_word_name(doc, j + 1, 3.2)
    return span


def _school_names(doc: Doc) -> Iterator[Span]:
    """ "juf els van het klimrek": a teacher's school, named lowercase in chat."""
    toks = doc.tokens
    n = len(toks)
    cues = [i for i, t in enumerate(toks) if t.lower in SCHOOL_CUES]
    if not cues:
        return
    for i, t in enumerate(toks):
        # a teacher named up to 4 words before ("juf els van het klimrek") or 8 after
        # ("die van de kribbe? ze zit daar bij juf sarah")
        if (
            t.lower in _CUE_PREPS
            and i + 2 < n
            and doc.joined(i)
            and any(i - 4 <= c < i or i < c <= i + 8 for c in cues)
        ):
            # "van de regenboog" is whose teacher; "in de zetel" is only where
            span = _lower_word_name(doc, i + 1, 4.5 if t.lower == "van" else 3.0)
            if span is not None:
                yield span


# A named house of worship in one word: "Fatih-moskee", "Sint-Pieterskerk", "Mevlana-moskee".
WORSHIP_ENDS = ("moskee", "kerk", "kapel", "synagoge", "tempel", "basiliek", "kathedraal")
# "zit in het SJC", "gaat naar het TSM": a school known by its letters
_SCHOOL_VERBS = frozenset(
    {"zit", "zat", "zitten", "zaten", "gaat", "ging", "gaan", "gingen", "school", "schoolt"}
    | {"loopt", "liep", "ingeschreven", "leerling", "leerlinge", "inschrijven", "les"}
)


# kinds of school and levels, not one school: "zit in het BSO", "in het MPI"
SCHOOL_TYPES = frozenset(
    {"aso", "bso", "tso", "kso", "dbso", "buso", "bubao", "okan", "mpi", "ov", "lo", "so", "bao"}
    | {"hbo", "cvo", "cbe", "ldc", "dko", "bko", "ibo", "kdv", "se", "bs", "gbs", "vbs", "svk"}
)


# Letters that belong to the name of the facility after them: "MFC De Zonnebloem", "KTA De
# Sprong", "GO! De Wingerd", "VBS De Regenboog" (not a service: "CLB", "OCMW", "CAW")
NAME_ACRONYMS = words(
    """
    mfc kta kti vti gti sti tsm ka go vbs gbs gvbs sbs bs az uz olvc olv sjc slc smi wzc pc pz
    dvc ksa kla rz asz zna gza bubao buso bubso ldc cvo cbe
    """
)
_ACRONYM_BEFORE_RE = re.compile(
    r"(?<![\w!])([A-Z]{2,5}|GO!|[A-Z][A-Za-z]{1,3}[A-Z]{1,2})"
    # "GO! atheneum Luchtbal": a lowercase kind of school between the letters and the name
    r"(?: (?:atheneum|lyceum|college|instituut|basisschool|middenschool|campus|school))? $"
)


def with_name_acronyms(spans: list[Span], text: str) -> list[Span]:
    """Resolved spans with the letters right before an institution taken into it."""
    out = []
    prev_end = 0
    for s in spans:
        if s.category == "INSTITUTION" and s.start > 2:
            m = _ACRONYM_BEFORE_RE.search(text, max(prev_end, s.start - 20), s.start)
            if m and m.group(1).rstrip("!").lower() in NAME_ACRONYMS:
                s = Span(m.start(1), s.end, s.category, s.key)
        out.append(s)
        prev_end = s.end
    return out


def _acronym_names(doc: Doc) -> Iterator[Span]:
    """A school or hospital known by its letters: "SJC Eeklo", "RZ Tienen", "zit in het SJC";
    a named house of worship: "de Fatih-moskee", "de Sint-Pieterskerk"."""
    toks, lex = doc.tokens, doc.lex
    n = len(toks)
    # only capitalised words can be either kind: picked in one comprehension
    for i in [i for i in doc.focus if toks[i].cap or toks[i].upper]:
        t = toks[i]
        low = t.lower
        if t.cap and low.endswith(WORSHIP_ENDS) and not t.sent_start:
            head = low.rstrip("-").rsplit("-", 1)[0] if "-" in low else ""
            stem = next(low[: -len(e)] for e in WORSHIP_ENDS if low.endswith(e))
            if (head or len(stem) > 3) and stem.rstrip("-s") not in ("", "hoofd", "dorp", "stad"):
                yield Span(t.start, t.end, "INSTITUTION")
            continue
        if not (t.upper and 2 <= len(t.text) <= 5 and t.text.isalpha()):
            continue
        if (
            low in lex.never
            or low in SCHOOL_TYPES
            or low in lex.first_names
            or doc.text[t.end : t.end + 1].isdigit()  # "OV4", "HBO5"
        ):
            continue
        nxt = toks[i + 1] if i + 1 < n else None
        if (
            not CLUB_RE.match(t.text)  # a club with its place: elsewhere ("KVC Lier")
            and nxt is not None
            and doc.joined(i)
            and nxt.cap
            and nxt.lower in lex.places
            and nxt.lower not in lex.never
        ):  # "SJC Eeklo", "RZ Tienen", "KTA Zottegem"
            yield Span(t.start, nxt.end, "INSTITUTION")
        elif (
            i > 1
            and doc.prev_word(i) in ("het", "t")  # "'t" is the token "t"
            and toks[i - 2].lower in ("in", "op", "naar")
            and toks[i - 2].end >= toks[i - 1].start - 2
            and any(doc.tokens[k].lower in _SCHOOL_VERBS for k in range(max(0, i - 5), i - 1))
        ):  # "zit in het SJC", "hij gaat naar het TSM"
            yield Span(t.start, t.end, "INSTITUTION")


def _ampersand_names(doc: Doc) -> Iterator[Span]:
    """ "Net&Fris", "Proper & Co": capitalised words joined by & are a firm, not two people."""
    toks, lex = doc.tokens, doc.lex
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        if doc.gap(i) not in ("&", " & ") or not (a.cap or a.upper) or not (b.cap or b.upper):
            continue
        names = sum(x.lower in lex.first_names or x.lower in lex.surnames for x in (a, b))
        if names == 2 or f"{a.lower} en {b.lower}" in lex.never_phrases:
            continue  # "Jan & Els"; "Kind & Gezin"
        if doc.gap(i) == " & " and min(lex.word_zipf(a.lower), lex.word_zipf(b.lower)) >= 3.0:
            continue  # "Wonen & Welzijn": a theme; "Net&Fris" without spaces is a brand
        start = i
        while (
            start > 0
            and doc.joined(start - 1)
            and toks[start - 1].cap
            and not toks[start - 1].sent_start
            and toks[start - 1].lower not in lex.never
        ):
            start -= 1
        yield Span(toks[start].start, toks[_caps_after(doc, i + 1)].end, "INSTITUTION")


# Words before "bij"/"voor" that make the capitalised name after it an employer.
WORK_CUES = words(
    """
    werkt werkte werken werkten gewerkt job stage stageplaats solliciteerde solliciteert
    poetst kuist tewerkgesteld werkzaam aangenomen ontslagen interim contract ploegenwerk
    ploegen werkgever
    """
)
# English business words that end a firm's name: "Van Moer Logistics", "Volvo Cars".
TAIL_HEADS = words(
    """
    logistics services service group solutions trading construct construction cleaning
    company consulting motors cars fashion food foods shop store center centre bakery
    """
)


def _employer_names(doc: Doc) -> Iterator[Span]:
    """ "werkt bij Krokant", "bij Fietsen Janssens", "bij Van Moer Logistics": an employer."""
    toks, lex = doc.tokens, doc.lex
    # the name after the preposition is capitalised, so it is in focus: loop over those only,
    # and of those only the ones after a preposition (picked in one comprehension)
    for j in [j for j in doc.focus if j and toks[j - 1].lower in _EMPLOYER_PREPS]:
        i = j - 1
        t = toks[i]
        if t.cap or not doc.joined(i):
            continue
        first = toks[j]
        if not (first.cap or first.upper) or first.lower in TITLES or first.lower in FAMILY:
            continue
        last = _caps_after(doc, j - 1) if first.lower not in PARTICLE_CAPS else j
        if first.lower in PARTICLE_CAPS:  # "Van Moer Logistics"
            last = _caps_after(doc, j)
        if last < j:
            continue
        words_ = toks[j : last + 1]
        # an origin or region word opening a longer name ("Brussels Clean Team") needs the
        # work verb below
        opened = (
            len(words_) >= 3
            and words_[0].lower not in lex.chains
            and not any(x.lower in lex.never for x in words_[1:])
        )
        if (
            any(x.lower in lex.never for x in words_) and not opened
        ) or all(x.lower in lex.places for x in words_):
            continue  # "bij Colruyt", "bij Kind en Gezin", "bij Gent"
        if last == j and (first.lower in lex.first_names or first.lower in lex.surnames):
            continue  # "werkt bij Sofie": a person (persons.py numbers her)
        cue = False
        # "werkt ... bij X": a work verb earlier in the sentence (not for "van"/"naar")
        back = range(i - 1, max(-1, i - 13), -1) if t.lower in ("bij", "voor") else ()
        for k in back:
            if toks[k].lower in WORK_CUES:
                cue = True
                break
            if toks[k].sent_start:
                break
        tail = toks[last].lower in TAIL_HEADS and last > j
        trade = (
            last > j
            and lex.word_zipf(first.lower)
            and first.lower not in lex.first_names
            and first.lower not in lex.surnames
            and first.lower not in lex.places
            and (toks[j + 1].lower in lex.surnames or not lex.word_zipf(toks[j + 1].lower))
        )  # "Fietsen Janssens", "Meubelen Dewitte": a trade and a family name
        if opened and words_[0].lower in lex.never and not cue:
            continue
        if cue or tail or trade:
            yield Span(first.start, toks[last].end, "INSTITUTION")


_EMPLOYER_PREPS = frozenset({"bij", "voor", "van", "naar"})
PARTICLE_CAPS = frozenset({"van", "de", "den", "vande", "vanden", "vander", "ter", "ten"})
