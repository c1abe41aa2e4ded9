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

import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
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


@dataclass
class PagesRead:
    """What the gate found in the text of a run of pages, read in order, and
    the theme's lines of each page that no earlier page of the run had: a
    pass over some of the pages, in a process of its own, returns it for
    the Gate to take in (Gate.take)."""

    leaks: list[Leak] = field(default_factory=list)
    theme: list[tuple[str, list[str]]] = field(default_factory=list)


class PageReader:
    """Reads a run of pages, in the site's order, for the gate.

    A page's text (what its Markdown made) is read whole. The theme around
    it (menus, header, footer, head) repeats on every page, so its lines are
    kept for the Gate to read, each once per build: the gate stays cheap on a
    site of hundreds of pages.
    """

    def __init__(self, contacts: PublicContacts) -> None:
        self.contacts = contacts
        self.read = PagesRead()
        self._seen: set[str] = set()

    def page(self, path: str, html: str, texts: Iterable[str]) -> None:
        """A built page (`path` relative to the site), and its text regions."""
        theme = html
        for text in texts:
            theme = theme.replace(text, "\n", 1)
            self.read.leaks += _leaks(path, markup_text(text), self.contacts)
        # The theme's markup, line by line as the templates wrote it; a line
        # on an earlier page of the run is left out.
        new = [line for line in dict.fromkeys(theme.split("\n")) if line not in self._seen]
        self._seen.update(new)
        self.read.theme.append((path, new))


class Gate:
    """Reads what the build publishes and keeps every personal datum found."""

    def __init__(self, contacts: PublicContacts) -> None:
        self.contacts = contacts
        self.leaks: list[Leak] = []
        self._seen: set[str] = set()

    def take(self, reads: Iterable[PagesRead]) -> None:
        """What PageReaders found, each over a run of the pages in the
        site's order (any pages: runs may interleave), taken in that order:
        each theme line is read once, on the first page that has it."""
        theme = []
        for read in reads:
            self.leaks += read.leaks
            theme += read.theme
        theme.sort(key=lambda page: tuple(page[0].split("/")))  # the site's order
        for path, lines in theme:
            new = [line for line in lines if line not in self._seen]
            self._seen.update(new)
            self._read(path, markup_text("\n".join(new)))

    def files(self, site: Path, paths: Iterable[Path]) -> None:
        """Published files of `site` besides its pages (search indexes,
        sitemap, feeds, PDFs…), each read whole."""
        for path in paths:
            text = path.read_text("utf-8") if path.suffix != ".pdf" else pdf_text(path)
            self._read(path.relative_to(site).as_posix(), readable(path.suffix, text))

    def _read(self, path: str, text: str) -> None:
        self.leaks += _leaks(path, text, self.contacts)


def _leaks(path: str, text: str, contacts: PublicContacts) -> list[Leak]:
    return [Leak(path, found) for found in _finds(text, contacts)]


@functools.lru_cache(maxsize=4096)
def _finds(text: str, contacts: PublicContacts) -> tuple[Find, ...]:
    """What the detector finds in `text`: the preview, which builds the site
    again after each edit, reads again only the texts that changed."""
    return tuple(find(text, contacts))


def scan(site: Path, contacts: PublicContacts) -> list[Leak]:
    """Every personal datum in a published site, every file read whole."""
    gate = Gate(contacts)
    gate.files(site, published(site))
    return gate.leaks


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


# Elements whose text runs on into its neighbours' (a number may be split
# across them); any other tag ends a piece, so table cells never join.
_INLINE = (
    "a|abbr|b|bdi|bdo|cite|code|data|dfn|em|i|kbd|mark|q|s|samp|small|span|strong|sub|sup"
    "|time|u|var|wbr|tspan"
)
# Tags and attribute names as the build writes them: in lower case (the
# templates, Markdown and nh3 all do), matched without re.IGNORECASE, which
# would make the gate several times slower.
_INLINE_TAG = re.compile(rf"</?(?:{_INLINE})\b[^>]*>")
_TAG = re.compile(r"<[^>]*>")
_CODE = re.compile(r"<(style|script)\b.*?</\1\s*>|<!--.*?-->", re.DOTALL | re.IGNORECASE)
# Attributes that carry words or addresses (not drawing: d, x, viewBox…).
_WORDY = re.compile(
    r"""\s(?:href|src|content|alt|title|label|value|placeholder|action|cite|summary|srcset"""
    r"""|aria-[\w-]+|data-[\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"""
)


def markup_text(markup: str) -> str:
    """The text of HTML or XML and the values of its wordy attributes, with
    a line break wherever a block ends. Regular expressions do the work in
    C: a page takes a fraction of a millisecond."""
    values = [a or b or c for a, b, c in _WORDY.findall(markup)]
    text = _TAG.sub("\n", _INLINE_TAG.sub("", _CODE.sub("\n", markup)))
    words = "\n".join([text, *(unquote(v) if "%" in v else v for v in values)])
    return unescape(words) if "&" in words else words


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
