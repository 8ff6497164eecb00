"""The word lists behind the scrubber, loaded once per process from casetable/scrub/data/."""

from __future__ import annotations

import gzip
import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
_SCHEMA = 12  # bump when Lexicon's fields or their building change, so old caches are ignored
_SOURCES = (
    "first_names.txt.gz",
    "surnames.txt.gz",
    "places.txt.gz",
    "streets.txt.gz",
    "postcodes.txt.gz",
    "dutch_words.tsv.gz",
    "never_scrub.txt",
    "origins.txt",
    "neighbourhoods.txt",
    "english_words.txt.gz",
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lowercase (casefolded) lookup sets; `zipf` is the Dutch word frequency of common words."""

    first_names: frozenset[str]
    surnames: frozenset[str]
    places: frozenset[str]
    # first word of a multi-word place -> its longest length in words: {"brugse": 2}
    place_phrases: dict[str, int]
    streets: frozenset[str]
    postcodes: dict[str, frozenset[str]]
    zipf: dict[str, float]
    never: frozenset[str]
    never_phrases: tuple[str, ...]
    english: frozenset[str]
    # never-scrub chains with local branches (a section of never_scrub.txt): "Colruyt Lier"
    chains: frozenset[str]
    # named city neighbourhoods (also in `places`): "op het Kiel", "op de Vaartkom"
    neighbourhoods: frozenset[str] = frozenset()
    # origin nouns that are also names ("noor", "pool", "rus"): an origin after "een"/"twee"
    origin_names: frozenset[str] = frozenset()

    def word_zipf(self, lower: str) -> float:
        """Zipf frequency when `lower` is a common Dutch word, else 0.0."""
        return self.zipf.get(lower, 0.0)

    def is_compound(self, lower: str) -> bool:
        """True for a Dutch compound of two known words (gezinsbond, vlinderboom).

        Capitalised compounds in mid-sentence are organisations or programmes, not people.
        Memoised per word list: the split tries every cut (~20 us a word) and the same
        capitalised words come back in text after text.
        """
        memo = _compound_memo(self.zipf)
        found = memo.get(lower)
        if found is None:
            if len(memo) >= _COMPOUND_MEMO_MAX:
                memo.clear()  # a long-running server meets unboundedly many words
            found = memo[lower] = _is_compound(self.zipf, lower)
        return found


# zipf table id -> (the table, word -> is_compound); the table is held so that its id stays
# its own while the memo lives
_COMPOUND_MEMOS: dict[int, tuple[dict[str, float], dict[str, bool]]] = {}
_COMPOUND_MEMO_MAX = 50_000


def _compound_memo(zipf: dict[str, float]) -> dict[str, bool]:
    """The is_compound memo of one zipf table (a test may build a lexicon of its own)."""
    entry = _COMPOUND_MEMOS.get(id(zipf))
    if entry is None or entry[0] is not zipf:
        entry = _COMPOUND_MEMOS[id(zipf)] = (zipf, {})
    return entry[1]


def _is_compound(zipf: dict[str, float], lower: str, depth: int = 0) -> bool:
    """Two (or three) known words, with a linking s/e/en/er: kinder+rechts+winkel."""
    for cut in range(len(lower) - 4, 2, -1):
        head, tail = lower[:cut], lower[cut:]
        if zipf.get(tail, 0.0) < 2.5:
            continue
        for h in (
            head,
            head[:-1] if head[-1:] in "se" else "",
            head[:-2] if head.endswith(("en", "er")) else "",
        ):
            if len(h) >= 3 and zipf.get(h, 0.0) >= 2.5:
                return True
            if depth == 0 and len(h) >= 7 and _is_compound(zipf, h, 1):
                return True
    return False


def _lines(name: str) -> list[str]:
    path = DATA / name
    raw = gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes()
    return [ln.strip() for ln in raw.decode("utf-8").splitlines() if ln.strip() and ln[0] != "#"]


def _inflect(adj: str) -> str:
    """The attributive form of an origin adjective: Slowaaks -> Slowaakse."""
    # a doubled vowel before one consonant opens: Congolees -> Congolese, Indiaas -> Indiase
    if len(adj) > 3 and adj[-3] == adj[-2] and adj[-2] in "aeou" and adj[-1] not in "aeiou":
        return adj[:-2] + adj[-1] + "e"
    return adj + "e"


# group words after an origin noun in one compound ("Romagemeenschap", "Koerdenfamilies")
GROUP_ENDS = (
    "gemeenschap",
    "gemeenschappen",
    "familie",
    "families",
    "kinderen",
    "gezinnen",
    "jongeren",
    "vrouwen",
    "mannen",
)


def _origin_words() -> tuple[set[str], set[str]]:
    """(adjectives with their inflections, other words) of `origins.txt`, casefolded."""
    adjs: set[str] = set()
    other: set[str] = set()
    for ln in _lines("origins.txt"):
        if ln.startswith("#"):
            continue
        left, _, right = ln.partition("|")
        for adj in left.split():
            adjs.update((adj.casefold(), _inflect(adj).casefold()))
        other.update(w.casefold() for w in right.split())
    plain = str.maketrans("ïëéèöü", "ieeeou")
    return (adjs | {w.translate(plain) for w in adjs}, other | {w.translate(plain) for w in other})


def _short_forms(places: set[str], zipf: dict[str, float]) -> set[str]:
    """Everyday short forms of saint's-name places: "latem" (Sint-Martens-Latem), "leeuw".

    Not when the short form is a very frequent word ("rode" of Sint-Genesius-Rode).
    """
    out = set()
    for p in places:
        parts = p.split("-")
        if (
            len(parts) == 3
            and parts[0] == "sint"
            and len(parts[2]) >= 4
            and zipf.get(parts[2], 0.0) < 5.0
        ):
            out.add(parts[2])
    return out


def _build() -> Lexicon:
    hoods = frozenset(x.casefold() for x in _lines("neighbourhoods.txt"))
    places = set(_lines("places.txt.gz")) | hoods
    phrases: dict[str, int] = {}
    for p in places:
        if " " in p:
            words = p.split()
            phrases[words[0]] = max(phrases.get(words[0], 0), len(words))
    postcodes: dict[str, set[str]] = {}
    for ln in _lines("postcodes.txt.gz"):
        code, _, place = ln.partition("\t")
        postcodes.setdefault(code, set()).add(place)
    zipf: dict[str, float] = {}
    for ln in _lines("dutch_words.tsv.gz"):
        word, _, z = ln.partition("\t")
        zipf[word] = float(z)
    places |= _short_forms(places, zipf)
    never = [x.casefold() for x in _lines("never_scrub.txt")]
    chains, in_chains = set(), False
    for ln in (DATA / "never_scrub.txt").read_text(encoding="utf-8").splitlines():
        if ln.startswith("## "):
            in_chains = ln.startswith("## chains")
        elif in_chains and ln.strip() and not ln.startswith("#"):
            chains.add(ln.strip().casefold())
    first_names = frozenset(_lines("first_names.txt.gz"))
    surnames = frozenset(_lines("surnames.txt.gz"))
    # a chain that is also a name ("Zara", "Torfs") stays a name after "mama" or "mevrouw"
    never = [x for x in never if not (x in chains and (x in first_names or x in surnames))]
    adjs, others = _origin_words()
    names = first_names | surnames
    # an origin noun that is also a name ("Noor", "Pool") is an origin only after an article
    origin_names = {w for w in others if w in names and w not in never}
    never += sorted(adjs | (others - origin_names))
    # "Romagemeenschap", "Roma-families": an origin noun or language with a group word
    never += sorted(
        f"{w}{sep}{end}"
        for w in others
        if " " not in w and len(w) >= 3
        for end in GROUP_ENDS
        for sep in ("", "-")
    )
    return Lexicon(
        first_names=first_names,
        surnames=surnames,
        places=frozenset(places),
        place_phrases=phrases,
        streets=frozenset(_lines("streets.txt.gz")),
        postcodes={k: frozenset(v) for k, v in postcodes.items()},
        zipf=zipf,
        never=frozenset(x for x in never if " " not in x),
        never_phrases=tuple(sorted({x for x in never if " " in x}, key=len, reverse=True)),
        english=frozenset(_lines("english_words.txt.gz")),
        chains=frozenset(chains),
        neighbourhoods=hoods,
        origin_names=frozenset(origin_names),
    )


def _cache_path() -> Path:
    """A pickle next to nothing of ours: keyed by the data files and the Python version."""
    h = hashlib.sha256(f"{sys.version}:{_SCHEMA}".encode())
    for name in _SOURCES:
        st = (DATA / name).stat()
        h.update(f"{name}:{st.st_size}:{st.st_mtime_ns}".encode())
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "casetable" / f"scrub-lexicon-{h.hexdigest()[:16]}.pickle"


@cache
def load_lexicon() -> Lexicon:
    """Build the lexicon once per process; a pickle cache makes later starts fast."""
    try:
        path = _cache_path()
        with open(path, "rb") as f:
            lex = pickle.load(f)  # noqa: S301 - our own cache file, written below
        if isinstance(lex, Lexicon):
            return lex
    except (OSError, pickle.PickleError, EOFError, AttributeError, TypeError, ValueError):
        pass
    lex = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(lex, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home only costs start-up time
    return lex
