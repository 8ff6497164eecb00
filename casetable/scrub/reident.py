"""Re-identification warning: quasi-identifiers whose *combination* can single out a family.

Names are gone after scrubbing, yet "Eritrese alleenstaande vader van een vijfling in een kleine
gemeente" still points at one family. `assess()` finds such phrases (ages, origin, diagnoses,
family size and structure, occupation, small-place hints, distinctive events) in already
scrubbed text and proposes a Dutch generalisation for each. It only warns; it never rewrites.

Pure Python, no Flask: lexicons live in `data/reident_lexicon.json` and are compiled once.
Each phrase has a weight, roughly log10 of how many times smaller the group of families sharing
it becomes; independent traits multiply rarity, so weights add up, and the sum sets the level.
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casetable.scrub.types import PLACEHOLDER_RE

LEVELS: tuple[str, ...] = ("geen", "laag", "verhoogd", "hoog")
# Score floors per level. One kind of trait alone never reaches "hoog": the level is meant to rise
# with the combination, and a single rare trait is better named than alarmed about.
_FLOORS: tuple[tuple[float, str], ...] = ((5.0, "hoog"), (3.0, "verhoogd"), (1.0, "laag"))
_MASK = "\ue000"  # placeholders are masked with a private-use char: same offsets, never a word
_DATA = Path(__file__).with_name("data") / "reident_lexicon.json"


@dataclass(frozen=True, slots=True)
class Finding:
    """One phrase that narrows the group, where it stands, and a broader way to say it."""

    kind: str
    phrase: str
    start: int
    end: int
    suggestion: str
    weight: float

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "phrase": self.phrase,
            "start": self.start,
            "end": self.end,
            "suggestion": self.suggestion,
            "weight": self.weight,
        }


_KIND_LABELS: dict[str, tuple[str, str]] = {
    "age": ("leeftijd", "age"),
    "origin": ("herkomst", "origin"),
    "diagnosis": ("diagnose", "diagnosis"),
    "family_size": ("gezinsgrootte", "family size"),
    "family_structure": ("gezinsvorm", "family structure"),
    "occupation": ("beroep", "occupation"),
    "place_hint": ("plaatsaanwijzing", "place hint"),
    "event": ("gebeurtenis", "event"),
}


@dataclass(frozen=True, slots=True)
class ReidentificationReport:
    """The level of re-identification risk and the findings behind it, for the facilitator.

    The message quotes phrases from the (scrubbed) text: show it, do not log it.
    """

    level: str
    findings: tuple[Finding, ...]
    score: float = 0.0

    def message(self, lang: str = "nl") -> str:
        """One sentence explaining the level, in Dutch ("nl") or English ("en")."""
        if lang not in ("nl", "en"):
            raise ValueError("lang must be 'nl' or 'en'")
        distinct = _distinct(self.findings)
        if not distinct:
            return (
                "Geen kenmerken gevonden die het gezin herkenbaar maken."
                if lang == "nl"
                else "No characteristics found that make the family recognisable."
            )
        top = sorted(distinct, key=lambda f: (-f.weight, f.start))[:3]
        quoted = _join([f'"{f.phrase}"' for f in sorted(top, key=lambda f: f.start)], lang)
        example = f'"{top[0].phrase}" → "{top[0].suggestion}"'
        one = len(distinct) == 1
        if lang == "nl":
            few = f"Het kenmerk {quoted} verkleint" if one else f"De kenmerken {quoted} verkleinen"
            rare = f"Het zeldzame kenmerk {quoted}" if one else f"De combinatie van {quoted}"
            return {
                "geen": f"Enkel {'een gewoon kenmerk' if one else 'gewone kenmerken'} ({quoted});"
                " de kans op herkenning is klein.",
                "laag": f"{few} de groep wat; het risico op herkenning is laag.",
                "verhoogd": f"{rare} kan het gezin herkenbaar maken; overweeg algemenere woorden,"
                f" bijvoorbeeld {example}.",
                "hoog": f"{rare} maakt het gezin waarschijnlijk herkenbaar; maak de tekst algemener"
                f" voor je hem deelt, bijvoorbeeld {example}.",
            }[self.level]
        few = (
            f"The characteristic {quoted} narrows"
            if one
            else f"The characteristics {quoted} narrow"
        )
        rare = f"The rare characteristic {quoted}" if one else f"Together, {quoted}"
        return {
            "geen": f"Only {'a common characteristic' if one else 'common characteristics'}"
            f" ({quoted}); the risk of recognition is small.",
            "laag": f"{few} the group a little; the risk of recognition is low.",
            "verhoogd": f"{rare} may make the family recognisable; consider more general wording,"
            f" for example {example}.",
            "hoog": f"{rare} probably {'identifies' if one else 'identify'} the family; generalise"
            f" the text before sharing it, for example {example}.",
        }[self.level]

    def to_json(self) -> dict[str, object]:
        return {
            "level": self.level,
            "score": round(self.score, 2),
            "findings": [f.to_json() for f in self.findings],
            "message": {"nl": self.message("nl"), "en": self.message("en")},
        }


def _join(items: list[str], lang: str) -> str:
    """'a', 'a en b', 'a, b en c' (or 'and')."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + (" en " if lang == "nl" else " and ") + items[-1]


