"""The only HTML sanitising in casetable (bleach), as defence in depth.

User text is plain text: Jinja escapes it and the browser inserts it with textContent. Only our
own Markdown rendering (method descriptions written by administrators, summaries) produces HTML,
and that HTML passes through here. bleach stopped being maintained upstream in 2026; its successor
(nh3) is a change to this one file.
"""

from __future__ import annotations

import bleach
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = frozenset({
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote", "code",
    "pre", "table", "thead", "tbody", "tr", "th", "td", "hr",
})
ALLOWED_ATTRIBUTES = {"a": ["href", "title"], "th": ["scope"], "td": ["align"]}
ALLOWED_PROTOCOLS = frozenset({"https", "http", "mailto"})

# Raw HTML in the source is never passed through: it is shown as text.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def clean_html(html: str) -> Markup:
    """Keep a small set of formatting tags; drop scripts, handlers, styles and odd protocols."""
    cleaned = bleach.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )
    return Markup(cleaned)  # noqa: S704 - this is the sanitizer's output


def render_markdown(text: str) -> Markup:
    """Our own Markdown to safe HTML (for display in our pages only)."""
    return clean_html(_markdown.render(text or ""))
