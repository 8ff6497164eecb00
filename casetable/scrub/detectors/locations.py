"""Addresses (street + number + bus), postcodes and places from Statbel's address lists."""

from __future__ import annotations

import re
from collections.abc import Iterator

from casetable.scrub.context import AREA_WORDS, PLACE_PREPS, words
from casetable.scrub.detectors.digits import matches_at, occurrences
from casetable.scrub.doc import Doc
from casetable.scrub.spans import Span

# Endings that make a capitalised word a street: Meensesteenweg, Lindenlei, Lagaeplein.
STREET_ENDS = (
    "straat",
    "straatje",
    "steenweg",
    "laan",
    "laantje",
    "lei",
    "plein",
    "pleintje",
    "dreef",
    "weg",
    "wegel",
    "baan",
    "kaai",
    "kade",
    "markt",
    "dijk",
    "singel",
    "vest",
    "kouter",
    "dries",
    "gracht",
    "boulevard",
    "steeg",
    "pad",
    "hof",
    "park",
    "veld",
    "berg",
    "heide",
    "akker",
    "meers",
    "bos",
    "hoek",
    "ring",
    "poort",
    "site",
)
# Last three letters of every ending: a set lookup rules out most words before endswith().
_STREET_TAILS = frozenset(e[-3:] for e in STREET_ENDS)
STREET_END_RE = re.compile(
    r"(?:straat|straatje|steenweg|laan|laantje|lei|plein|pleintje|dreef|weg|wegel|baan|kaai|kade"
    r"|markt|dijk|singel|vest|kouter|dries|gracht|boulevard|steeg|pad|hof|park|veld|berg|heide"
    r"|akker|meers|bos|hoek|ring|poort|site)$"
)
# Endings so generic that the word must also be in the street list.
WEAK_END_RE = re.compile(r"(?:pad|hof|park|veld|berg|heide|akker|meers|bos|hoek|ring|poort|site)$")
# Words that may stand before the last word of a street name: "Koning Albertstraat".
STREET_LEAD = words(
    """
    koning koningin prins prinses graaf gravin generaal kolonel burgemeester pastoor kardinaal
    dokter heilig oude nieuwe groene lange korte grote kleine hoge lage onze-lieve-vrouw sint
    sinte
    """
)
HOUSE_NR_RE = re.compile(
    r"""
    \s?(?:nr\.?\s?)?\d{1,4}(?:\s?[a-zA-Z](?![\w]))?   # 48, 12A, nr. 5
    (?!\d|[.,]\d)
    (?:\s?(?:bus|bte|b\.|/)\s?\d{1,4}[a-zA-Z]?)?      # bus 3, /2
    """,
    re.VERBOSE,
)
# A postcode before a place on the same line; not the last group of a number ("... 4192 6317")
# unless that number is a whole Belgian account number ("BE67 7354 1298 7487 8800 Roeselare")
# or ends a reference ("GNK/2024-0387 8800 Roeselare").
# (The look-behind for a number group comes after the digits, so it runs only on digits.)
_NOT_A_GROUP = r"(?:(?<!(?<![\w./-])\d{4} \d{4})|(?<=(?<!\w)[Bb][Ee]\d\d \d{4} \d{4} \d{4} \d{4}))"
POSTCODE_RE = re.compile(
    rf"(?<![\w.,/-])(?:B-)?([1-9]\d{{3}}){_NOT_A_GROUP}(?=[ \t]+[A-Z'][^\W\d_])"
)
POSTCODE_THEN_RE = re.compile(
    rf"(?<![\w.,/-])(?:B-)?[1-9]\d{{3}}{_NOT_A_GROUP}([ \t]+)(?=[A-Z'][^\W\d_])"
)
# A four-digit number alone: a postcode only with a cue ("postcode 9040", "ze woont in 2140")
# or when it is the postcode of a place named in the same text ("sint-amandsberg ..., 9040").
# Tried only where a run of four digits starts (found by DIGIT_RUN_RE, a fast scan).
LONE_CODE_RE = re.compile(r"(?<![\w.,/€$-])(?<!\d{4} )[1-9]\d{3}(?![\w,.]?\d|\s?(?:%|€|-|/))")


