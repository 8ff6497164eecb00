"""Institutions named before their kind ("Jessa Ziekenhuis") and employers known by name alone.

`institutions.py` finds names after a descriptor or head word ("basisschool De Vlinderboom",
"AZ Delta"); this module adds the other order, where the kind comes last ("OLV Ziekenhuis",
"Sint-Lodewijk College", "Heilig Hart Ziekenhuis"), and chains and employers from the list in
`data/never_scrub.txt` ("werkt bij Colruyt"), which pin a family down as much as any firm.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from casetable.scrub.context import FAMILY, TITLES, words
from casetable.scrub.detectors.institutions import LEADERS, WORK_CUES
from casetable.scrub.doc import Doc
from casetable.scrub.spans import Span

# Kinds that may close a facility's name: "Jessa Ziekenhuis", "Sint-Jan Basisschool".
TAIL_KINDS = words(
    """
    ziekenhuis kliniek polikliniek instituut college atheneum lyceum basisschool school
    middenschool kleuterschool hogeschool academie rusthuis woonzorgcentrum
    """
)
# Substrings of every TAIL_KINDS word: a text without any has no such name.
_TAIL_STEMS = ("ziekenhuis", "kliniek", "instituut", "college", "atheneum", "lyceum", "school")
_TAIL_STEMS += ("academie", "rusthuis", "zorgcentrum")
# Articles before the name stay outside it ("het OLV Ziekenhuis").
_ARTICLES = frozenset({"de", "den", "het", "'t", "’t"})
# Adjectives that make a kind, not a name ("het Algemeen Ziekenhuis", "Stedelijk Lyceum");
# "Sint", "Heilig" and "Onze-Lieve-Vrouw" do open names.
_GENERIC = LEADERS - {"sint", "heilig", "onze-lieve-vrouw"}
# Before these a capitalised word + kind is a kind of facility: "een Nederlandstalige school".
_INDEFINITE = frozenset({"een", "geen", "elke", "iedere", "andere", "zo'n", "welke"})
_LANGUAGE_ENDS = ("talige", "talig")
# A capitalised word at the start of a sentence that is this common is a word before the kind
# ("Dat Ziekenhuis", "Ons College"), not a name.
_COMMON_AT_START = 4.0


def detect_tail_names(doc: Doc) -> Iterator[Span]:
    """ "OLV Ziekenhuis", "het Jessa ziekenhuis": capitalised words before a kind of facility."""
    toks, lex = doc.tokens, doc.lex
    if not any(kind in doc.low for kind in _TAIL_STEMS):
        return
    for i in doc.focus:
        if i == 0 or toks[i].lower not in TAIL_KINDS or not doc.joined(i - 1):
            continue
        start = i
        while start > 0 and doc.joined(start - 1):
            t = toks[start - 1]
            if (
                not (t.cap or t.upper)
                or t.lower in _ARTICLES
                or t.lower in TITLES
                or t.lower in FAMILY
                or t.lower in lex.never
                or t.lower in TAIL_KINDS
            ):
                break
            start -= 1
            if t.sent_start:
                break
        core = [t for t in toks[start:i] if t.lower not in _GENERIC and t.lower != "sint"]
        if not core:
            continue  # "het Universitair Ziekenhuis", "Psychiatrisch Ziekenhuis": a kind
        if doc.prev_word(start) in _INDEFINITE or any(
            t.lower.endswith(_LANGUAGE_ENDS) for t in core
        ):
            continue  # "een Nederlandstalige school", "elke Katholieke school": a kind
        first = toks[start]
        if (
            start == i - 1
            and first.sent_start
            and first.cap
            and lex.word_zipf(first.lower) >= _COMMON_AT_START
        ):
            continue  # "Dat Ziekenhuis belde"
        yield Span(first.start, toks[i].end, "INSTITUTION")


@lru_cache(maxsize=4)
def _first_words(chains: frozenset[str]) -> frozenset[str]:
    """First words of the two-word chains ("albert" of "albert heijn")."""
    return frozenset(c.split()[0] for c in chains if " " in c)


def _work_before(doc: Doc, i: int) -> bool:
    """A work word earlier in the sentence: "werkt ... bij", "ontslagen bij", "job bij"."""
    toks = doc.tokens
    for k in range(i - 1, max(-1, i - 13), -1):
        if toks[k].lower in WORK_CUES:
            return True
        if toks[k].sent_start:
            break
    return False


# Words for one person (not "ze", "zijn": also plural): a text with them is about somebody.
SOMEBODY_RE = re.compile(
    r"\b(?:hij|zij|hem|mama|papa|moeder|vader|zoon|zoontje|dochter|dochtertje|jongen|meisje"
    r"|mevrouw|meneer|mvr|dhr|broer|zus|oma|opa|vriend|vriendin|partner|echtgeno(?:ot|te)"
    r"|stiefvader|stiefmoeder|tante|nonkel|oom|baby|cliënt|client|cliënte)\b"
)


# Words before a chain's name that make it the shop or employer: "bij de Aldi", "naar Okay".
SHOP_CUES = words("de den d bij in naar van voor aan uit via")


def detect_chains(doc: Doc, names_someone: bool) -> Iterator[Span]:
    """ "werkt bij Colruyt", "bij de Delhaize", "via Start People": a chain or large employer.

    Only where it can pin a family down: in a text about somebody (it names somebody,
    `names_someone`, or speaks of "hij", "mama", "de zoon"...), or after a work word in the
    same sentence; a policy note's "gezinnen kopen in de Action" keeps the chain. A name that
    is no Dutch or English word and nobody's name ("Colruyt", "Lidl", "IKEA") is one anywhere,
    in any case; the others ("Okay", "Gamma", "Aldi", "Zara") only after "de", "bij", "in",
    "naar"..., and in lowercase only when not a frequent word ("bij de spar").
    """
    toks, lex = doc.tokens, doc.lex
    chains = lex.chains
    n = len(toks)
    about: bool | None = names_someone or None  # found out when a chain is seen

    def about_someone() -> bool:
        nonlocal about
        if about is None:
            about = SOMEBODY_RE.search(doc.low) is not None
        return about

    firsts = _first_words(chains)
    for i in doc.focus:
        t = toks[i]
        low = t.lower
        if (
            low in firsts
            and i + 1 < n
            and doc.joined(i)
            and (t.cap or t.upper)
            and f"{low} {toks[i + 1].lower}" in chains
        ):
            if (toks[i + 1].cap or toks[i + 1].upper or doc.prev_word(i) in SHOP_CUES) and (
                about_someone() or _work_before(doc, i)
            ):
                yield Span(t.start, toks[i + 1].end, "INSTITUTION")  # "Albert Heijn"
            continue
        if low not in chains or not (about_someone() or _work_before(doc, i)):
            continue
        distinct = not (
            lex.word_zipf(low)
            or low in lex.english
            or low in lex.first_names
            or low in lex.surnames
        )
        if distinct or (
            doc.prev_word(i) in SHOP_CUES
            and not toks[i - 1].sent_start  # "De Randstad is dichtbevolkt"
            and (t.cap or t.upper or lex.word_zipf(low) < 4.0)
        ):
            yield Span(t.start, t.end, "INSTITUTION")


# "die zit op de klimboom": a pupil "zit op" a school; only with a rare word (not "zit op de
# bank", "op de wachtlijst").
_ATTENDS = frozenset({"zit", "zat", "zitten", "zaten"})
_SCHOOL_ZIPF = 2.5
_ARTICLE_GAPS = (" ", " '", " ’")  # "op de", "op 't"
# A saint's name is the school's name without its article: "op de [sint-lodewijk]".
_SAINTLY = ("sint-", "st-", "heilig-", "olv", "onze-lieve-vrouw")


def detect_attended_schools(doc: Doc) -> Iterator[Span]:
    """ "hij zit op de vlinderboom": a lowercase school name after "zit op de"."""
    toks, lex = doc.tokens, doc.lex
    if " op " not in doc.text or ("zit" not in doc.low and "zat" not in doc.low):
        return
    for i in doc.focus:
        t = toks[i]
        if (
            i < 3
            or t.cap
            or t.upper
            or len(t.lower) < 5
            or toks[i - 1].lower not in ("de", "het", "t")
            or toks[i - 2].lower != "op"
            or toks[i - 3].lower not in _ATTENDS
            or lex.word_zipf(t.lower) >= _SCHOOL_ZIPF
            or t.lower in lex.places
            or t.lower in lex.never
            or t.lower in TITLES
            or not (doc.joined(i - 3) and doc.gap(i - 2) in _ARTICLE_GAPS and doc.joined(i - 1))
        ):
            continue
        if toks[i - 1].lower == "het" or t.lower.startswith(_SAINTLY):
            yield Span(t.start, t.end, "INSTITUTION")  # "op het [sint-jozef]": not the article
            continue
        start = toks[i - 1].start
        if toks[i - 1].text == "t" and start > 0 and doc.text[start - 1] in "'’":
            start -= 1
        yield Span(start, t.end, "INSTITUTION")  # the article goes too, as in "de klimop"