def _distinct(findings: tuple[Finding, ...]) -> list[Finding]:
    """One finding per (kind, phrase): saying "Eritrese" twice narrows nothing further."""
    seen: dict[tuple[str, str], Finding] = {}
    for f in findings:
        seen.setdefault((f.kind, f.phrase.lower()), f)
    return list(seen.values())


# --- lexicons ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: str
    weight: float
    suggestion: str
    always: bool = True  # occupations only count when attributed to someone, unless always


def _inflect(adj: str) -> str:
    """Dutch attributive -e: 'Marokkaans' -> 'Marokkaanse', 'Eritrees' -> 'Eritrese'."""
    return re.sub(r"([aeou])\1s$", r"\1se", adj) if re.search(r"([aeou])\1s$", adj) else adj + "e"


def _load(path: Path = _DATA) -> tuple[dict[str, _Entry], dict[str, _Entry], dict[str, Any]]:
    """Term tables (case-folded and case-sensitive) and the raw data, from the JSON lexicon."""
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    folded: dict[str, _Entry] = {}
    exact: dict[str, _Entry] = {}

    def add(term: str, entry: _Entry, case_sensitive: bool = False) -> None:
        table, key = (exact, term) if case_sensitive else (folded, term.casefold())
        table.setdefault(" ".join(key.split()), entry)

    for o in raw["origin"]:
        region = o["region"]
        sugg = "van buitenlandse herkomst" + (f" (of: uit {region})" if region else "")
        entry = _Entry("origin", o["weight"], sugg)
        forms = list(o["terms"])
        if o["adj"]:
            forms += [_inflect(o["adj"])] + ([] if o.get("inflected_only") else [o["adj"]])
        for t in forms:
            add(t, entry)
    for d in raw["diagnosis"]:
        for t in d["terms"]:
            entry = _Entry("diagnosis", d["weight"], d["suggestion"])
            add(t, entry, d.get("case_sensitive", False))
    for oc in raw["occupation"]:
        entry = _Entry("occupation", oc["weight"], oc["suggestion"], oc.get("always", False))
        for t in oc["terms"]:
            add(t, entry, t.isupper())
    return folded, exact, raw


