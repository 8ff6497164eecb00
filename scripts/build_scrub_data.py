"""Regenerate the scrubber's lookup lists in casetable/scrub/data/ from their public sources.

Run from the repository root (build time only; the app never imports wordfreq or belgian-deduce):

    apt-get install wdutch wamerican           # OpenTaal and SCOWL word lists in /usr/share/dict
    pip download belgian-deduce==5.0.0 --no-deps -d /tmp/dl
    .venv/bin/pip install wordfreq             # Dutch word frequencies (CC BY-SA 4.0 data)
    .venv/bin/python scripts/build_scrub_data.py \
        --deduce-wheel /tmp/dl/belgian_deduce-5.0.0-py3-none-any.whl

Sources and licences are listed in casetable/scrub/data/NOTICE.md.
"""

from __future__ import annotations

import argparse
import gzip
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

LOOKUP = "belgian_deduce/data/lookup/src/"
OUT = Path(__file__).resolve().parent.parent / "casetable" / "scrub" / "data"
# A name token is letters with inner hyphens/apostrophes; anything else in the lists is noise.
NAME_OK = re.compile(r"^[^\W\d_]+(?:[-'’ ][^\W\d_]+)*$")


def read_member(wheel: zipfile.ZipFile, rel: str) -> list[str]:
    """Lines of one lookup file inside the wheel, stripped, without blanks."""
    with wheel.open(LOOKUP + rel) as f:
        return [ln.strip() for ln in f.read().decode("utf-8").splitlines() if ln.strip()]


def write_gz(name: str, lines: Iterable[str]) -> None:
    """Write sorted unique lines, gzip'd with a fixed mtime so rebuilds are byte-identical."""
    data = "\n".join(sorted(set(lines))) + "\n"
    with (
        open(OUT / name, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz,
    ):
        gz.write(data.encode("utf-8"))
    print(f"{name}: {len(set(lines))} lines")


def names(items: list[str], min_len: int = 2) -> set[str]:
    return {x.casefold() for x in items if len(x) >= min_len and NAME_OK.match(x)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--deduce-wheel", required=True, type=Path)
    ap.add_argument("--wordlist", default="/usr/share/dict/dutch", type=Path)
    ap.add_argument("--english", default="/usr/share/dict/american-english", type=Path)
    args = ap.parse_args()
    from wordfreq import zipf_frequency  # build-time only

    wheel = zipfile.ZipFile(args.deduce_wheel)
    first = names(read_member(wheel, "names/lst_first_name/items.txt"))
    last = names(read_member(wheel, "names/lst_surname/items.txt"))
    last |= names(read_member(wheel, "names/lst_interfix_surname/items.txt"))
    places = names(read_member(wheel, "locations/lst_placename/lst_municipality/items.txt"))
    places |= names(read_member(wheel, "locations/lst_placename/lst_postal_locality/items.txt"))
    # Dutch towns (families move across the border; Dutch numbers and BSNs appear too);
    # filtered below against the word list
    residences = names(read_member(wheel, "locations/lst_placename/lst_residence/items.txt"), 3)
    streets = {
        s.casefold()
        for s in read_member(wheel, "locations/lst_street/items.txt")
        if len(s) >= 4 and not s[0].isdigit()
    }
    postcodes = []
    for ln in read_member(wheel, "locations/lst_postal_code_locality/items.txt"):
        code, _, place = ln.partition("\t")
        if re.fullmatch(r"[1-9]\d{3}", code) and NAME_OK.match(place.split(" (")[0]):
            postcodes.append(f"{code}\t{place.split(' (')[0].casefold()}")
    # Common Dutch words: OpenTaal's lowercase entries (proper names there are capitalised),
    # with their wordfreq Zipf frequency so context rules can weigh how "wordy" a name is.
    words = set()
    for ln in args.wordlist.read_text(encoding="utf-8").splitlines():
        if ln and ln[0].islower() and " " not in ln and not ln.endswith("."):
            words.add(ln)
    # A Dutch residence made of everyday words only ("de buurt", "het veld") would turn
    # ordinary phrases into places: keep those with at least one word that is not common.
    glue = {"de", "het", "den", "der", "ter", "ten", "aan", "op", "van", "in", "'t", "en", "bij"}
    places |= {
        r for r in residences if any(w not in words and w not in glue for w in re.split(r"[ -]", r))
    }
    # Everyday short forms of double names: Sint-Jans-Molenbeek -> Molenbeek.
    for p in list(places):
        tail = p.rsplit("-", 1)[-1]
        if "-" in p and len(tail) >= 6 and tail not in first:
            places.add(tail)
    write_gz("first_names.txt.gz", first)
    write_gz("surnames.txt.gz", last)
    write_gz("places.txt.gz", places)
    write_gz("streets.txt.gz", streets)
    write_gz("postcodes.txt.gz", postcodes)
    lexical = first | last | places
    rows = []
    for w in words:
        z = zipf_frequency(w, "nl")
        if z >= 1.0 or w in lexical:
            rows.append(f"{w}\t{z:.1f}")
    # English words that are also first names ("love", "will", "one") are words in chat too,
    # unless the Dutch list knows them as a capitalised name (John, David) and they are not
    # among the most frequent English words ("just", "will").
    nl_caps = {
        ln for ln in args.wordlist.read_text(encoding="utf-8").splitlines() if ln[:1].isupper()
    }
    for ln in args.english.read_text(encoding="utf-8").splitlines():
        if not ln.islower() or ln not in first or ln in words:
            continue
        z_en = zipf_frequency(ln, "en")
        if ln.capitalize() not in nl_caps or z_en >= 5.5:
            rows.append(f"{ln}\t{max(z_en, 1.0):.1f}")
    write_gz("dutch_words.tsv.gz", rows)
    # Everyday English words: capitalised in mid-sentence they name programmes ("A Way Home",
    # "Housing First"), not people.
    english = [
        ln
        for ln in args.english.read_text(encoding="utf-8").splitlines()
        if ln.isalpha() and ln.islower() and len(ln) > 2 and zipf_frequency(ln, "en") >= 3.0
    ]
    write_gz("english_words.txt.gz", english)


if __name__ == "__main__":
    main()