CODE_CUE_RE = re.compile(
    r"(?i)(?:(?P<strong>\bpost(?:code|nummer)s?\b(?:\s(?:is|was|van|:))?)"
    r"|\b(?:woon\w*|wonen|verhuis\w*|verblijf\w*|domicilie\w*)\s(?:\w+\s){0,3}?(?:in|naar))"
    r"[\s:]*$"
)
# Only a present "woont in" makes a number that could be a year a postcode.
PRESENT_CUE_RE = re.compile(r"(?i)\b(?:woont|wonen|woon)\s(?:\w+\s)?in\s$")
NOT_A_CODE_AFTER_RE = re.compile(
    r"\s?(?:euro|eur\b|€|jaar|maand|dagen|km|kilometer|m²|m2|kinderen|mensen|gezinnen|uur"
    r"|keer|stuks|personen|leerlingen|minuten|ste\b|e\b)",
    re.IGNORECASE,
)
# Capitalised, these places are the town: their word frequency comes from the town's name
# (or from a verb, which is never capitalised mid-sentence): "Lokaal Bestuur Gent".
TOWN_WORDS = words(
    """
    gent molenbeek waterloo bouillon tienen menen drongen beringen duffel ranst puurs zulte pelt
    heers gestel boekel putte malle lede bazel leuze heffen essen balen schoten muizen weert
    kapellen
    """
)
# Words before "met"/"van" that make the next capitalised word a place: "de grens met Boom".
NEAR_WORDS = frozenset(
    {"grens", "buurt", "omgeving", "regio", "rand", "kant", "nabijheid", "streek", "richting"}
)
GLUE = frozenset(
    {"de", "het", "den", "der", "ter", "ten", "aan", "op", "van", "in", "t", "en", "bij", "muros"}
)  # "muros": "Borgerhout-extra muros"
# not "te": "te voeren" is a verb
LOWER_PLACE_PREPS = words("in uit naar tussen richting rond nabij vanuit")
# Services named with their town in chat: "het ocmw leeuw", "caw boom"; not a verb with its
# object after the service ("het OCMW schoot de huurwaarborg voor").
SERVICES_BEFORE_PLACE = words("ocmw cpas caw clb jac politiezone gemeente stad")
OBJECT_STARTS = words("de het een deze die dat mijn zijn haar hun onze geen hem ze hen ons mij u")
PLACE_LINKS = (", ", " en ", " of ", " (", " / ", "/", " - ")


FRENCH_STREET_RE = re.compile(
    r"""
    \b(?:Rue|Avenue|Av\.|Chaussée|Boulevard|Bd\.?|Place|Square|Quai|Chemin|Drève|Clos
       |Allée|Impasse|Galerie|Parvis|Rond-point)       # French street types (Brussels, Wallonia)
    \s(?:(?:de\sla|de\sl'|du|des|de|d'|le|la)\s?)?    # an article: Rue de la Croix
    [A-ZÀ-Ý][\w'-]+(?:\s[A-ZÀ-Ý][\w'-]+){0,3}         # the name: Louis Bertrand
    (?:\s\d{1,4}[a-zA-Z]?(?:\s?(?:bus|bte|b\.|/)\s?\d{1,4})?)?  # house number, box
    """,
    re.VERBOSE,
)


# The street types of FRENCH_STREET_RE as plain words: a quick test (the engine skips to the
# capitals they start with) before the full pattern.
FRENCH_HINT_RE = re.compile(
    r"Rue|Avenue|Av\.|Chaussée|Boulevard|Bd|Place|Square|Quai|Chemin|Drève|Clos|Allée|Impasse"
    r"|Galerie|Parvis|Rond-point"
)
NUMBER_NEXT_RE = re.compile(r"\s\d")