_FOLDED, _EXACT, _RAW = _load()
_COMPOUND = tuple(
    (t.casefold(), _Entry("diagnosis", d["weight"], d["suggestion"]))
    for d in _RAW["diagnosis"]
    if d.get("compound")
    for t in d["terms"]
)
_MAX_WORDS = max(len(k.split()) for k in (*_FOLDED, *_EXACT))
_COMPOUND_SUFFIXES = tuple(t for t, _ in _COMPOUND)
_MULTI_FIRST = {k.split()[0].casefold() for k in (*_FOLDED, *_EXACT) if " " in k}
_STARTERS = _MULTI_FIRST | set(_FOLDED)
_NUMWORDS: dict[str, int] = _RAW["number_words"]
_COUNT_WORDS = {v: k for k, v in _NUMWORDS.items()}
_EPONYMS: dict[str, list[Any]] = _RAW["eponyms"]  # name -> [weight, suggestion]


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: str
    pattern: re.Pattern[str]
    triggers: tuple[str, ...]  # a rule only runs when one of these is in the lowercased text
    weight: float
    suggestion: str


_RULES = tuple(
    _Rule(kind, re.compile(r["pattern"], re.I), tuple(r["triggers"]), r["weight"], r["suggestion"])
    for kind in ("family_structure", "place_hint", "event")
    for r in _RAW[kind]
)

# --- patterns ---------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?")
_NUM = r"(?:\d{1,3}(?:,5|½)?|anderhalf|" + "|".join(sorted(_NUMWORDS, key=len, reverse=True)) + ")"
_AGE_RE = re.compile(
    rf"""
    (?<![\w.,/+-])                                   # not the tail of a number, date or range
    (?P<nums>{_NUM}(?:\s*(?:,|\ben\b|&)\s*{_NUM})*)  # 15 | 2, 5 en 9
    (?P<unit>\s?-?\s?jarig(?:e|en)?\b                # 15-jarige, vijftienjarige
      | \s*(?:jaar|jaren|jr\.?|j\.?)(?:\s+oud)?\b    # 15 jaar (oud), (15j)
      | \s*(?:maanden|maand|mnd\.?)(?:\s+oud)?\b      # 8 maanden
      | \s*(?:weken|week)\b(?:\s+oud\b)?)?           # 6 weken
    (?![\w-])
""",
    re.I | re.X,
)
_DIGITS_RE = re.compile(r"(?<!\d)\d")
_NUMBER_STARTERS = (*_NUMWORDS, "anderhalf")  # "vijftienjarige" starts with "vijftien" too
_BIRTH_RE = re.compile(r"\bgeboren in (?:19|20)\d\d\b|°\s?(?:19|20)\d\d\b", re.I)
_COUNT_RE = re.compile(
    rf"""
    (?<![\w-])(?P<n>\d{{1,2}}|{"|".join(_NUMWORDS)})\s+
    (?:eigen\s+|jonge\s+|minderjarige\s+|kleine\s+)?
    (?:kinderen|kids|zonen|zoons|dochters|broers\ en\ zussen|broers|zussen|kleinkinderen)\b
""",
    re.I | re.X,
)
_MULTIPLE_RE = re.compile(  # tweeling, tweelingen, tweelingbroer
    r"\b(?P<w>"
    + "|".join(_RAW["multiples"])
    + r")(?:en|broer(?:tje)?|zus(?:je)?|zussen|broers)?\b",
    re.I,
)
_EPONYM_RE = re.compile(
    rf"\b(?:ziekte|syndroom) van (?P<a>{_MASK}+|[^\W\d_][\w'-]+)"
    r"|\b(?P<b>[^\W\d_][\w-]*?)-?syndroom\b",
    re.I,
)
# "bij De Lijn": capitalised, so "[instelling]" and "bij de buren" stay out
_EMPLOYER_RE = re.compile(
    r"\s+(?:bij|voor)\s+(?:(?:de|het)\s+)?[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*){0,3}"
)
_WORKS_AT_RE = re.compile(
    r"\bwerk(?:t|te|en|ten)\s+(?:al\s+\w+\s+jaar\s+)?(?:bij|voor)\s+(?:(?:de|het)\s+)?"
    r"(?P<e>[A-Z][\w'&-]*)(?:\s+[A-Z][\w'&-]*){0,3}"
)
_SERVICES = {"OCMW", "CAW", "CLB", "VDAB", "CKG", "GGZ", "Kind", "Huis", "Sociaal", "Opgroeien"}

