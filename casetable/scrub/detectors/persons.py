"""Person names: word lists (Statbel first and family names) weighed against context.

A token is *confirmed* when it is a name and not a Dutch word, or a capitalised unknown word in
mid-sentence; it is a *candidate* when it is also a common word ("Roos", "Storm", "Lieve") and
then needs context: a title or family role before it, an age after it, another name beside it,
quotes, or the same word confirmed elsewhere in the text or in the table.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from operator import attrgetter

from casetable.scrub.context import (
    AREA_WORDS,
    CHAT_WORDS,
    FAMILY,
    HONORIFICS,
    PARTICLES,
    TITLES,
)
from casetable.scrub.detectors.name_words import (
    AFTER_DIE_NAME,
    AGE_AFTER,
    ARCHAIC_PARTICLES,
    CHAT_NAME_CUE_RE,
    COMMON,
    DEMONYM_ENDS,
    DERIVED_ENDS,
    DETERMINERS,
    DOTTED_ABBREVIATIONS,
    FINITE_VERBS,
    FREQUENT_NAMES,
    IMPERATIVE_NEXT,
    INITIALS_BEFORE,
    INITIALS_ONLY_RE,
    NAMING_VERBS,
    NEVER_KNOWN,
    NICKNAME_CUE_RE,
    NICKNAME_CUES,
    NOT_A_CHAT_NAME,
    NOT_AFTER_PARTICLE,
    NOT_AFTER_TITLE,
    ONE_INITIAL_RE,
    QUOTED_RE,
    QUOTES,
    SEASONS,
    SURNAME_COMMON,
    TITLE_ENDS,
    UNKNOWN_AT_START,
)
from casetable.scrub.doc import Doc, Token
from casetable.scrub.spans import Span

NONE, CANDIDATE, CONFIRMED = 0, 1, 2
# "syndroom van X", "ziekte van X": the name after them is a diagnosis, not a person
EPONYM_HEADS = frozenset({"syndroom", "ziekte", "syndroma", "morbus", "afwijking", "anomalie"})
# before an origin noun that is also a name ("Noor", "Pool"): it is the origin
ORIGIN_BEFORE = frozenset(
    {"de", "het", "een", "die", "deze", "geen", "elke", "veel", "wat", "twee", "drie", "vier"}
    | {"vijf", "zes", "enkele", "andere", "jonge", "oude", "sommige", "meerdere", "vele"}
)


def _is_name(doc: Doc, t: Token) -> bool:
    lex = doc.lex
    if t.lower in lex.first_names or t.lower in lex.surnames:
        return True
    if "-" in t.lower:  # Ana-Maria, Vrancken-Chakir: every part a name or an unknown word
        parts = t.lower.split("-")
        return all(p in lex.first_names or p in lex.surnames or not lex.word_zipf(p) for p in parts)
    return False


def _title_before(doc: Doc, i: int) -> bool:
    """A title or family word before token i, skipping surname particles ("dhr De Wolf")."""
    j = i
    while j > 0 and doc.tokens[j - 1].lower in PARTICLES and doc.joined(j - 1):
        j -= 1
    prev = doc.prev_word(j)
    return prev in TITLES or prev in FAMILY or _job_title(doc, prev)


def _job_title(doc: Doc, low: str) -> bool:
    """A compound job title ("thuisbegeleider", "jeugdconsulent") that is no listed name."""
    return (
        len(low) > 6
        and low.endswith(TITLE_ENDS)
        and low not in doc.lex.first_names
        and low not in doc.lex.surnames
    )


def _honorific_before(doc: Doc, i: int) -> bool:
    """After "dhr de", "mevrouw van": an honorific and a particle make a common word a name."""
    j = i
    while j > 0 and doc.tokens[j - 1].lower in PARTICLES and doc.joined(j - 1):
        j -= 1
    return j < i and doc.prev_word(j) in HONORIFICS


def _cap_particle(doc: Doc, j: int) -> bool:
    """Token j is a capitalised surname particle right before the next word ("Van", "De")."""
    t = doc.tokens[j]
    return t.cap and t.lower in PARTICLES and doc.joined(j)


def _particles_before(doc: Doc, i: int) -> int:
    """Index of the first of up to three surname particles right before token i (i if none)."""
    toks, j = doc.tokens, i
    while j > 0 and i - j < 3 and toks[j - 1].lower in PARTICLES and doc.joined(j - 1):
        j -= 1
    return j


def _particle_name(doc: Doc, i: int) -> int:
    """CONFIRMED when token i with the particles before it is a listed family name.

    "Van den Broeck heeft", "Van der Linden woont" (the phrase is in Statbel's family names);
    lowercase only with a particle no Dutch phrase uses and a last word that is no word ("de
    zoon van den bossche"). A listed place wins without a title: "in De Pinte", "naar De Haan".
    """
    j = _particles_before(doc, i)
    if j == i:
        return NONE
    toks, lex = doc.tokens, doc.lex
    t = toks[i]
    phrase = " ".join(x.lower for x in toks[j : i + 1])
    if phrase in lex.places or phrase not in lex.surnames:
        return NONE
    if not t.cap:
        archaic = any(x.lower in ARCHAIC_PARTICLES for x in toks[j:i])
        return CONFIRMED if archaic and not lex.word_zipf(t.lower) else NONE
    if not any(x.cap for x in toks[j:i]) and not any(
        x.lower in ARCHAIC_PARTICLES for x in toks[j:i]
    ):
        return NONE  # "het team van de Velde": a lowercase "van de" before a word
    if toks[j].sent_start and lex.word_zipf(t.lower) and not _verb_after(doc, i):
        return NONE  # "Van Dender tot Schelde"; but "Van de Velde belde"
    return CONFIRMED


def _verb_after(doc: Doc, i: int) -> bool:
    toks = doc.tokens
    return i + 1 < len(toks) and doc.joined(i) and toks[i + 1].lower in FINITE_VERBS


def _chat_cue_before(doc: Doc, i: int) -> bool:
    t = doc.tokens[i]
    return CHAT_NAME_CUE_RE.search(doc.text, max(0, t.start - 32), t.start) is not None


# "met els gebeld": a past participle of talking after "met" and the name
_MET_VERBS = frozenset(
    {"gebeld", "gesproken", "afgesproken", "gemaild", "overlegd", "geappt", "gesmst", "gechat"}
)
_TITLE_QUOTE_RE = re.compile(r"([^\W\d_]+),?\s?\(?['‘\"“]$")


# "leen, hebben jullie al ...?": a message opening with a name, a comma and "jij"/"jullie"
_YOU = frozenset({"je", "jij", "jullie", "jou", "jouw", "u", "uw"})


def _addressed(doc: Doc, i: int) -> bool:
    toks = doc.tokens
    if i != 0 or len(toks) < 3 or not doc.gap(0).startswith(","):
        return False
    return any(x.lower in _YOU for x in toks[1:6])


def _met_name_verb(doc: Doc, i: int) -> bool:
    toks = doc.tokens
    return (
        doc.prev_word(i) == "met"
        and i + 1 < len(toks)
        and doc.joined(i)
        and toks[i + 1].lower in _MET_VERBS
    )


def _quoted_after_title(doc: Doc, t: Token) -> bool:
    """ "zijn broer ('els')": a name in quotes right after a family word or title."""
    text = doc.text
    if not (t.start > 0 and text[t.start - 1] in QUOTES and text[t.end : t.end + 1] in QUOTES):
        return False
    m = _TITLE_QUOTE_RE.search(text, max(0, t.start - 30), t.start)
    return m is not None and m.group(1).lower() in TITLES


def _lower_compound_start(doc: Doc, i: int) -> int:
    """Index of the first particle of a lowercase "op de", "in 't", "van den" before token i."""
    toks = doc.tokens
    j = _particles_before(doc, i)
    if 0 < j < i and toks[j - 1].lower in ("op", "in", "uit") and doc.joined(j - 1):
        j -= 1
    return j


def _after_honorific_lower(doc: Doc, i: int) -> bool:
    """ "dhr. mcgrath", "mvr op de beeck": an honorific, lowercase particles, token i."""
    return doc.prev_word(_lower_compound_start(doc, i)) in HONORIFICS


def _cued_particle_name(doc: Doc, i: int) -> int:
    """Index of the first particle of "die van de smet", "vraag naar van dam": a listed family
    name with its particles after a chat cue; i when there is none."""
    toks = doc.tokens
    for k in range(_particles_before(doc, i), i):  # "die van | de smet": the cue takes "van"
        if " ".join(x.lower for x in toks[k : i + 1]) in doc.lex.surnames and _chat_cue_before(
            doc, k
        ):
            return k
    return i


def _die_name(doc: Doc, i: int) -> bool:
    """ "kan die jan niet betalen?": Flemish chat names a person "die" + first name."""
    toks, t = doc.tokens, doc.tokens[i]
    if doc.prev_word(i) != "die" or not (
        doc.lex.word_zipf(t.lower) < 4.6 or t.lower in FREQUENT_NAMES
    ):
        return False
    if i + 1 == len(toks):
        return True
    gap = doc.gap(i)
    return gap[:1] in (",", "?", "!", ".") or (gap == " " and toks[i + 1].lower in AFTER_DIE_NAME)


def _subject_of_verb(doc: Doc, i: int) -> bool:
    """ "els zei dat", "kim belde": a lowercase first name opening a sentence before a verb."""
    t = doc.tokens[i]
    return (
        t.sent_start
        and (doc.lex.word_zipf(t.lower) < 4.6 or t.lower in FREQUENT_NAMES)
        and _verb_after(doc, i)
    )


# "vorige winter", "deze zomer": a season after a word of time is never a name
_SEASON_BEFORE = frozenset(
    {"vorige", "volgende", "deze", "afgelopen", "komende", "voorbije", "elke", "iedere", "hele"}
)


def _season_time(doc: Doc, i: int) -> bool:
    return doc.tokens[i].lower in SEASONS and doc.prev_word(i) in _SEASON_BEFORE


def _classify(doc: Doc, i: int, known: Callable[[str], bool] | None) -> int:
    t = doc.tokens[i]
    lex = doc.lex
    low = t.lower
    if low.endswith(DERIVED_ENDS) or (
        doc.text.startswith("(", t.end) and doc.text[t.end + 1 : t.end + 2].isalpha()
    ):
        return NONE  # "de OCMW'er", "CLB'ers"; "Ouderenmis(be)handeling", "Ouder(s)"
    z = lex.zipf.get(low, 0.0)
    if not t.cap and not t.upper:
        # lowercase chat: "ilias", "juf hanne", "dhr de wolf"; most tokens leave here
        if (
            low in lex.first_names
            and (z < 5.0 or low in FREQUENT_NAMES)
            and low not in NOT_AFTER_TITLE
            and doc.prev_word(i) in HONORIFICS
        ):
            return CONFIRMED  # "meester wouter", "juf an"
        if len(low) == 2 and low in lex.first_names and doc.prev_word(i) in NAMING_VERBS:
            return CONFIRMED  # "papa heet mo"
        if (
            low in lex.first_names
            and (z < 5.0 or low in FREQUENT_NAMES)
            and low not in NOT_A_CHAT_NAME
            and (
                _chat_cue_before(doc, i)
                or _subject_of_verb(doc, i)
                or _die_name(doc, i)
                or _met_name_verb(doc, i)
                or _quoted_after_title(doc, t)
                or _addressed(doc, i)
            )
        ):
            # "vraag naar els", "bel jan eens", "els zei dat", "die jan niet", "met els
            # gebeld", "zijn broer ('els')"
            return CONFIRMED
        if (
            not z
            and len(low) >= 3
            and low not in PARTICLES
            and low not in lex.never
            and low not in lex.places
            and _after_honorific_lower(doc, i)
            and (
                low in lex.surnames  # "op de beeck"
                or (_particles_before(doc, i) == i and not lex.is_compound(low))
            )  # not "de meester van de zorgklas"
        ):
            return CONFIRMED  # "dhr. mcgrath", "mvr op de beeck": no word after a title
        if z < 5.0 and _cued_particle_name(doc, i) < i:
            return CONFIRMED  # "die van de smet"
        if (
            z >= 5.0
            or len(low) < 3
            or low in PARTICLES
            or low in lex.never
            or low in CHAT_WORDS
            or low in lex.chains  # "bij den aldi": in lowercase the shop, not somebody
        ):
            return NONE
        if not z and low in lex.first_names:
            return CONFIRMED
        if (
            not z
            and len(low) > 4
            and low in lex.surnames
            and low not in lex.places
            and low not in lex.english
            and doc.prev_word(i) not in DETERMINERS
        ):
            return CONFIRMED  # "de dochter van peeters": a family name that is no word
        if not z and _particle_name(doc, i) == CONFIRMED:
            return CONFIRMED  # "de zoon van den bossche"
        if (
            not z
            and len(low) > 5
            and low[-1] == "s"
            and low[:-1] in lex.surnames
            and not lex.word_zipf(low[:-1])
            and doc.prev_word(i) == "de"
        ):
            return CONFIRMED  # "de zoon van de vermeulens": the family by its plural name
        if (
            _is_name(doc, t)
            and _title_before(doc, i)
            and (
                z < COMMON
                or (
                    z < 4.6
                    and (
                        _honorific_before(doc, i)
                        or (
                            low in lex.first_names
                            and low not in lex.english
                            and low not in NOT_AFTER_TITLE
                            and doc.prev_word(i) not in DETERMINERS
                        )
                    )
                )
            )
        ):
            # "dhr de wolf", "mama ellen", "papa dirk"; not "de meester van de klas"
            return CONFIRMED
        if (
            known is not None
            and (not z or (z < 5.0 and low in lex.first_names))
            and doc.prev_word(i) not in DETERMINERS
            and low not in NEVER_KNOWN
            and not _season_time(doc, i)
            and known(low)
        ):
            return CONFIRMED
        return NONE
    if low in lex.never or low in TITLES or low in FAMILY or len(low) < 2 or _job_title(doc, low):
        return NONE
    if i > 1 and doc.prev_word(i) == "van" and doc.prev_word(i - 1) in EPONYM_HEADS:
        return NONE  # "het syndroom van Angelman", "de ziekte van Crohn": a diagnosis
    if low in lex.origin_names and doc.prev_word(i) in ORIGIN_BEFORE:
        return NONE  # "een Noor en een Zweed", "twee Polen": an origin; "Noor komt" is a name
    if "-" in low and any(p[:1].islower() or p.lower() in lex.never for p in t.text.split("-")[1:]):
        return NONE  # a compound such as CLB-collega or Instagram-account, not a double name
    if "-" in low and (head := t.text.split("-", 1)[0]).isupper() and head.lower() in lex.never:
        return NONE  # "OCMW-Raad", "CAW-Team": a service's body, not a person
    name = _is_name(doc, t)
    if t.upper:
        return CONFIRMED if name and _title_before(doc, i) else NONE
    if t.sent_start and not name and z >= 3.0 and low not in lex.places:
        return NONE  # "Het", "Sinds", "Via" opening a sentence (no rule below takes them)
    if (
        i > 0
        and doc.tokens[i - 1].lower in AREA_WORDS
        and doc.prev_word(i) in AREA_WORDS
        and (low not in lex.first_names)
    ):
        return NONE  # "de wijk Kolderbos", "politiezone Rupel": a place (locations.py)
    if i > 0 and doc.tokens[i - 1].lower in PARTICLES:
        if _particle_name(doc, i) == CONFIRMED:
            return CONFIRMED  # "Van den Broeck", "Van der Linden woont"
        j = _particles_before(doc, i)
        if " ".join(x.lower for x in doc.tokens[j : i + 1]) in lex.places and not _title_before(
            doc, i
        ):
            return NONE  # "in De Pinte", "naar De Haan": the town
    if low in lex.places:
        if _title_before(doc, i):
            return CONFIRMED
        if name and i > 0 and _cap_particle(doc, i - 1) and not doc.tokens[i - 1].sent_start:
            return CONFIRMED  # "Optiek Van Damme", "bij De Haan": a family name, not the town
        return CANDIDATE if name else NONE
    if name and not z:
        return CONFIRMED
    if (
        name
        and not t.sent_start
        and (z < COMMON or (z < 5.0 and low in lex.first_names) or low in FREQUENT_NAMES)
    ):
        # a capitalised first name mid-sentence ("is dat Peter,") is a name even when it is
        # also a word; family names that are words (Bakker, Koning) need more context
        return CONFIRMED
    if (
        not z
        and (not t.sent_start or UNKNOWN_AT_START)
        and len(low) > 2  # "Zh", "Bv": abbreviations
        and low not in PARTICLES
        and not low.endswith(DEMONYM_ENDS)
        and low not in doc.lex.english  # "A Way Home", "Mission"
        and not doc.lex.is_compound(low)
    ):
        return CONFIRMED  # capitalised unknown word mid-sentence: a name of anywhere
    if (name or z < 3.0) and _title_before(doc, i):
        return CONFIRMED
    if name or not z or (not t.sent_start and z < 5.0):
        return CANDIDATE  # "Storm", "Vos": a name only with context
    return NONE


def _upgrade(doc: Doc, i: int, state: list[int], known: Callable[[str], bool] | None) -> bool:
    """Context that turns a candidate into a name."""
    t = doc.tokens[i]
    text = doc.text
    z = doc.lex.word_zipf(t.lower)
    if doc.followed_by(i, AGE_AFTER):
        return True
    if _title_before(doc, i) and (z < 3.0 or _is_name(doc, t)):
        return True  # "mama Roos", not "Maatschappelijk Welzijn"
    if t.start > 0 and text[t.start - 1] in QUOTES and text[t.end : t.end + 1] in QUOTES:
        return True
    toks = doc.tokens
    # beside a confirmed name: "Lotte en Roos", "Storm, Noor", "Roos Vermeulen", "Roos De
    # Smet" (a particle itself joins a name in _chains, or not: "In De Pinte")
    nxt = i + 1
    while nxt < len(toks) and nxt - i <= 3 and toks[nxt].lower in PARTICLES and doc.joined(nxt):
        nxt += 1
    if (
        nxt < len(toks)
        and t.lower not in PARTICLES
        and state[nxt] == CONFIRMED
        and doc.joined(i)
        and (
            not t.sent_start
            or doc.lex.word_zipf(t.lower) < 5.0
            or t.lower in doc.lex.first_names  # "Ben Verhoeven (38) woont"
        )
        and (_is_name(doc, t) or not doc.lex.word_zipf(t.lower))
    ):
        return True
    if t.sent_start:
        # "Kim zegt dat ...", "Jan woont in Gent": a first name that is also a word, then a verb;
        # "Wouter zijn broer", "Roos, Storm en Noor", "Dirk en Vera zijn": beside a name
        if (
            i + 1 < len(toks)
            and t.lower in doc.lex.first_names
            and (z < 4.6 or t.lower in FREQUENT_NAMES)
            and (
                (
                    doc.joined(i)
                    and toks[i + 1].lower in FINITE_VERBS
                    and t.lower not in SEASONS  # "Lente is", but "Lente en Noor"
                )
                or (
                    doc.joined(i)
                    and toks[i + 1].lower in ("zijn", "haar")
                    and i + 2 < len(toks)
                    and toks[i + 2].lower in TITLES
                )
                or (doc.gap(i) == ", " and state[i + 1] == CONFIRMED)
                or (
                    doc.joined(i)
                    and toks[i + 1].lower in ("en", "of")
                    and i + 2 < len(toks)
                    and doc.joined(i + 1)
                    and state[i + 2] == CONFIRMED
                )
            )
        ):
            return True
    else:
        if i >= 1 and state[i - 1] == CONFIRMED and doc.gap(i - 1) in (", ", " "):
            return True
        if (
            i >= 2
            and state[i - 2] == CONFIRMED
            and toks[i - 1].lower in ("en", "of")
            and doc.joined(i - 2)
            and doc.joined(i - 1)
        ):
            return True
    # a word the table knows as a name (the costliest test, so the last one)
    return (
        known is not None
        and t.lower not in NEVER_KNOWN
        and not _season_time(doc, i)  # "vorige Winter", even where a Winter is known
        and not (t.sent_start and _imperative(doc, i))  # "Bel gerust", after a "Bel" known
        and known(t.lower)
    )


# Every match of INITIALS_ONLY_RE holds a dot, a capital and a dot: a quick scan that starts at
# the dots (~0.7 us) before the pattern that tries every capital (~5 us a text).
_INITIALS_HINT_RE = re.compile(r"\.[A-Z]\.")


def detect_initials(text: str) -> list[Span]:
    """ "met J.V. gebeld": initials that stand for a person."""
    if _INITIALS_HINT_RE.search(text) is None:
        return []
    return [
        Span(m.start(), m.end(), "PERSON", key=(m.group().casefold(),))
        for m in INITIALS_ONLY_RE.finditer(text)
        if m.group() not in DOTTED_ABBREVIATIONS
    ]


def detect_persons(doc: Doc, known: Callable[[str], bool] | None = None) -> list[Span]:
    """Person names as chains of tokens, numbered later by the pseudonymizer."""
    toks = doc.tokens
    zipf, first, sur = doc.lex.zipf, doc.lex.first_names, doc.lex.surnames
    # tokens out of focus are plain lowercase words (NONE); of the rest, most lowercase words
    # are no name either: decide those without a call
    state = [NONE] * len(toks)
    focus = doc.focus
    places = doc.lex.places
    for i in focus:
        t = toks[i]
        if not t.cap and not t.upper:
            z = zipf.get(t.lower, 0.0)
            if (z >= 5.0 and t.lower not in FREQUENT_NAMES) or (
                z and t.lower not in first and t.lower not in sur
            ):
                continue
        elif (
            t.sent_start
            and t.cap
            and "-" not in t.lower
            and zipf.get(t.lower, 0.0) >= 3.0
            and t.lower not in first
            and t.lower not in sur
            and t.lower not in places
        ):
            continue  # "Het", "Sinds" opening a sentence: _classify's NONE for a common word
        state[i] = _classify(doc, i, known)
    if "." in doc.text:
        _after_initial(doc, state)
    low_text = doc.low
    if any(c in low_text for c in NICKNAME_CUES) and NICKNAME_CUE_RE.search(doc.text):
        _nicknames(doc, state)
    candidates = [i for i in focus if state[i] == CANDIDATE]
    for _ in range(2):
        changed = False
        for i in candidates:
            if state[i] == CANDIDATE and _upgrade(doc, i, state, known):
                state[i] = CONFIRMED
                changed = True
        if not changed:
            break  # _upgrade reads only the states: a second pass would decide the same
    # the same word confirmed once is a name everywhere in this text (a plain word never is:
    # it is lowercase and common)
    names = [i for i in focus if state[i] == CONFIRMED]
    if not names:
        return detect_initials(doc.text) if "." in doc.text else []
    confirmed = {toks[i].lower for i in names}
    for i in focus:
        t = toks[i]
        if (
            state[i] != CONFIRMED
            and t.lower in confirmed
            and t.lower not in PARTICLES
            and (t.cap or doc.lex.word_zipf(t.lower) < 3.0)
            and not (t.sent_start and _imperative(doc, i))
        ):
            state[i] = CONFIRMED
            names.append(i)
    names.sort()
    found = list(_chains(doc, state, names))
    if "." in doc.text:
        found += detect_initials(doc.text)
    return found


def _after_initial(doc: Doc, state: list[int]) -> None:
    """ "B. Nowicka", "K. Öztürk": a capitalised word that is no common Dutch word after one
    initial is a surname, listed or not.

    Only a word that starts one or two characters after a dot can follow an initial, so the
    words looked at are found from the dots (a bisection each) rather than by testing every
    word of the text (~80 of ~3,000 lines run per text before); a capitalised word is always in
    `doc.focus`.
    """
    text, toks, lex = doc.text, doc.tokens, doc.lex
    n = len(toks)
    dot = text.find(".")
    while dot >= 0:
        i = bisect_left(toks, dot + 1, key=_START)
        if i < n:
            t = toks[i]
            if (
                t.start <= dot + 2
                and state[i] != CONFIRMED
                and t.cap
                and not t.upper
                and lex.word_zipf(t.lower) < 3.0
                and t.lower not in lex.never
                and t.lower not in TITLES
                and t.lower not in PARTICLES
                and t.lower not in lex.places
                and ONE_INITIAL_RE.search(text, max(0, t.start - 3), t.start)
            ):
                state[i] = CONFIRMED
        dot = text.find(".", dot + 1)


_START = attrgetter("start")


def _nicknames(doc: Doc, state: list[int]) -> None:
    """Capitalised words in short quotes next to "genoemd", "bijnaam": 'PJ', 'de Rosse'."""
    text, toks = doc.text, doc.tokens
    cues = [m.start() for m in NICKNAME_CUE_RE.finditer(text)]
    for m in QUOTED_RE.finditer(text):
        if not any(m.start() - 40 <= c <= m.end() + 25 for c in cues):
            continue
        for i, t in enumerate(toks):
            if t.start >= m.end(1):
                break
            if (
                t.start >= m.start(1)
                and (t.cap or t.upper)
                and t.lower not in PARTICLES
                and t.lower not in doc.lex.never
            ):
                state[i] = CONFIRMED


def _imperative(doc: Doc, i: int) -> bool:
    """ "Bel gerust", "Vraag eens": a sentence-initial verb, not the name Bel or Vraag."""
    toks = doc.tokens
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is not None and doc.joined(i) and not nxt.cap and nxt.lower in IMPERATIVE_NEXT


def _chain_start(doc: Doc, i: int) -> int:
    """Where a name that ends at token i starts, taking in the particles that belong to it.

    From the first capitalised particle ("Van den Broeck", "van De Smet": not the "van" before
    it), all after an honorific ("mevrouw van den bossche"), or a particle only names use with
    the "van" before it ("de zoon van den Bossche").
    """
    toks = doc.tokens
    j = _particles_before(doc, i)
    if j == i:
        return i
    for k in range(j, i):
        if toks[k].cap:
            return k
    if (k := _lower_compound_start(doc, i)) < j and doc.prev_word(k) in HONORIFICS:
        return k  # "mvr op de beeck"
    if doc.prev_word(j) in HONORIFICS:
        lows = [x.lower for x in toks[j : i + 1]]
        if (
            lows[:-1] == ["van"]
            and lows[-1] in doc.lex.first_names
            and " ".join(lows) not in doc.lex.surnames
        ):
            return i  # "de juf van rayan": "van" is a preposition, only the child's name goes
        return j
    if (k := _cued_particle_name(doc, i)) < i:
        return k
    if toks[i - 1].lower in ARCHAIC_PARTICLES:
        return i - 2 if i - 2 >= j and toks[i - 2].lower in ("van", "von") else i - 1
    return i


def _particle_run_end(doc: Doc, j: int) -> int:
    """The capitalised word after up to three particles from token j, or -1."""
    toks, k = doc.tokens, j
    while k < len(toks) and k - j < 3 and toks[k].lower in PARTICLES and doc.joined(k):
        k += 1
    return k if j < k < len(toks) and toks[k].cap else -1


# Capitalised Flemish particles that are words in lowercase, with what may follow them:
# "Op de Beeck", "Op den Kamp", "In 't Zandt", "Uit den Bogaard", "Ver Eecke".
_COMPOUND_PARTICLES = {
    "op": ("de", "den", "ten", "het", "'t"),
    "in": ("'t", "de", "den", "het"),
    "uit": ("de", "den", "het"),
    "ver": (),
}


def _compound_particle_end(doc: Doc, j: int) -> int:
    """The surname after a capitalised "Op de", "In 't", "Ver" at token j (after a first
    name), or -1; only with a capitalised word that is no common Dutch word after it."""
    toks, n = doc.tokens, len(doc.tokens)
    t = toks[j]
    follow = _COMPOUND_PARTICLES.get(t.lower)
    if follow is None or not t.cap or t.text.isupper() or j + 1 >= n:
        return -1
    k = j + 1
    if doc.gap(j) in (" '", " ’") and toks[k].lower == "t" and "'t" in follow:
        k += 1  # "In 't Zandt": the tokens are "In", "t"
        if k >= n or doc.gap(k - 1) != " ":
            return -1
    elif not doc.joined(j):
        return -1
    elif follow and toks[k].lower in follow and doc.joined(k):
        k += 1
    elif follow:
        return -1
    if k >= n or not toks[k].cap or toks[k].lower in doc.lex.never:
        return -1
    low = toks[k].lower
    if doc.lex.word_zipf(low) >= SURNAME_COMMON and low not in doc.lex.surnames:
        return -1
    return k


def _article_after_particles(doc: Doc, j: int) -> bool:
    """The particles from token j run into an article or a number word ("van het", "Van de
    tweede"): a preposition, never the start of a surname."""
    toks, k = doc.tokens, j
    while k < len(toks) and k - j < 3 and toks[k].lower in PARTICLES and doc.joined(k):
        k += 1
    return k < len(toks) and k > j and toks[k].lower in NOT_AFTER_PARTICLE


_ARTS = frozenset({"de", "den", "der", "'t", "het"})
_STREETISH = ("straat", "baan", "laan", "lei", "weg", "plein", "dreef", "kaai", "markt", "dijk")


def _lower_particle_surname_end(doc: Doc, i: int) -> int:
    """After a lowercase first name at token i, the last token of lowercase particles and a
    word that together are a listed family name ("bart de vos", "lien van dam"), or -1; not
    with a frequent word ("els de man")."""
    toks, lex, n = doc.tokens, doc.lex, len(doc.tokens)
    t = toks[i]
    if t.cap or t.upper or t.lower not in lex.first_names:
        return -1
    k = i + 1
    while k < n and k - i <= 3 and not toks[k].cap:
        # "op de beeck", "in 't zandt": "op"/"in" only before an article
        if not (
            toks[k].lower in PARTICLES
            or (toks[k].lower in ("op", "in") and k + 1 < n and toks[k + 1].lower in _ARTS)
        ):
            break
        if not doc.joined(k - 1):
            return -1
        k += 1
    if k >= n or not doc.joined(k - 1) or toks[k].cap or toks[k].upper:
        return -1
    low = toks[k].lower
    if k == i + 1:  # no particle: a surname that is no word at all ("mcgrath", "peeters")
        unknown = not lex.word_zipf(low) and low not in lex.never and low not in lex.places
        return k if unknown and (low in lex.surnames or low.startswith("mc")) else -1
    if lex.word_zipf(low) >= 5.0 or low in lex.never:
        return -1
    if " ".join(x.lower for x in toks[i + 1 : k + 1]) in lex.surnames:
        return k
    # "bou khalil", "ait lahcen", "op de beeck": particles and a word that is no word
    unknown = not lex.word_zipf(low) and len(low) >= 3 and low not in lex.places
    # not a chain ("kim van den aldi") or a street ("nadia van de turnhoutsebaan")
    unknown = unknown and low not in lex.chains and low not in lex.streets
    unknown = unknown and not low.endswith(_STREETISH)
    return k if unknown and low.isalpha() else -1


def _chains(doc: Doc, state: list[int], confirmed: list[int]):
    toks = doc.tokens
    lex = doc.lex
    n = len(toks)
    after = 0  # the first token not yet in a chain
    for i in confirmed:
        if i < after or (toks[i].lower in PARTICLES and _article_after_particles(doc, i)):
            continue
        start = _chain_start(doc, i)
        end = i
        while end + 1 < n and doc.joined(end):
            nxt = toks[end + 1]
            if nxt.lower in PARTICLES and _article_after_particles(doc, end + 1):
                break  # "meester Jan Van het derde leerjaar": no surname
            if (k := _compound_particle_end(doc, end + 1)) > 0:
                end = k  # "Lotte Op de Beeck", "Sara In 't Zandt", "Bart Ver Eecke"
            elif state[end + 1] == CONFIRMED or (
                nxt.cap
                and nxt.lower not in lex.never
                and nxt.lower not in TITLES
                and lex.word_zipf(nxt.lower) < SURNAME_COMMON
                and nxt.lower not in PARTICLES
            ):
                end += 1
            elif (
                nxt.lower in PARTICLES
                and end + 2 < n
                and doc.joined(end + 1)
                and toks[end + 2].cap
                and toks[end + 2].lower not in lex.never
            ):
                end += 2
            elif (k := _lower_particle_surname_end(doc, end)) > 0:
                end = k  # chat: "bart de vos", "lien van dam"
            elif (k := _particle_run_end(doc, end + 1)) > end + 2 and (
                (state[k] == CONFIRMED and toks[k].lower in lex.surnames)
                or " ".join(x.lower for x in toks[end + 1 : k + 1]) in lex.surnames
            ):
                end = k  # "Storm van de Velde", "Luc Van den Broeck"; not "Sandra van de
                # Meensesteenweg"
            else:
                break
        s = toks[start].start
        # initials before the name end in a dot: no dot just before it, no search
        if "." in doc.text[max(0, s - 9) : s] and (
            m := INITIALS_BEFORE.search(doc.text, max(0, s - 9), s)
        ):
            s = m.start()
        words = tuple(t.lower for t in toks[start : end + 1])
        if words[0] in PARTICLES:  # "De Wolf", "Van Damme": one family name, not first + last
            words = (" ".join(words),)
        yield Span(s, toks[end].end, "PERSON", key=words)
        after = end + 1