def detect_addresses(doc: Doc) -> Iterator[Span]:
    """Street names (Dutch endings, listed names, French types) with house number and box."""
    if FRENCH_HINT_RE.search(doc.text):
        for m in FRENCH_STREET_RE.finditer(doc.text):
            yield Span(m.start(), m.end(), "ADDRESS")
    yield from _dutch_streets(doc)
    low = doc.low
    if doc.runs and (  # the pattern ends in a house number: no digit, no match
        "woon" in low
        or "wonen" in low
        or "adres" in low
        or "verhuis" in low
        or "verblijf" in low
    ):
        # tried only where one of its (lowercase) first words starts, not at every position
        starts = occurrences(doc.text, _LIVING_CUES)
        for m in matches_at(_LOWER_CUED_STREET_RE, doc.text, starts):
            st = m.group("street")
            nr_at = m.start("street") + st.rfind(
                " ", 0, next(k for k, c in enumerate(st) if c.isdigit())
            )
            if not _UNIT_AFTER_RE.match(doc.text, nr_at):  # "woont al op de markt 3 jaar"
                yield Span(m.start("street"), m.end("street"), "ADDRESS")


def _dutch_streets(doc: Doc) -> Iterator[Span]:
    toks, lex = doc.tokens, doc.lex
    text = doc.text
    for i in doc.focus:  # a plain word has no street ending
        t = toks[i]
        low = t.lower
        # without a street ending, only a listed name followed by a house number is a street;
        # the digit that NUMBER_NEXT_RE needs (\d is a decimal) is looked at before the pattern
        if not (low[-3:] in _STREET_TAILS and low.endswith(STREET_ENDS)) and not (
            t.cap
            and text[t.end + 1 : t.end + 2].isdecimal()
            and NUMBER_NEXT_RE.match(text, t.end)
            and _bare_street(doc, i)
        ):
            continue
        m = STREET_END_RE.search(low)
        listed = low in lex.streets
        if m is None or len(low) < m.end() - m.start() + 3:
            # "Grote Markt", "Pas 112": listed street names without a telling ending
            if not (t.cap and _bare_street(doc, i)):
                continue
        elif (
            (not listed or (not t.cap and lex.word_zipf(low)))
            and (WEAK_END_RE.search(low) or not t.cap or lex.word_zipf(low) >= 2.0)
            and not (listed and _lowercase_street(doc, i))
        ):  # lowercase only when listed and no word ("meensesteenweg") or after "in de"
            continue
        elif WEAK_END_RE.search(low) and not NUMBER_NEXT_RE.match(doc.text, t.end):
            continue  # "de Westhoek", "het Zonnepark": a weak ending needs a house number
        start = i
        while (
            start > 0
            and doc.joined(start - 1)
            and toks[start - 1].cap
            and (
                toks[start - 1].lower in STREET_LEAD
                or " ".join(x.lower for x in toks[start - 1 : i + 1]) in lex.streets
            )
        ):
            start -= 1
        end = t.end
        nr = HOUSE_NR_RE.match(doc.text, end)
        if nr and nr.end() > end:
            end = nr.end()
        yield Span(toks[start].start, end, "ADDRESS")


# "woont in de stationsstraat", "van de dorpsstraat": a listed street that is also a word.
STREET_PREPS = words("in van aan op uit naar bij langs")
_STRONG_END_RE = re.compile(r"(?:straat|laan|lei|dreef|steenweg|baan|plein)$")


def _lowercase_street(doc: Doc, i: int) -> bool:
    """A lowercase listed street with a name before its ending after "in de", "van de"..."""
    t, toks = doc.tokens[i], doc.tokens
    m = _STRONG_END_RE.search(t.lower)
    if m is None and not WEAK_END_RE.search(t.lower):
        # other endings only where an address goes: "woont op de vrijdagmarkt"
        m = STREET_END_RE.search(t.lower)
        if m is not None and not _ADDRESS_CUE_RE.search(doc.text, max(0, t.start - 28), t.start):
            return False
    return (
        m is not None
        and m.start() >= 3
        and doc.lex.word_zipf(t.lower) < 4.0
        and i >= 2
        and toks[i - 1].lower in ("de", "den")
        and doc.joined(i - 1)
        and doc.prev_word(i - 1) in STREET_PREPS
    )


