"""The privacy gate: no personal datum in anything the build publishes.

After the build, every published text is read as a reader, a crawler or a
search box gets it: the pages (their text and every attribute that carries
words or addresses: links, alt text, meta tags), the search indexes, the
sitemap, feeds and other XML, JSON, plain text, SVG, and the text of every
PDF. The one detector (common/personal_data.py) decides what is a phone
number, an e-mail address, a SNILS, a passport number or a name with a
birth date; data/checks.yml lists the school's own public contacts.

A find is told with the page and the datum's kind, masked, never the value.
The theme's scripts and stylesheets (assets/javascripts/, assets/stylesheets/)
are code, not content, and are not read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import unquote

from common.personal_data import Find, PublicContacts, find
from common.yamldata import strings_in

TEXT_SUFFIXES = {".html", ".htm", ".json", ".xml", ".txt", ".svg", ".rss", ".atom",
                 ".ics", ".csv", ".webmanifest", ".md"}  # fmt: skip
CODE = ("assets/javascripts/", "assets/stylesheets/")


@dataclass(frozen=True)
class Leak:
    """A personal datum in a published file."""

    path: str  # relative to the site
    found: Find

    def __str__(self) -> str:
        return f"{self.found.kind.value} ({self.found.masked})"


def published(site: Path) -> Iterator[Path]:
    """Every file of the site a reader can get that holds text."""
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        wanted = path.suffix in TEXT_SUFFIXES or path.suffix == ".pdf"
        if wanted and path.is_file() and not relative.startswith(CODE):
            yield path


def scan(site: Path, contacts: PublicContacts, texts: dict[Path, str] | None = None) -> list[Leak]:
    """Every personal datum in the published site. `texts` may give files'
    text already in memory (the pages, as the build has just written them)."""
    texts = texts or {}
    leaks = []
    for path in published(site):
        text = texts.get(path)
        if text is None:
            text = path.read_text("utf-8") if path.suffix != ".pdf" else pdf_text(path)
        relative = path.relative_to(site).as_posix()
        for found in find(readable(path.suffix, text), contacts):
            leaks.append(Leak(relative, found))
    return leaks


def readable(suffix: str, text: str) -> str:
    """The words a file carries, one piece a line, with entities and
    percent-encoding read."""
    if suffix in (".html", ".htm", ".svg", ".xml", ".rss", ".atom"):
        return markup_text(text)
    if suffix in (".json", ".webmanifest"):
        try:
            return markup_text("\n".join(strings_in(json.loads(text))))
        except ValueError:
            return text
    return text


# Attributes that are drawing, not words: their numbers are no phone numbers.
_DRAWING = {"d", "viewbox", "points", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r",
            "rx", "ry", "width", "height", "transform", "font-size", "stroke-width",
            "offset", "fill", "stroke", "integrity", "sizes", "srcset"}  # fmt: skip
_TAG = re.compile(
    r"""<(/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--.*?-->""", re.DOTALL
)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
# Elements whose text runs on into its neighbours' (a number may be split
# across them); any other tag ends a piece, so table cells never join.
_INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i",
           "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
           "time", "u", "var", "wbr", "tspan"}  # fmt: skip
_SKIPPED = re.compile(r"<(style)\b.*?</style\s*>", re.DOTALL | re.IGNORECASE)


def markup_text(markup: str) -> str:
    """The text of HTML or XML and the values of its wordy attributes, with
    a line break wherever a block ends."""
    pieces: list[str] = []
    at = 0
    markup = _SKIPPED.sub("\n", markup)
    for tag in _TAG.finditer(markup):
        pieces.append(markup[at : tag.start()])
        at = tag.end()
        name = (tag[2] or "").lower()
        if name not in _INLINE:
            pieces.append("\n")
        for attribute in _ATTRIBUTE.finditer(tag[3] or ""):
            if attribute[1].lower() not in _DRAWING:
                value = attribute[2] or attribute[3] or attribute[4] or ""
                pieces.append("\n" + unquote(value) + "\n")
    pieces.append(markup[at:])
    return unescape("".join(pieces))


def pdf_text(path: Path) -> str:
    """The text of a PDF, page by page, and the addresses it links."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    pieces = []
    for page in reader.pages:
        pieces.append(page.extract_text() or "")
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if uri := action.get("/URI"):
                pieces.append(unquote(str(uri)))
    return "\n".join(pieces)
