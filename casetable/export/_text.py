"""Escaping for each output format, in one place, so every renderer treats user text the same way.

All user text reaching an export was scrubbed, but it is still untrusted: it may hold markup,
formulas or control characters. These helpers make it inert for one format each.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape as _xml_escape

from casetable.export.model import Count

# C0/C1 control characters other than tab and newline: XML (DOCX, SVG) cannot hold them and
# they have no business in a report.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Characters that start Markdown inline markup, links, autolinks, HTML or entities anywhere.
_MD_INLINE_RE = re.compile(r"([\\`*_\[\]<>&|~])")
# Block markers that only matter at the start of a line (after the indentation we remove).
_MD_LINE_START_RE = re.compile(r"^(#|>|\+|-|=|(\d{1,9})([.)]))")
# A cell Excel or LibreOffice would read as a formula (indico's list, plus leading blanks).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean_text(text: str) -> str:
    """Normalise newlines and drop control characters (shared first step of every format)."""
    return _CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str) -> str:
    """Collapse all whitespace to single spaces (table cells, titles, CSV-friendly labels)."""
    return " ".join(clean_text(text).split())


def md_line(text: str) -> str:
    """Escape one line of user text so it renders literally in CommonMark/GFM."""
    text = _MD_INLINE_RE.sub(r"\\\1", text.strip())
    m = _MD_LINE_START_RE.match(text)
    if m:
        text = (f"{m.group(2)}\\{m.group(3)}{text[m.end():]}" if m.group(2)
                else f"\\{text}")
    return text


def md_text(text: str, indent: str = "") -> str:
    """Escape multi-line user text; continuation lines are indented to stay in their block."""
    lines = [md_line(line) for line in clean_text(text).split("\n")]
    lines = [line for line in lines if line]
    return ("  \n" + indent).join(lines)


def md_cell(text: str) -> str:
    """Escape text for a GFM table cell (one line, pipes escaped)."""
    return md_line(one_line(text))


def xml_text(text: str) -> str:
    """Escape for XML text and attribute values (SVG)."""
    return _xml_escape(clean_text(text), {'"': "&quot;", "'": "&apos;"})


def rl_text(text: str) -> str:
    """Escape for reportlab's Paragraph mini-HTML; newlines become line breaks."""
    return "<br/>".join(_xml_escape(line) for line in clean_text(text).split("\n"))


def csv_cell(value: object) -> str:
    """Make a cell inert in spreadsheets: prefix formula starters with a quote (indico-style)."""
    if value is None:
        return ""
    text = clean_text(str(value)) if not isinstance(value, int) else str(value)
    if isinstance(value, str) and (text.startswith(_FORMULA_START)
                                   or text.lstrip(" \n").startswith(_FORMULA_START)):
        text = "'" + text
    return text


def count_text(value: Count) -> str:
    """Show a count or a suppressed count ("<5") the same way in every format."""
    return str(value)