# where an address goes: "woont op de", "wonen aan", "adres:", "verhuisd naar de"
_ADDRESS_CUE_RE = re.compile(
    r"(?i)\b(?:woon\w*|woont|wonen|verblijf\w*|verhuisd\w*|gedomicilieerd|adres\w*)"
    r"(?:\s+(?:is|was|wordt))?\s*:?\s+(?:[^\W\d]+\s+){0,3}?"  # "woont op kot in de"
    r"(?:(?:op|aan|in|naar|te)\s+)?(?:(?:de|het|den|'t)\s+)?$"
)
_UNIT_AFTER_RE = re.compile(
    r"(?i)\s\d+\s*(?:jaar|maand|week|weken|dag|dagen|uur|keer|kinderen|euro|€|%)\b"
)
# after a house number, a postcode or "in"/"te" and a capitalised place: "Dorp 23, 2460 ..."
_PLACE_AFTER_NR_RE = re.compile(
    r"\s\d{1,4}[a-zA-Z]?(?:\s?(?:bus|bte)\s?\d{1,4})?(?:,?\s[1-9]\d{3}\s|,?\s(?:in|te)\s[A-Z])"
)
# lowercase in chat where an address goes: "woont op de vrijdagmarkt 12", "adres: grote markt 5"
_LOWER_CUED_STREET_RE = re.compile(
    r"""
    \b(?:woon\w*|wonen|verblijf\w*|verhuisd\w*|gedomicilieerd|adres\w*)
    (?:\s+(?:is|was|wordt))?\s*:?\s+(?:(?:nu|al|nog|er|inmiddels|sindsdien)\s+)?
    (?:(?:op|aan|in|naar|te)\s+)?(?:(?:de|het|den|'t)\s+)?
    (?P<street>(?:(?:grote|kleine|oude|nieuwe|lange|korte|hoge|lage|sint)[\s-])?
      (?:[a-z]{3,}(?:straat|steenweg|laan|lei|plein|dreef|weg|baan|kaai|kade|markt|dijk|singel
         |vest|kouter|dries|gracht|boulevard|steeg|dorp|veld|hof|wegel|dreef)
       |markt|kouter|kaai|dorp|dries|plein|vest)
      \s(?:nr\.?\s?)?\d{1,4}(?:\s?[a-z](?!\w))?(?:\s?(?:bus|bte|b\.|/)\s?\d{1,4}[a-z]?)?)
    (?![\d\w]|[.,]\d)
    """,
    re.VERBOSE,
)
# The words _LOWER_CUED_STREET_RE starts with; the pattern is case-sensitive, so a match starts
# exactly where one of them does (a text with a cue took ~17 us in its finditer, ~3 us now).
_LIVING_CUES = ("woon", "wonen", "verblijf", "verhuisd", "gedomicilieerd", "adres")


_BOX_AFTER_RE = re.compile(r"\s\d{1,4}[a-zA-Z]?\s?(?:bus|bte)\s?\d")
# a house number and then the verb: "(die) aan de Pas 44 woont"
_LIVES_AFTER_RE = re.compile(
    r"\s\d{1,4}[a-zA-Z]?(?:\s?(?:bus|bte)\s?\d{1,4})?\s(?:woon\w*|wonen|verblijf\w*)\b"
)
_STREET_ARTICLE_RE = re.compile(r"\b(?:aan|op|in)\s(?:de|het|den)\s$")