_WORDS_RE = re.compile(rf"[\w']+|{_MASK}+|[(:,]")
_TRANSPARENT = {
    "bijna",
    "pas",
    "amper",
    "net",
    "nog",
    "maar",
    "ongeveer",
    "circa",
    "ca",
    "nu",
    "intussen",
    "inmiddels",
    "al",
    "reeds",
    "zowat",
    "ruim",
    "zo'n",
    "toen",
    "ook",
}
_AGE_BEFORE = {
    "is",
    "was",
    "wordt",
    "werd",
    "zijn",
    "waren",
    "worden",
    "werden",
    "van",
    "op",
    "leeftijd",
    "(",
    ":",
    ",",
}
_DURATION_BEFORE = {
    "sinds",
    "voor",
    "na",
    "gedurende",
    "over",
    "binnen",
    "per",
    "elke",
    "om",
    "tijdens",
    "afgelopen",
    "laatste",
    "voorbije",
    "eerste",
    "komende",
    "de",
    "het",
    "een",
    "tussen",
    "dan",
    "vanaf",
    "tot",
    "meer",
    "minder",
}
_DURATION_AFTER = {
    "geleden",
    "lang",
    "later",
    "eerder",
    "terug",
    "daarna",
    "voordien",
    "nadien",
    "na",
    "in",
    "hier",
    "getrouwd",
    "samen",
    "gescheiden",
    "weg",
    "werkloos",
    "bezig",
    "aan",
    "op",
    "bij",
    "zonder",
    "ziek",
    "thuis",
    "verder",
    "tijd",
    "gevangenis",
    "cel",
    "zwanger",
    "wachten",
    "gewacht",
    "geleefd",
    "gewerkt",
    "gewoond",
    "uit",
    "opgenomen",
    "ervaring",
    "hulpverlening",
    "begeleiding",
}
_DURATION_NOUNS = {
    "straf",
    "gevangenisstraf",
    "celstraf",
    "contract",
    "periode",
    "termijn",
    "wachttijd",
    "schuld",
    "verblijf",
    "huurcontract",
    "lening",
    "afbetaling",
    "afbetalingsplan",
    "opleiding",
    "studie",
    "cursus",
    "traject",
    "project",
    "relatie",
    "huwelijk",
    "samenwerking",
    "garantie",
    "programma",
    "begeleiding",
    "ervaring",
    "plan",
    "verblijfsvergunning",
    "vergunning",
    "wachtlijst",
    "onderzoek",
    "procedure",
    "behandeling",
    "opname",
    "duur",
    "looptijd",
}
_NOT_AGE_AFTER = {
    "euro",
    "eur",
    "procent",
    "keer",
    "uur",
    "uren",
    "dagen",
    "dag",
    "kinderen",
    "kind",
    "kg",
    "km",
    "cm",
    "minuten",
    "per",
    "maal",
    "op",
    "x",
    "nachten",
    "van",
    "uit",
    "tot",
    "hoog",
}  # "hij is 1 van de 3 kinderen"
_KIN = {
    "zoon",
    "zoontje",
    "dochter",
    "dochtertje",
    "kind",
    "kindje",
    "kinderen",
    "kids",
    "baby",
    "jongen",
    "jongetje",
    "meisje",
    "meisjes",
    "jongens",
    "broer",
    "broertje",
    "broers",
    "zus",
    "zusje",
    "zussen",
    "oudste",
    "jongste",
    "middelste",
    "tweeling",
    "drieling",
    "moeder",
    "mama",
    "vader",
    "papa",
    "ouders",
    "oma",
    "opa",
    "grootmoeder",
    "grootvader",
    "man",
    "vrouw",
    "partner",
    "stiefvader",
    "stiefmoeder",
    "pleegkind",
    "tiener",
    "peuter",
    "kleuter",
    "jongere",
    "zonen",
    "dochters",
}
_LANGUAGE_USE = {
    "les",
    "lessen",
    "taal",
    "taalles",
    "cursus",
    "tolk",
    "vertaling",
    "versie",
    "ondertiteling",
    "ondertitels",
    "keuken",
    "school",
}
_PERSONS = _KIN | {"hij", "ze", "zij", "die"}
_ATTRIB = {
    "is",
    "was",
    "werkt",
    "werkte",
    "werken",
    "werkten",
    "als",
    "beroep",
    "job",
    "zelfstandig",
    "zelfstandige",
    "voormalig",
    "gewezen",
    "vroeger",
    "ex",
}
_DETERMINERS = {
    "de",
    "het",
    "hun",
    "haar",
    "zijn",
    "onze",
    "ons",
    "jullie",
    "mijn",
    "je",
    "uw",
    "die",
    "deze",
    "dat",
    "naar",
    "bij",
    "met",
    "door",
    "aan",
    "van",
    "voor",
    "geen",
}


