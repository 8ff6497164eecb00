"""Structured identifiers found by pattern and then validated, so a dossier number is no phone."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import phonenumbers
from stdnum import iban as std_iban
from stdnum.be import bis as be_bis
from stdnum.be import nn as be_nn
from stdnum.nl import bsn as nl_bsn

from casetable.scrub.context import words
from casetable.scrub.detectors.digits import Runs, digit_runs, matches_at, occurrences
from casetable.scrub.spans import Span

_TRAIL = ".,;:!?)]}'\"»"

EMAIL_RE = re.compile(
    r"""
    (?<![\w.+-])
    [A-Za-z0-9][A-Za-z0-9._%+-]*      # local part
    @
    [A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)* # domain labels
    \.[A-Za-z]{2,}                    # top-level domain
    """,
    re.VERBOSE,
)

URL_RE = re.compile(
    r"""
    (?<![\w@./-])
    (?:
        https?://[^\s<>"]+                          # explicit scheme
      | www\.[^\s<>"]+                              # www. without scheme
      | [A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*           # bare domain ...
        \.(?:com|be|nl|org|net|eu|info|io|me|ly|gl|tv|fr|de|uk)
        (?:/[^\s<>"]*|\b)                           # ... with a path or alone
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)

HANDLE_RE = re.compile(
    r"""
    (?<![\w@.])
    @[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?   # @name.of_someone (no trailing dot)
    (?![\w@])
    """,
    re.VERBOSE,
)

IBAN_RE = re.compile(
    r"""
    (?<![\w])
    [A-Za-z]{2}[ ]?\d{2}             # country code and check digits ("BE 49 5230 ...")
    (?:[ ]?[A-Za-z0-9]{4}){2,7}      # groups of four, spaces optional
    (?:[ ]?[A-Za-z0-9]{1,3})?        # short last group
    (?![\w])
    """,
    re.VERBOSE,
)

OLD_BE_ACCOUNT_RE = re.compile(r"(?<![\w-])(\d{3})-(\d{7})-(\d{2})(?![\w-])")

NATIONAL_ID_RE = re.compile(
    r"""
    (?<![\w.,/-])
    \d{2}[.\s]?\d{2}[.\s]?\d{2}      # birth date YY MM DD (BIS: month + 20 or + 40)
    [-.\s]?\d{3}                     # serial number
    [-.\s]?\d{2}                     # check digits
    (?![\w]|[.,/-]\d)
    """,
    re.VERBOSE,
)

NATIONAL_ID_SHAPE_RE = re.compile(r"\d\d\.\d\d\.\d\d-\d{3}[.-]\d\d")  # 79.07.28-061.31
NATIONAL_ID_CUE_RE = re.compile(r"(?i)\b(?:rrn|insz|rijksregister\w*|bis|ssin|nn)\b")

BSN_RE = re.compile(
    r"""
    (?<![\w.,/-])
    [1-9]\d{3}[.\s]?\d{2}[.\s]?\d{3} # Dutch BSN, nine digits (a leading 0 is a phone number)
    (?![\w]|[.,/-]\d)
    """,
    re.VERBOSE,
)

PHONE_RE = re.compile(
    r"""
    (?<![\w+/.,-])
    (?:
        (?:\+|00)[1-9]\d{0,2}        # international: +32 / 0032 / +40
        (?:[\s.-]?\(0\))?            # optional (0) that some people keep
        (?:[\s./-]{0,3}\d){6,12}     # subscriber number, any grouping: 478 / 21 36 54
      |
        0[1-9]                       # national: trunk 0 and area or mobile prefix
        (?:[\s./-]{0,3}\d){6,9}
    )
    (?![\w]|[.,/-]\d)
    """,
    re.VERBOSE,
)

PLATE_RE = re.compile(
    r"""
    (?<![\w-])
    (?:
        [1-9][-\s]?[A-Z]{3}[-\s]?\d{3}   # Belgian plate since 2010: 1-ABC-123, 1ABC123
      | [1-9]-?[a-z]{3}-?\d{3}           # the same typed in lowercase chat
      | (?P<old>[A-Z]{3}-?\d{3}|[a-z]{3}-?\d{3})  # older ABC-123, kzp481 (near a vehicle word)
        # with spaces, only near a vehicle word: older ABC 123, British BV 07 FRD
      | (?P<spaced>[A-Z]{3}\x20\d{3}(?!\x20?\d) | [A-Z]{2}\x20?\d{2}\x20[A-Z]{3})
        # French SIV (AB-123-CD) and Dutch sidecodes with a group of three: 12-ABC-3,
        # 1-ABC-23, AB-123-C, A-123-BC, ABC-12-D, A-12-BCD, 1-AB-234, 123-AB-4
      | (?P<foreign>[A-Z]{2}-\d{3}-[A-Z]{2}
      | \d{2}-[A-Z]{3}-\d | \d-[A-Z]{3}-\d{2} | [A-Z]{2}-\d{3}-[A-Z] | [A-Z]-\d{3}-[A-Z]{2}
      | [A-Z]{3}-\d{2}-[A-Z] | [A-Z]-\d{2}-[A-Z]{3} | \d-[A-Z]{2}-\d{3} | \d{3}-[A-Z]{2}-\d)
        # Dutch sidecodes of three pairs (XX-99-XX, 99-XX-99...): only near a vehicle word
      | (?P<pairs>(?=[A-Z\d-]{8}(?![\w-]))(?=.{0,5}[A-Z])(?=.{0,5}\d)
          (?:[A-Z]{2}|\d{2})-(?:[A-Z]{2}|\d{2})-(?:[A-Z]{2}|\d{2}))
    )
    (?![\w-])
    """,
    re.VERBOSE,
)
_CASE_CUE_BEFORE_RE = re.compile(r"(?i)(?:dossier|nummer|nr|ref|kenmerk|pv|rol)\w*\W*$")
VEHICLE_CONTEXT_RE = re.compile(
    r"(?i)(nummerplaat|plaat|kenteken|auto|wagen|voertuig|camionette|ingeschreven|moto|brommer"
    r"|\b(?:opel|volkswagen|vw|renault|peugeot|citro[eë]n|ford|toyota|bmw|audi|mercedes|fiat"
    r"|skoda|seat|dacia|kia|hyundai|nissan|volvo|mazda|tesla|suzuki|honda|golf|polo|corsa"
    r"|clio|astra|bestelwagen|busje)\b)"
)

CASE_ID_CONTEXT_RE = re.compile(
    r"""
    (?i:(?:dossier|nummer(?!plaat))\w*  # spijbeldossier, rolnummer
       |\b(?:referentie\w*|referte|ref|kenmerk|pv|nr)\b\.?)
    [^.!?\n\d]{0,40}?                # a few words: "bij het CLB is", "onder", ": "
    (?<![\w./-])
    (?P<id>[A-Za-z0-9]+(?:[./-][A-Za-z0-9]+)+|\d{5,}|\d{1,4}[A-Za-z]{1,3}\d{2,})
    (?![\w])
    """,
    re.VERBOSE,
)
# Begins with the character class (and checks the character before it afterwards), so that the
# regex engine skips to capitals and digits instead of trying every position.
CASE_ID_SHAPE_RE = re.compile(
    r"""
    [A-Z0-9](?<![\w./-].)           # no word character, dot, slash or dash before it
    [A-Z0-9]*(?:[./-][A-Z0-9]+){2,}  # three or more groups: GNK/2024-0387, AN.24.JE.1132
    (?![\w]|[./-]\w)
    """,
    re.VERBOSE,
)
# ... with at least one capital letter (checked on each match of CASE_ID_SHAPE_RE)
_HAS_CAPITAL_RE = re.compile(r"[A-Z0-9./-]*[A-Z]")
_NOT_AN_ID_AFTER = re.compile(r"\s*(?:euro|eur|€|%|jaar|uur|procent|km|kg)\b", re.IGNORECASE)


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    return end


def detect_email(text: str) -> Iterator[Span]:
    """E-mail addresses (cheap skip when the text has no @)."""
    if "@" not in text:
        return
    for m in EMAIL_RE.finditer(text):
        yield Span(m.start(), m.end(), "EMAIL")


# A top-level domain after a dot: with "://" and "www." (plain substring tests) the hint that a
# text may hold a web address at all. A pattern that starts with a literal dot is a fast scan.
TLD_HINT_RE = re.compile(r"\.(?i:com|be|nl|org|net|eu|info|io|me|ly|gl|tv|fr|de|uk)\b")


# "insta: sofie_123", "zijn tiktok is noah.vdb": a handle after the name of a network.
SOCIAL_RE = re.compile(
    r"""
    (?i:\b(?:insta(?:gram)?|facebook|fb|tiktok|snapchat|snap|twitter|threads|telegram)
        (?:[\s-]?(?:account|profiel|pagina|naam|handle))?
        (?:\s?(?P<colon>:|=)\s?|\s?is\s?|\s(?:als|onder)\s|\s?(?P<paren>\()|\s))
    (?P<handle>@?[A-Za-z0-9_.]{3,30}[A-Za-z0-9_])   # "insta: x", "op TikTok als x", "account x"
    """,
    re.VERBOSE,
)
# after "insta:" or in "Snapchat (x)" a name of any shape is the handle, but not these words
_NOT_HANDLES = words(
    """geen niet nee neen ja onbekend privé prive gesloten gewist verwijderd idem zie via
    ook nog wel enkel alleen soms vaak niks niets weg account profiel pagina"""
)
# "anas.elo17", "noor.vdb_2": a user name without a network word (letters, a dot or underscore,
# letters ending in digits); not an abbreviation with a number ("art.12", "nr.5", "blz.4")
BARE_HANDLE_RE = re.compile(
    r"(?<![\w@./-])(?P<first>[A-Za-z]{3,})[._][A-Za-z]+[A-Za-z0-9]*\d(?![\w@]|[.,]?\w)"
)
_BARE_HANDLE_HINT_RE = re.compile(r"[._][A-Za-z][A-Za-z0-9]*\d")
_FILE_RE = re.compile(
    r"(?i)\.(?:pdf|docx?|xlsx?|pptx?|odt|txt|csv|jpe?g|png|gif|heic|zip|mp[34]|mov|eml|msg)$"
)
_ABBREVIATIONS = words(
    """art nr blz tel gsm hfst max min bijv vgl fig afb tab par bijl str bus ref versie
    ver vers dossier nummer pag"""
)
# "op Insta is hij anas.elo17", "haar account lisa.vdb_03": a few words between the network (or
# "account") and a name that joins parts with "." or "_" or carries digits.
SOCIAL_LOOSE_RE = re.compile(
    r"""
    (?i:\b(?:insta(?:gram)?|facebook|fb|tiktok|snapchat|snap|twitter|threads|telegram
           |account|profiel)\b)
    [^\S\n]?:?(?:[^\S\n]+[^\W\d]+){0,3}?[^\S\n]+
    (?P<handle>@?[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+|@?[A-Za-z]{2,}\d+)(?![\w@]|\.\w)
    """,
    re.VERBOSE,
)
# A user name with an underscore anywhere: "lisa_2009", "mila_xo" (Dutch words have none).
UNDERSCORE_HANDLE_RE = re.compile(
    r"(?<![\w@./-])[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*(?:_[A-Za-z0-9]*)+(?:\.[A-Za-z0-9]+)*(?![\w@])"
)


# "linktr.ee/fleur.zorgmama": a domain with any top-level domain, followed by a path; not
# single-letter abbreviations ("o.a./", "bv./") or a file name ("verslag.pdf/")
_KNOWN_TLDS = words("com be nl org net eu info io me ly gl tv fr de uk")
_TLD_SLASH_RE = re.compile(r"\.[A-Za-z]{2,6}/\w")
BARE_PATH_URL_RE = re.compile(
    r"(?<![\w@./-])(?P<domain>[A-Za-z0-9][A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,6})"
    r"/\w[^\s<>\"]*"
)

_SOCIAL_CUES = ("insta", "face", "fb", "tiktok", "snap", "twitter", "threads", "telegram")
# the loose handle pattern also runs after these (besides the social cues)
_ACCOUNT_CUES = ("account", "profiel")


def detect_url(text: str) -> Iterator[Span]:
    """Web addresses, @handles and handles named after a network ("insta: x_y")."""
    low = text.lower()
    social = any(cue in low for cue in _SOCIAL_CUES)
    named = set()
    for m in SOCIAL_RE.finditer(text) if social else ():
        handle = m.group("handle")
        # a name of a network's user: "@x", "x_y", "x.y", "x123"; not "op Facebook 2024"
        shaped = handle.startswith("@") or any(c in handle for c in "._0123456789")
        closed = m.group("paren") and text.startswith(")", m.end("handle"))
        if (
            shaped
            or ((m.group("colon") or closed) and handle.casefold() not in _NOT_HANDLES)
        ) and any(c.isalpha() for c in handle):
            named.add(m.start("handle"))
            yield Span(m.start("handle"), m.end("handle"), "URL")
    loose = social or any(cue in low for cue in _ACCOUNT_CUES)
    for m in SOCIAL_LOOSE_RE.finditer(text) if loose else ():
        handle = m.group("handle")
        # not an abbreviation of single letters ("i.v.m", "o.a"): a part of two letters or more
        if m.start("handle") not in named and max(map(len, re.split(r"[._]", handle))) >= 2:
            named.add(m.start("handle"))
            yield Span(m.start("handle"), m.end("handle"), "URL")
    # the cheap scan first: a "." or "_", letters, a digit ("x.y17") before the full pattern
    for m in BARE_HANDLE_RE.finditer(text) if _BARE_HANDLE_HINT_RE.search(text) else ():
        if m.start() not in named and m.group("first").casefold() not in _ABBREVIATIONS:
            named.add(m.start())
            yield Span(m.start(), m.end(), "URL")
    if "_" in text:
        for m in UNDERSCORE_HANDLE_RE.finditer(text):
            if (
                m.start() not in named
                and any(c.isalpha() for c in m.group())
                and not _FILE_RE.search(m.group())  # "verslag_2023.pdf" is a file
            ):
                yield Span(m.start(), m.end(), "URL")
    if "@" in text:
        for m in HANDLE_RE.finditer(text):
            yield Span(m.start(), m.end(), "URL")
    if "/" in text and _TLD_SLASH_RE.search(text):
        for m in BARE_PATH_URL_RE.finditer(text):
            domain = m.group("domain")
            # URL_RE below takes the known top-level domains and "www."
            if not _FILE_RE.search(domain) and not (
                domain.rpartition(".")[2].lower() in _KNOWN_TLDS
                or domain[:4].lower() == "www."
            ):
                end = _trim(text, m.start(), m.end())
                yield Span(m.start(), end, "URL")
    if "://" not in text and "www." not in low and not TLD_HINT_RE.search(text):
        return
    for m in URL_RE.finditer(text):
        end = _trim(text, m.start(), m.end())
        if end - m.start() > 4:
            yield Span(m.start(), end, "URL")


# The Belgian and Dutch layouts are distinctive enough to scrub even with a mistyped check.
IBAN_SHAPE_RE = re.compile(
    r"(?i)BE ?\d{2}(?: ?\d{4}){3}|NL ?\d{2} ?[A-Z]{4}(?: ?\d{4}){2} ?\d{2}"
)


# Letters as ISO 7064 reads them (A=10 ... Z=35); digits stay.
_TO_BASE10 = {ord(c): str(i) for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 10)}


def _mod97(compact: str) -> bool:
    """The IBAN check digits (mod 97 = 1): a quick test before python-stdnum's full one."""
    return int((compact[4:] + compact[:4]).translate(_TO_BASE10)) % 97 == 1


@lru_cache(maxsize=4096)
def _valid_iban(compact: str) -> bool:
    """The quick check digits, then python-stdnum's full check (country layout, bank codes)."""
    return _mod97(compact) and std_iban.is_valid(compact)


_IBAN_COUNTRY_CASES = frozenset({"be", "nl", "Be", "Nl"})


def _country_at(text: str, s: int) -> int:
    """Where a country code before the run of digits at s starts ("BE49", "BE 49"), else -1."""
    if s >= 2 and text[s - 1] != " ":
        return s - 2
    if s >= 3 and text[s - 1] == " ":
        return s - 3
    return -1


def _iban_hint(text: str, runs: Runs) -> bool:
    """Two capitals (or be/nl) right before two digits, or a digit, "-", seven digits, "-"."""
    for s, e in runs:
        if e - s >= 2 and (c := _country_at(text, s)) >= 0:
            cc = text[c : c + 2]
            if (cc.isascii() and cc.isalpha() and cc.isupper()) or cc in _IBAN_COUNTRY_CASES:
                return True
        if text[e : e + 1] == "-" and text[e + 8 : e + 9] == "-":
            seven = text[e + 1 : e + 8]
            if all(c.isdigit() for c in seven):
                return True
    return False


def detect_iban(text: str, runs: Runs | None = None) -> Iterator[Span]:
    """Account numbers: IBAN by check digits, the BE/NL layout and the old Belgian format."""
    if runs is None:
        runs = digit_runs(text)
    if not _iban_hint(text, runs):
        return
    # both patterns start at two letters right before a run of two or more digits
    starts = [
        c
        for s, e in runs
        if e - s >= 2
        and (c := _country_at(text, s)) >= 0
        and (cc := text[c : c + 2]).isascii()
        and cc.isalpha()
    ]
    shaped = set()
    for m in matches_at(IBAN_SHAPE_RE, text, starts):
        if (m.start() == 0 or not text[m.start() - 1].isalnum()) and not (
            text[m.end() : m.end() + 1].isalnum()
        ):
            shaped.add(m.start())
            yield Span(m.start(), m.end(), "IBAN")
    pos = 0
    for start in starts:
        if start < pos or (m := IBAN_RE.match(text, start)) is None:
            continue
        raw = m.group()
        compact = raw.replace(" ", "").upper()
        pos = m.start() + 1
        # the pattern may run on into a following number; take the longest prefix that validates
        for n in range(len(compact), 11, -1):
            if _valid_iban(compact[:n]):
                seen = 0
                for i, c in enumerate(raw):
                    seen += c != " "
                    if seen == n:
                        pos = m.start() + i + 1
                        break
                if m.start() not in shaped:
                    yield Span(m.start(), pos, "IBAN")
                break
    for m in OLD_BE_ACCOUNT_RE.finditer(text):
        base, check = int(m.group(1) + m.group(2)), int(m.group(3))
        if (base % 97 or 97) == check:
            yield Span(m.start(), m.end(), "IBAN")


# NATIONAL_ID_RE, BSN_RE and PHONE_RE cannot start right after a digit (their look-behinds
# say so), so they are tried only where a run of digits (or a "+" before one) starts.


def _starts(text: str, runs: Runs | None) -> list[int]:
    """Where a run of digits starts, or the "+" right before it (as "\\+?\\d+" would)."""
    if runs is None:
        runs = digit_runs(text)
    return [s - 1 if s and text[s - 1] == "+" else s for s, _ in runs]


def detect_national_id(text: str, runs: Runs | None = None) -> Iterator[Span]:
    """Belgian national and BIS numbers (check digits, or written as one) and Dutch BSNs."""
    runs = digit_runs(text) if runs is None else runs
    # NATIONAL_ID_RE opens with two digits and BSN_RE with four, so shorter runs ("3 kinderen")
    # and runs after a "+" (tried at the "+", where neither can match) are left out
    starts = [s for s, e in runs if e - s >= 2 and not (s and text[s - 1] == "+")]
    for m in matches_at(NATIONAL_ID_RE, text, starts):
        d = _digits(m.group())
        # a mistyped check digit still identifies: the written format or a cue word suffices
        if (
            be_nn.is_valid(d)
            or be_bis.is_valid(d)
            or NATIONAL_ID_SHAPE_RE.fullmatch(m.group())
            or NATIONAL_ID_CUE_RE.search(text, max(0, m.start() - 40), m.start())
        ):
            yield Span(m.start(), m.end(), "NATIONAL_ID")
    for m in matches_at(BSN_RE, text, [s for s in starts if text[s] in "123456789"]):
        if nl_bsn.is_valid(_digits(m.group())):
            yield Span(m.start(), m.end(), "NATIONAL_ID")


_GROUP_RE = re.compile(r"\+?\d+")


@lru_cache(maxsize=4096)
def _valid_phone(candidate: str) -> bool:
    """phonenumbers' verdict for BE, then NL (a parse costs a third of a millisecond; a
    table names the same numbers again and a failing candidate is tried once per prefix)."""
    for region in ("BE", "NL"):
        try:
            num = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            return False
        if phonenumbers.is_valid_number(num):
            return True
        if candidate.startswith(("+", "00")):
            return False
    return False


# Words before a number that make it a phone number even when no numbering plan knows it.
PHONE_CUE_RE = re.compile(
    r"(?i)\b(?:tel\w*|gsm\w*|bel\w*|gebeld|mobiel\w*|nummer|nr|bereikbaar|contact\w*|sms\w*"
    r"|whatsapp|vast)\b[^\n]{0,40}$"
)


def detect_phone(text: str, runs: Runs | None = None) -> Iterator[Span]:
    """Phone numbers that phonenumbers finds valid for Belgium, the Netherlands or abroad."""
    # every phone number starts with "+" or "0" (0032, 0478, 02)
    starts = [s for s in _starts(text, runs) if text[s] in "+0"]
    for m in matches_at(PHONE_RE, text, starts):
        raw = m.group()
        # the pattern may take a following number ("0478 21 36 54 2 december"): drop trailing
        # digit groups until what is left is a valid number
        ends = [g.end() for g in _GROUP_RE.finditer(raw)]
        for end in reversed(ends):
            cand = raw[:end]
            if sum(c.isdigit() for c in cand) < 8:
                end = 0
                break
            if cand.startswith("00"):
                cand = "+" + cand[2:]
            if _valid_phone(cand.replace("(0)", "")):
                yield Span(m.start(), m.start() + end, "PHONE")
                break
        else:
            end = 0
        if not end:
            # a made-up or mistyped Belgian number ("03 123 45 67") still identifies after a
            # phone word: 9 or 10 digits from the trunk 0
            digits = _digits(raw)
            if (
                raw[0] == "0"
                and raw[1] != "0"
                and len(digits) in (9, 10)
                and PHONE_CUE_RE.search(text, max(0, m.start() - 48), m.start())
            ):
                yield Span(m.start(), m.end(), "PHONE")


def detect_plate(text: str, runs: Runs | None = None) -> Iterator[Span]:
    """Belgian, French (AB-123-CD) and Dutch plates; the older Belgian ABC-123 form and the
    Dutch three pairs (12-AB-34) only near a vehicle word."""
    # a plate starts at a run of digits (1-ABC-123) or at the letters before "-" and one (ABC-123)
    starts = set()
    for s, _ in digit_runs(text) if runs is None else runs:
        starts.add(s)
        if s >= 2 and text[s - 1] == "-":  # letters first: ABC-123, AB-123-CD, XX-XX-99
            starts.update(p for p in (s - 2, s - 3, s - 4, s - 6) if p >= 0)
        elif s >= 3 and text[s - 1] == " ":  # ABC 123, BV 07 FRD
            starts.update(p for p in (s - 3, s - 4) if p >= 0)
        elif s >= 2 and text[s - 1].isalpha():  # BV07 FRD, KZP481, kzp481
            starts.update(p for p in (s - 2, s - 3) if p >= 0)
    # PLATE_RE opens with (?<![\w-]): a start right after a word character or "-" (most of the
    # letters-first starts above: "KZP481" at "ZP481") cannot match and is not tried
    starts = {p for p in starts if not p or not (text[p - 1].isalnum() or text[p - 1] in "_-")}
    for m in matches_at(PLATE_RE, text, sorted(starts)):
        guarded = m.group("old") or m.group("pairs") or m.group("foreign") or m.group("spaced")
        if (
            guarded
            and not VEHICLE_CONTEXT_RE.search(text, max(0, m.start() - 40), m.start())
            and (
                not m.group("foreign")  # a foreign shape alone, but not after "dossier"
                or _CASE_CUE_BEFORE_RE.search(text, max(0, m.start() - 24), m.start())
            )
        ):
            continue
        yield Span(m.start(), m.end(), "PLATE")


def _plausible_id(text: str, start: int, end: int) -> bool:
    ident = text[start:end]
    digits = _digits(ident)
    if len(digits) < 4 or _NOT_AN_ID_AFTER.match(text, end):
        return False
    # a year, an amount like 6.000 or a decimal is no reference; but a number in groups of
    # thousands right after "nummer" is one (the immigration office's "nummer 8.712.345")
    if _THOUSANDS_RE.fullmatch(ident):
        return (
            len(digits) >= 7 and _NUMBER_CUE_RE.search(text, max(0, start - 16), start) is not None
        )
    # a time (13u30, 9h15) or a count (3x200) is no reference either
    return not re.fullmatch(r"(?:19|20)\d{2}|\d+[.,]\d{1,2}|\d{1,2}[uUhH]\d{2}|\d+[xX]\d+", ident)


_THOUSANDS_RE = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_NUMBER_CUE_RE = re.compile(r"(?i)(?:nummer|nr|dossier\w*|referentie|kenmerk)\.?\s*:?\s*$")


_CASE_CUES = ("ossier", "ummer", "ref", "kenmerk", "pv", "nr", "Ossier", "Ummer", "PV", "Nr", "NR")
# The first cue in one scan: the leftmost match of the alternation is the smallest of the cues'
# first positions (one regex search costs ~40% less than eleven finds and a min()).
_CASE_CUE_RE = re.compile("|".join(_CASE_CUES))
# What CASE_ID_CONTEXT_RE starts with (case-insensitive): "referentie", "referte" start as "ref".
_CONTEXT_CUES = ("dossier", "nummer", "ref", "kenmerk", "pv", "nr")


def detect_case_id(text: str, runs: Runs | None = None) -> Iterator[Span]:
    """Dossier, court and police references after a cue word, or in a telling shape."""
    # the pattern must scan (it starts with words), so it starts at the first cue in the text
    cue = _CASE_CUE_RE.search(text)
    if cue is None:
        found: Iterable[re.Match[str]] = ()
    elif text.isascii():
        # the pattern starts with a cue word in any case; in ASCII text that is where the word
        # starts in the lowercased text (same offsets), so it is tried there only (~15 us of
        # scanning a text before; a non-ASCII text may hold a Kelvin sign that matches "k")
        begin = max(0, cue.start() - 3)
        starts = [k for k in occurrences(text.lower(), _CONTEXT_CUES) if k >= begin]
        found = matches_at(CASE_ID_CONTEXT_RE, text, starts)
    else:
        found = CASE_ID_CONTEXT_RE.finditer(text, max(0, cue.start() - 3))
    for m in found:
        if _plausible_id(text, m.start("id"), m.end("id")):
            yield Span(m.start("id"), m.end("id"), "CASE_ID")
    for m in CASE_ID_SHAPE_RE.finditer(text):
        if len(_digits(m.group())) >= 4 and _HAS_CAPITAL_RE.match(text, m.start()):
            yield Span(m.start(), m.end(), "CASE_ID")


# Detectors that only find something when the text has a digit.
DIGIT_DETECTORS = (
    detect_iban,
    detect_national_id,
    detect_phone,
    detect_plate,
    detect_case_id,
)
DETECTORS = (detect_email, detect_url, *DIGIT_DETECTORS)