def _bare_street(doc: Doc, i: int) -> bool:
    """A capitalised listed street name without a street ending, followed by a house number."""
    toks, lex = doc.tokens, doc.lex
    t = toks[i]
    if (
        i > 0
        and doc.joined(i - 1)
        and toks[i - 1].cap
        and f"{toks[i - 1].lower} {t.lower}" in lex.streets
    ):
        return True
    if not NUMBER_NEXT_RE.match(doc.text, t.end):
        return False
    box = _BOX_AFTER_RE.match(doc.text, t.end)
    lives_after = _LIVES_AFTER_RE.match(doc.text, t.end) and _STREET_ARTICLE_RE.search(
        doc.text, max(0, t.start - 12), t.start
    )
    cue = _ADDRESS_CUE_RE.search(doc.text, max(0, t.start - 40), t.start)
    if box or lives_after or cue:
        # any capitalised name + house number where an address goes: "woont aan de Heideven
        # 7", "adres: Kouter 23", "Dorp 5 bus 1", "die aan de Pas 44 woont" (lowercase "op
        # de markt" stays)
        low = t.lower
        return (
            (
                low in lex.streets
                or lex.word_zipf(low) < 4.0
                or _PLACE_AFTER_NR_RE.match(doc.text, t.end)  # "woont in de Pas 44 in Geel"
                or box  # "Pas 12 bus 2"
                or lives_after
                # "woont op kot in de Pas 112": a word with a number after the cue and article
                or (cue and cue.group().endswith(("de ", "het ", "den ")))
            )
            and low not in lex.never
            and low not in lex.places  # "woont in Gent 3 jaar"
            and not _UNIT_AFTER_RE.match(doc.text, t.end)
        )
    if t.lower not in lex.streets or t.sent_start or not HOUSE_NR_RE.match(doc.text, t.end):
        return False
    before = doc.text[max(0, t.start - 8) : t.start]
    return lex.zipf.get(t.lower, 0.0) < 3.0 or before.endswith((" de ", " het ", ", ", ": "))


def detect_places(doc: Doc) -> Iterator[Span]:
    """Postcodes and places; a place that is also a Dutch word needs a preposition or a postcode."""
    toks, lex, text = doc.tokens, doc.lex, doc.text
    # the postcode patterns can only start where a run of four or more digits (or "B-" right
    # before one) starts
    starts, lone = [], []
    for s, e in doc.runs:
        if e - s < 4:
            continue
        b = s >= 2 and text[s - 2 : s] == "B-"
        starts.append(s - 2 if b else s)
        # every lone four-digit number, in the list of postcodes or not (it has gaps: 2000)
        if e - s == 4 and not b and (code := LONE_CODE_RE.match(text, s)):
            lone.append(code)
    for m in matches_at(POSTCODE_RE, text, starts):
        yield Span(m.start(), m.end(), "POSTCODE")
    after_code = {m.end() for m in matches_at(POSTCODE_THEN_RE, text, starts)}
    n = len(toks)
    after = 0  # the first token after the last place looked at
    last_place_end = -1
    named: set[str] = set()
    for i in doc.focus:  # a plain word is no place
        if i < after:
            continue
        t = toks[i]
        low = t.lower
        if low not in lex.places and (
            not t.cap
            or (
                low not in lex.place_phrases
                and t.start not in after_code
                and (i == 0 or toks[i - 1].lower not in AREA_WORDS)
            )
        ):
            continue
        end_i = i
        longest = lex.place_phrases.get(low, 0) if t.cap else 0
        for k in range(min(longest, n - i), 1, -1):  # Brugse Poort, Den Haag: longest first
            phrase = toks[i : i + k]
            if (
                all(doc.joined(i + j) for j in range(k - 1))
                and all(x.cap or x.lower in GLUE for x in phrase)  # Den Haag, Wijk aan Zee
                and " ".join(x.lower for x in phrase) in lex.places
            ):
                end_i = i + k - 1
                break
        if _is_place(doc, i, end_i, t.start in after_code, last_place_end):
            yield Span(t.start, toks[end_i].end, "PLACE")
            last_place_end = toks[end_i].end
            if lone:
                named.add(" ".join(x.lower for x in toks[i : end_i + 1]))
        after = end_i + 1
    for m in lone:
        code = m.group()
        if NOT_A_CODE_AFTER_RE.match(text, m.end()) or POSTCODE_RE.match(text, m.start()):
            continue
        if lex.postcodes.get(code, frozenset()) & named:
            yield Span(m.start(), m.end(), "POSTCODE")
            continue
        cue = CODE_CUE_RE.search(text, max(0, m.start() - 40), m.start())
        if cue is not None and "19" <= code[:2] <= "20" and not cue.group("strong"):
            # "ze woonde in 2018 nog thuis": a year; "ze woont in 2018" is where
            cue = PRESENT_CUE_RE.search(text, max(0, m.start() - 25), m.start())
        if cue is not None:
            yield Span(m.start(), m.end(), "POSTCODE")