def assess(text: str) -> ReidentificationReport:
    """Find quasi-identifiers in scrubbed text and rate how recognisable their combination is."""
    masked = PLACEHOLDER_RE.sub(lambda m: _MASK * len(m.group()), text)
    low = masked.lower()
    starts = _number_starts(masked, low)
    found = [
        *_ages(masked, low, starts),
        *_terms(masked),
        *_counts(masked, low, starts),
        *_eponyms(masked, low),
        *_rules(masked, low),
        *_works_at(masked, low),
    ]
    findings = tuple(
        Finding(kind, text[s:e], s, e, sugg, round(w, 2))
        for s, e, kind, sugg, w in _without_overlaps(found)
    )
    distinct = _distinct(findings)
    score = sum(f.weight for f in distinct)
    level = next((name for floor, name in _FLOORS if score >= floor), "geen")
    if level == "hoog" and len({f.kind for f in distinct}) < 2:
        level = "verhoogd"
    return ReidentificationReport(level, findings, score)


_Cand = tuple[int, int, str, str, float]  # start, end, kind, suggestion, weight


def _without_overlaps(found: list[_Cand]) -> list[_Cand]:
    """Where spans of one kind overlap keep the heaviest, then the longest ("ziekte van
    Huntington" over "Huntington"), so one phrase is not counted twice. Spans of different kinds
    may nest: "de enige Eritrese familie van het dorp" is both an origin and a place hint."""
    kept: dict[str, tuple[list[int], list[_Cand]]] = {}  # kind -> sorted disjoint starts, spans
    for cand in sorted(found, key=lambda c: (-c[4], c[0] - c[1], c[0])):
        starts, spans = kept.setdefault(cand[2], ([], []))
        i = bisect.bisect_right(starts, cand[0])
        if (i and spans[i - 1][1] > cand[0]) or (i < len(spans) and spans[i][0] < cand[1]):
            continue
        starts.insert(i, cand[0])
        spans.insert(i, cand)
    return sorted(c for _, spans in kept.values() for c in spans)


def _prev_words(masked: str, pos: int, n: int = 4) -> list[str]:
    """The last n words (and ( : , marks) before pos, lowercased, nearest last."""
    return [w.lower() for w in _WORDS_RE.findall(masked, max(0, pos - 60), pos)][-n:]


def _next_word(masked: str, pos: int) -> str:
    m = re.match(r"\s*([\w'%]+)", masked[pos : pos + 40])
    return m.group(1).lower() if m else ""


# --- ages -------------------------------------------------------------------------------------


