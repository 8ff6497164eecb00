"""A text cut into word tokens once per call, with the few facts every word detector asks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from casetable.scrub.detectors.digits import Runs, digit_runs
from casetable.scrub.lexicon import Lexicon

# Letters with inner hyphens or apostrophes (Jean-Pierre, D'Hondt); a possessive 's stays apart
# so "Papa's" and "Oma's" read as the plain word. The quantifiers are possessive: a letter given
# back never lets a hyphen or apostrophe match, and nothing follows the group, so the tokens are
# the same as with greedy ones, found ~10% faster (no backtracking state per token).
TOKEN_RE = re.compile(r"[^\W\d_]++(?:(?:-|['’](?![sS]\b))[^\W\d_]++)*+")
# The same tokens in ASCII text, where a letter is [A-Za-z]: ranges instead of three Unicode
# category tests per character make findall ~35% faster (three texts in four are ASCII).
_ASCII_TOKEN_RE = re.compile(r"[A-Za-z]++(?:(?:-|['’](?![sS]\b))[A-Za-z]++)*+")
# Titles written with a dot; the dot does not end a sentence.
ABBREVIATED_TITLES = frozenset(
    {"mevr", "mvr", "mw", "dhr", "hr", "mr", "dr", "prof", "mej", "mme", "m", "ir", "ing", "lic"}
)
# Where a sentence (or a list item, or text after a colon) starts, past quotes and brackets.
SENTENCE_START_RE = re.compile(
    r"""
    [.!?:;…\n]                                   # a sentence end, colon, semicolon or new line
    (?:(?<=\n)[ \t]*(?:[-–*•]|\d{1,2}[.)])(?=[ \t]))?  # after a new line: a bullet or "1."
    [ \t'"‘’“”«(„\[]*                           # spaces, quotes and brackets before the word
    """,
    re.VERBOSE,
)
# The same for ASCII text, without the characters it cannot hold: with "…" in its first class
# the engine cannot skip ahead to a sentence end (~35% slower on ASCII text).
_ASCII_SENTENCE_START_RE = re.compile(
    r"""
    [.!?:;\n]
    (?:(?<=\n)[ \t]*(?:[-*]|[0-9]{1,2}[.)])(?=[ \t]))?
    [ \t'"(\[]*
    """,
    re.VERBOSE,
)


class Token(NamedTuple):
    """One word; `lower` is casefolded, `cap` means capitalised but not all capitals.

    A named tuple: made in C (`_new`) for each of the many words of a text.
    """

    text: str
    start: int
    end: int
    lower: str
    cap: bool
    upper: bool
    sent_start: bool


_new = tuple.__new__


@dataclass(slots=True)
class Doc:
    """The text, its tokens and the lexicon; built fresh for every scrub call."""

    text: str
    lex: Lexicon
    tokens: list[Token] = field(default_factory=list)
    low: str = ""  # the text in lower case, for quick "is this cue word in it at all" checks
    runs: Runs = field(default_factory=list)  # (start, end) of each run of digits
    # indices of the tokens the word detectors look at: all but the plain lowercase words
    focus: list[int] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str, lex: Lexicon, plain: frozenset[str] = frozenset()) -> Doc:
        """Tokenise `text`; lowercase words in `plain` are left out of `focus`.

        `plain` holds everyday words that no word detector acts on when they stand in lowercase
        (see `Scrubber`); the detectors then loop over a third of the tokens.
        """
        # the text is read as if it followed a new line, so its first word starts a sentence
        ascii_only = text.isascii()
        rx = _ASCII_SENTENCE_START_RE if ascii_only else SENTENCE_START_RE
        starts = {m.end() - 1 for m in rx.finditer("\n" + text)}
        toks: list[Token] = []
        focus: list[int] = []
        append, find, new, in_focus = toks.append, text.find, _new, focus.append
        e = 0
        words = (_ASCII_TOKEN_RE if ascii_only else TOKEN_RE).findall(text)
        for n, w in enumerate(words):
            # the first occurrence after the previous token is this one: a letter that starts
            # an occurrence of w earlier would have started a token there
            s = find(w, e)
            e = s + len(w)
            if w.islower():
                if w not in plain:
                    in_focus(n)
                append(new(Token, (w, s, e, w, False, False, s in starts)))
                continue
            upper = e - s > 1 and w.isupper()
            sent = s in starts and not (toks and _after_title_dot(text, toks[-1], s))
            in_focus(n)
            append(new(Token, (w, s, e, w.casefold(), w[0].isupper() and not upper, upper, sent)))
        return cls(text, lex, toks, text.lower(), digit_runs(text), focus)

    def gap(self, i: int) -> str:
        """The characters between token i and token i+1."""
        return self.text[self.tokens[i].end : self.tokens[i + 1].start]

    def joined(self, i: int) -> bool:
        """True when token i+1 follows token i after one space (a name or phrase goes on)."""
        toks = self.tokens
        if i + 1 >= len(toks):
            return False
        end = toks[i].end
        return toks[i + 1].start == end + 1 and self.text[end] == " "

    def prev_word(self, i: int) -> str:
        """Casefolded previous token when only spaces/commas separate it, else ''.

        An abbreviated title keeps its dot: "Mevr. Janssens", "dr. Peeters" -> "mevr", "dr".
        """
        if i == 0:
            return ""
        prev = self.tokens[i - 1]
        start = self.tokens[i].start
        if start == prev.end + 1 and self.text[prev.end] == " ":
            return prev.lower  # the usual single space
        gap = self.text[prev.end : start]
        if gap.strip(" ,") == "" or (
            gap.startswith(".") and gap[1:].strip(" ") == "" and (prev.lower in ABBREVIATED_TITLES)
        ):
            return prev.lower
        return ""

    def followed_by(self, i: int, rx: re.Pattern[str]) -> bool:
        return rx.match(self.text, self.tokens[i].end) is not None


def _after_title_dot(text: str, prev: Token, start: int) -> bool:
    """ "Mevr. Janssens": the dot of an abbreviated title starts no sentence."""
    return prev.lower in ABBREVIATED_TITLES and text[prev.end : start].rstrip(" ") == "."
