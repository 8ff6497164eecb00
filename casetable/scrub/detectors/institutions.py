"""Named facilities and employers (a school, crèche, hospital, camping, company)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from casetable.scrub.context import FAMILY, TITLES
from casetable.scrub.doc import Doc
from casetable.scrub.spans import Span

# Lowercase descriptors that introduce a name and stay outside the span:
# "basisschool De Vlinderboom", "kinderopvang 't Kriebelnestje", "GGZ-dienst De Kern".
DESCRIPTOR_RE = re.compile(
    r"(?:school|opvang|crèche|creche|kinderdagverblijf|centrum|kliniek|ziekenhuis|rusthuis"
    r"|camping|bedrijf|firma|werkgever|dienst|vzw|club|jeugdbeweging|chiro|scouts|internaat"
    r"|leefgroep|voorziening|instelling|kantoor|fabriek|winkel|supermarkt|home|residentie"
    r"|campus|academie|atheneum|lyceum|college|instituut|wzc)$"
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
)
_DESCRIPTOR_TAILS = frozenset(e[-3:] for e in DESCRIPTOR_ENDS)
# Capitalised heads that belong to the name: "AZ Ter Linde", "Weverij Deprez", "Campus De Ham".
HEAD_RE = re.compile(
    r"^(?:az|uz|zna|gza|vbs|gbs|gvbs|bs|ka|kta|kti|vti|gti|sti|vito|tsm|bsgo|go|wzc|pc|mpi"
    r"|bubao|bubso|campus|atheneum|lyceum|college"
    r"|instituut|hoeve|pizzeria|restaurant|brasserie|taverne|frituur|café|bakkerij|slagerij"
    r"|beenhouwerij|brouwerij|drukkerij|\w*weverij|spinnerij|garage|\w*bedrijf|transport"
    r"|logistiek|schoonmaak|interim|\w*kliniek|\w*ziekenhuis|residentie|home|woonzorgcentrum"
    r"|rusthuis|kinderdagverblijf|crèche|camping|\w*school|academie|sporthal|zwembad|firma"
    r"|groep|handelszaak|kapsalon|apotheek|supermarkt|vzw)$"
)
# A single word that is the name of a school: Sint-Jozefsinstituut, Berchmanscollege.
SCHOOL_WORD_RE = re.compile(r"(?:college|instituut|lyceum|atheneum|school|ziekenhuis|kliniek)$")
# A company form after a name: "Deprez NV", "Bouw Peeters bvba".
COMPANY_FORM_RE = re.compile(r"\s(?:NV|BV|BVBA|bvba|CV|CVBA|VZW|vzw|SRL|SA|SPRL)\b")
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
    }
)
ARTICLES = frozenset({"de", "den", "het", "'t", "’t", "ter", "ten", "sint", "onze-lieve-vrouw"})
LINKERS = frozenset({"de", "den", "der", "het", "'t", "ter", "ten", "van", "aan", "op", "en"})


def _name_after(doc: Doc, i: int, max_words: int = 5) -> int:
    """Index of the last token of a capitalised name starting at token i, or -1."""
    toks, lex, text = doc.tokens, doc.lex, doc.text
    n = len(toks)
    j = i
    if (j < n and toks[j].lower in ARTICLES and toks[j].cap) or (
        j < n and toks[j].text in ("t",) and text[toks[j].start - 1 : toks[j].start] in "'’"
    ):
        if not doc.joined(j):
            return -1
        j += 1
    if j >= n or not (toks[j].cap or toks[j].upper) or toks[j].lower in lex.never:
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
        elif nxt.lower in LINKERS and last + 2 < n and doc.joined(last + 1) and toks[last + 2].cap:
            last += 2
        else:
            break
    return last


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
    for i, t in enumerate(toks):
        if not (t.cap or t.upper) and not (
            t.lower[-3:] in _DESCRIPTOR_TAILS and t.lower.endswith(DESCRIPTOR_ENDS)
        ):
            continue  # most words: lowercase and no descriptor
        gap = doc.gap(i) if i + 1 < n else ""
        if (
            (
                (gap in (" ", ", ", " '", " ’") and (not t.cap or "-" in t.lower))
                or gap in (": ", ":\t")  # a field label: "School: De Wegwijzer"
            )
            and t.lower.endswith(DESCRIPTOR_ENDS)
            and DESCRIPTOR_RE.search(t.lower)
        ):
            last = _name_after(doc, i + 1)
            if last >= 0:
                yield Span(_start_of(doc, i + 1), toks[last].end, "INSTITUTION")
        if (t.cap or t.upper) and HEAD_RE.match(t.lower) and gap in (" ", "! "):
            last = _name_after(doc, i + 1)
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
            lex = doc.lex
            start = t.start
            if prev.cap or prev.upper:
                if prev.lower in lex.first_names or prev.lower in lex.surnames:
                    continue  # "Shana De Vos": a person, see persons.py
                if (
                    doc.joined(i - 1)
                    and not prev.sent_start
                    and "-" not in prev.text  # "GGZ-dienst De Kern": the compound stays outside
                    and prev.cap
                ):
                    start = prev.start
            last = _name_after(doc, i)
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
                and doc.joined(start - 1)
                and (toks[start - 1].cap or toks[start - 1].upper)
            ):
                start -= 1
            yield Span(
                toks[start].start, COMPANY_FORM_RE.match(doc.text, t.end).end(), "INSTITUTION"
            )
        if t.cap and SCHOOL_WORD_RE.search(t.lower) and not doc.lex.word_zipf(t.lower):
            start = i
            while start > 0 and doc.joined(start - 1) and toks[start - 1].cap:
                start -= 1
            yield Span(toks[start].start, t.end, "INSTITUTION")