def _age_label(years: float) -> tuple[str, str, float]:
    """(singular, plural, weight) of the age band that replaces an exact age."""
    bands = (
        (1, "een baby", "baby's", 0.5),
        (4, "een peuter", "peuters", 0.5),
        (6, "een kleuter", "kleuters", 0.5),
        (12, "een schoolkind", "schoolkinderen", 0.5),
        (18, "een tiener", "tieners", 0.5),
        (25, "een jongvolwassene", "jongvolwassenen", 0.4),
    )
    for upper, one, many, w in bands:
        if years < upper:
            return one, many, w
    if years >= 65:
        return "een oudere", "ouderen", 0.4
    decade = ("twintig", "dertig", "veertig", "vijftig", "zestig")[int(years) // 10 - 2]
    return f"een {decade}er", f"{decade}ers", 0.3


def _number(tok: str) -> float | None:
    tok = tok.lower().replace("½", ",5")
    if tok == "anderhalf":
        return 1.5
    if tok in _NUMWORDS:
        return float(_NUMWORDS[tok])
    try:
        return float(tok.replace(",", "."))
    except ValueError:
        return None


def _is_age(masked: str, m: re.Match[str], unit: str, several: bool) -> bool:
    """Tell an age from a duration or another number by the words around it."""
    after = _next_word(masked, m.end())
    before = [w for w in _prev_words(masked, m.start()) if w not in _TRANSPARENT]
    prev = before[-1] if before else ""
    prev2 = before[-2] if len(before) > 1 else ""
    closed = re.match(r"\s*\)", masked[m.end() :]) is not None
    if unit == "jarig":
        return after not in _DURATION_NOUNS
    if unit and m.group("unit").rstrip().lower().endswith("oud"):
        return True
    if after in _DURATION_AFTER or prev in _DURATION_BEFORE:
        return False
    if prev2 in _DURATION_NOUNS or _number(prev2) is not None:  # "de wachttijd is 3 jaar"
        return False
    person = prev2 in _PERSONS or prev2.startswith(_MASK)
    if unit in ("maand", "week"):  # months are mostly durations: only with a person in sight
        return prev in _KIN or prev.startswith(_MASK) or person
    if unit:
        return prev in _AGE_BEFORE or prev in _KIN or prev.startswith(_MASK) or closed
    if after in _NOT_AGE_AFTER or (after and _number(after) is not None):
        return False
    if prev == "(" and closed:  # "zoon (15)", "[persoon 2] (15)", "(2, 5 en 9)"
        return person or several or _capitalised_before(masked, m)
    return prev in {"is", "was", "van", "werd", "wordt", "zijn", ":"} and person


def _capitalised_before(masked: str, m: re.Match[str]) -> bool:
    """A name-like word right before "(15)" ("Mo (15)"): the scrubber may have kept it."""
    before = masked[max(0, m.start() - 30) : m.start()]
    return re.search(r"\b[A-Z][a-z]+\s*\(\s*$", before) is not None


def _number_starts(masked: str, low: str) -> list[int]:
    """Where a number (digits or a Dutch number word) starts: the only places ages and counts can.

    str.find per number word beats a regex or a token loop several times over.
    """
    found = [m.start() for m in _DIGITS_RE.finditer(masked)]
    for word in _NUMBER_STARTERS:
        k = low.find(word)
        while k >= 0:
            if k == 0 or not low[k - 1].isalnum():
                found.append(k)
            k = low.find(word, k + 1)
    return sorted(set(found))


def _age_matches(masked: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """Try the age pattern only where a number starts: scanning every position costs 5x more."""
    done = 0
    for start in starts:
        if start < done:
            continue
        m = _AGE_RE.match(masked, start)
        if m:
            done = m.end()
            yield m


def _ages(masked: str, low: str, starts: list[int]) -> Iterator[_Cand]:
    for m in _age_matches(masked, starts):
        raw_unit = (m.group("unit") or "").strip().lower()
        unit = (
            "jarig"
            if "jarig" in raw_unit
            else "maand"
            if raw_unit.startswith("m")
            else "week"
            if raw_unit.startswith("we")
            else "jaar"
            if raw_unit
            else ""
        )
        nums = [
            _number(t)
            for t in re.split(r"\s*(?:,\s|,$|\ben\b|&)\s*", m.group("nums").strip())
            if t.strip(", ")
        ]
        values = [n for n in nums if n is not None]
        if not values or max(values) > 110 or not _is_age(masked, m, unit, len(values) > 1):
            continue
        if unit in ("maand", "week"):
            values = [v / 12 if unit == "maand" else v / 52 for v in values]
        labels = [_age_label(v) for v in values]
        start, end = m.start(), m.end()
        wrap = re.search(r"\(\s*$", masked[max(0, start - 3) : start])
        close = re.match(r"\s*\)", masked[end:])
        if wrap and close:
            start, end = start - len(wrap.group()), end + len(close.group())
        weight = sum(w for _, _, w in labels)
        yield start, end, "age", _describe(labels), round(weight, 2)
    for m in _BIRTH_RE.finditer(masked) if "geboren" in low or "°" in low else ():
        yield (m.start(), m.end(), "age", "(geboortejaar weglaten; noem de leeftijdsgroep)", 0.6)


def _describe(labels: list[tuple[str, str, float]]) -> str:
    """'een peuter, twee schoolkinderen en een tiener', in order of first appearance."""
    counts: dict[tuple[str, str], int] = {}
    for one, many, _ in labels:
        counts[(one, many)] = counts.get((one, many), 0) + 1
    parts = [
        one if n == 1 else f"{_COUNT_WORDS.get(n, str(n))} {many}"
        for (one, many), n in counts.items()
    ]
    return _join(parts, "nl")


# --- lexicon terms: origin, diagnosis, occupation ----------------------------------------------


def _lookup(token: str) -> _Entry | None:
    entry = _EXACT.get(token) or _FOLDED.get(token.casefold())
    if entry is None and " " not in token:
        low = token.casefold()
        entry = next((e for suffix, e in _COMPOUND if low.endswith(suffix)), None)
    return entry


def _terms(masked: str) -> Iterator[_Cand]:
    # Fast path: findall (plain strings, no match objects) picks the few tokens that can start a
    # term; positions are only looked at for those.
    starts = [
        i
        for i, w in enumerate(_TOKEN_RE.findall(masked))
        if w in _EXACT
        or (low := w.casefold()) in _STARTERS
        or "-" in low
        or low.endswith(_COMPOUND_SUFFIXES)
    ]
    if not starts:
        return
    toks = [m.span() for m in _TOKEN_RE.finditer(masked)]
    i = 0
    for i0 in starts:
        if i0 < i:
            continue
        i = i0
        hit = None
        first = masked[toks[i][0] : toks[i][1]]
        longest = _MAX_WORDS if first.casefold() in _MULTI_FIRST else 1
        for n in range(min(longest, len(toks) - i), 0, -1):
            span = toks[i : i + n]
            if any(not masked[a[1] : b[0]].isspace() for a, b in itertools.pairwise(span)):
                continue
            s, e = span[0][0], span[-1][1]
            entry = _lookup(" ".join(masked[s:e].split()) if n > 1 else first)
            if entry:
                hit = (s, e, entry, n)
                break
        if hit is None and "-" in masked[toks[i][0] : toks[i][1]]:  # "Belgisch-Marokkaanse"
            s0 = toks[i][0]
            for part in re.finditer(r"[^-]+", masked[toks[i][0] : toks[i][1]]):
                entry = _lookup(part.group())
                if entry and entry.kind != "occupation":
                    yield (
                        s0 + part.start(),
                        s0 + part.end(),
                        entry.kind,
                        entry.suggestion,
                        entry.weight,
                    )
        if hit is None:
            continue
        s, e, entry, n = hit
        i += n
        if entry.kind == "origin" and _next_word(masked, e) in _LANGUAGE_USE:
            continue  # "Franse les" is about a language course, not about where someone is from
        if entry.kind != "occupation":
            yield s, e, entry.kind, entry.suggestion, entry.weight
            continue
        emp = _EMPLOYER_RE.match(masked, e)
        if emp or _attributed(masked, s, e, entry):
            end = emp.end() if emp else e
            yield s, end, "occupation", entry.suggestion, entry.weight + (0.6 if emp else 0.0)


def _attributed(masked: str, s: int, e: int, entry: _Entry) -> bool:
    """An occupation counts when it is somebody's job ("vader is buschauffeur"), not when it is
    a professional around the case ("de huisarts verwijst door")."""
    if entry.always:
        return True
    before = _prev_words(masked, s, 3)
    if before and before[-1] in _DETERMINERS:
        return False
    if re.match(r"\s+van beroep\b", masked[e:], re.I):
        return True
    return bool(_ATTRIB.intersection(before)) or (bool(before) and before[-1] == ",")


def _works_at(masked: str, low: str) -> Iterator[_Cand]:
    if "werk" not in low:
        return
    for m in _WORKS_AT_RE.finditer(masked):
        if m.group("e") not in _SERVICES:
            yield m.start(), m.end(), "occupation", "werkt bij een werkgever in de regio", 1.0


# --- family size, eponymous diseases, pattern rules ---------------------------------------------


def _counts(masked: str, low: str, starts: list[int]) -> Iterator[_Cand]:
    if any(w in low for w in ("kinder", "kids", "zonen", "zoons", "dochters", "broers", "zussen")):
        for m in filter(None, (_COUNT_RE.match(masked, i) for i in starts)):
            n = int(m.group("n")) if m.group("n").isdigit() else _NUMWORDS[m.group("n").lower()]
            if n >= 5:
                weight = min(3.0, 0.8 + 0.4 * (n - 5))
                yield m.start(), m.end(), "family_size", "een groot gezin", weight
    if "ling" not in low:
        return
    for m in _MULTIPLE_RE.finditer(masked):
        weight, sugg = _RAW["multiples"][m.group("w").lower()]
        yield m.start(), m.end(), "family_size", sugg, weight


def _eponyms(masked: str, low: str) -> Iterator[_Cand]:
    if "syndroom" not in low and "ziekte van" not in low:
        return
    for m in _EPONYM_RE.finditer(masked):
        name = m.group("a") or m.group("b")
        key = name.lower()
        if m.group("a") and not (name[0].isupper() or name[0] == _MASK or key in _EPONYMS):
            continue  # "ziekte van de moeder" is no named disease
        weight, sugg = _EPONYMS.get(key, (3.0, "een ernstige chronische aandoening"))
        yield m.start(), m.end(), "diagnosis", sugg, weight


def _rules(masked: str, low: str) -> Iterator[_Cand]:
    # A substring search is ~100 times cheaper than a regex scan: a rule runs only in windows
    # around its trigger words, so a 2,000-character vignette costs a few short scans.
    for rule in _RULES:
        seen: set[tuple[int, int]] = set()
        for lo, hi in _windows(low, rule.triggers):
            for m in rule.pattern.finditer(masked, lo, hi):
                if m.span() not in seen:
                    seen.add(m.span())
                    yield m.start(), m.end(), rule.kind, rule.suggestion, rule.weight


def _windows(low: str, triggers: tuple[str, ...]) -> list[tuple[int, int]]:
    """Merged spans reaching 40 characters before and 150 after each trigger occurrence."""
    spans: list[tuple[int, int]] = []
    for t in triggers:
        k = low.find(t)
        while k >= 0:
            spans.append((max(0, k - 40), min(len(low), k + len(t) + 150)))
            k = low.find(t, k + 1)
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged
