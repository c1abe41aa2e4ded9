"""Small pieces of Markdown that renderers write from data."""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

from common.urls import FORBIDDEN, INVISIBLE

_MARKDOWN = str.maketrans({char: f"&#{ord(char)};" for char in '&<>"\\`*_[]|#!{}~'})


def markdown_text(text: str) -> str:
    """`text` shown as it is, whatever Markdown or HTML it holds: one line,
    every character Markdown or HTML could read as markup written as an
    entity."""
    return " ".join(text.split()).translate(_MARKDOWN)


def cell(text: str) -> str:
    """Text that is safe inside a Markdown table cell: one line, no bare «|»,
    and no HTML: a < or & from data is shown, never read as markup."""
    return html.escape(" ".join(text.split()), quote=False).replace("|", "\\|")


def in_lang(text: str, lang: str, page_lang: str) -> str:
    """`text` marked with its language when it differs from the page's.

    Screen readers then pronounce a Chechen word on a Russian page (and the
    other way round) with the right voice. `text` is Markdown already made
    safe (see `cell`).
    """
    if lang == page_lang:
        return text
    return f'<span lang="{lang}">{text}</span>'


def table(header: list[str], rows: Iterable[list[str]], numbers: bool = False) -> str:
    """A Markdown table; cells are escaped by the caller (see `cell`).

    With `numbers`, every column after the first is aligned right.
    """
    rule = "---:" if numbers else "---"
    lines = [
        "| " + " | ".join(header) + " |",
        "|---|" + "|".join(rule for _ in header[1:]) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def shown_url(url: str) -> str:
    """An address as people write it: urok.рф/path, no scheme, no final slash."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/") + (f"?{parts.query}" if parts.query else "")


def href(url: str) -> str:
    """`url` with an internationalised host (урок.рф) in its ASCII form, and
    any character that could end a Markdown link or an HTML attribute
    percent-encoded (the data files refuse them already: common/urls.py).

    Every browser and messenger follows the punycode form; some old ones
    do not follow the Cyrillic one.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not host.isascii():
        ascii_host = host.encode("idna").decode("ascii")
        url = urlunsplit(parts._replace(netloc=parts.netloc.replace(host, ascii_host)))
    return "".join(_percent(char) if _breaks_links(char) else char for char in url)


def _breaks_links(char: str) -> bool:
    """Whether `char` could end a Markdown link or an HTML attribute, or hide
    where it leads: a space, a bracket, a quote, a control or invisible one."""
    return char in FORBIDDEN or char.isspace() or unicodedata.category(char) in INVISIBLE


def _percent(char: str) -> str:
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))