# "boom en lier liggen niet ver", "van boom naar lier": two places with a verb of lying, or
# "van" one place "naar"/"tot" the other
PLACE_VERBS = words("ligt liggen lag lagen")


def _lower_place_pair(doc: Doc, i: int) -> bool:
    """Token i and a lowercase place after "en"/"of" then "ligt"/"liggen", or "van i naar X"."""
    toks, places = doc.tokens, doc.lex.places
    if i + 2 >= len(toks) or not (doc.joined(i) and doc.joined(i + 1)):
        return False
    link, other = toks[i + 1].lower, toks[i + 2]
    if other.lower not in places or other.cap or other.lower == toks[i].lower:
        return False  # not "van boom tot boom"
    if doc.prev_word(i) in ("de", "het", "een", "die", "deze", "dat"):
        return False  # "een boom en ..."
    if link in ("en", "of"):
        return i + 3 < len(toks) and doc.joined(i + 2) and toks[i + 3].lower in PLACE_VERBS
    return link in ("naar", "tot") and doc.prev_word(i) == "van"


def _object_after(doc: Doc, i: int) -> bool:
    toks = doc.tokens
    return i + 1 < len(toks) and doc.joined(i) and toks[i + 1].lower in OBJECT_STARTS


# "op het Kiel", "uit de Seefhoek": a neighbourhood with its article
HOOD_PREPS = frozenset({"op", "in", "uit", "naar", "rond", "van", "vanuit", "aan", "bij"})


def _is_place(doc: Doc, i: int, end_i: int, after_postcode: bool, last_place_end: int) -> bool:
    """Whether token i (to end_i) names a place here; a place that is also a word needs context."""
    t, lex = doc.tokens[i], doc.lex
    low = t.lower
    if low in lex.never:
        return False
    if t.sent_start and doc.text.startswith(":", doc.tokens[end_i].end) and lex.word_zipf(low):
        return False  # a field label in a list: "Inkomen: leefloon" (but "Kessel-Lo: ...")
    if end_i > i or after_postcode:
        return t.cap
    prev = doc.prev_word(i)
    if low not in lex.places:
        return t.cap and prev in AREA_WORDS  # "de wijk Kolderbos"
    if (
        t.cap
        and low in lex.neighbourhoods
        and prev in ("het", "de", "den")
        and i > 1
        and doc.prev_word(i - 1) in HOOD_PREPS
    ):
        return True  # "op het Kiel", "naar de Luchtbal" (not "de kiel", "een dam")
    z = 0.0 if t.cap and low in TOWN_WORDS else lex.zipf.get(low, 0.0)
    if not z:
        return t.cap or len(low) >= 4
    if not t.cap:
        # a bare noun right after "in"/"naar" is rare in Dutch: "in gent", "naar boom";
        # "tussen mol en geel": the second one beside the first
        return z < 5.0 and (
            prev in LOWER_PLACE_PREPS
            or (prev in AREA_WORDS and low in lex.neighbourhoods)  # "de wijk kiel"
            or (prev in SERVICES_BEFORE_PLACE and not _object_after(doc, i))
            or (last_place_end >= 0 and doc.text[last_place_end : t.start] in (" en ", " of "))
            or _lower_place_pair(doc, i)
        )
    linked = last_place_end >= 0 and doc.text[last_place_end : t.start] in PLACE_LINKS
    if linked or (not t.sent_start and (z < 3.0 or prev in PLACE_PREPS)):
        return True
    toks = doc.tokens
    if prev in ("met", "van") and i > 1 and doc.prev_word(i - 1) in NEAR_WORDS:
        return True  # "de grens met Boom", "de buurt van Lier"
    # "Lier en Geel", "Boom, Rumst": beside a place that is no word
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return (
        nxt is not None
        and nxt.cap
        and doc.gap(i) in PLACE_LINKS
        and nxt.lower in lex.places
        and not lex.word_zipf(nxt.lower)
        and nxt.lower not in lex.never
    )
