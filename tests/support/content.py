"""Reading the site's pages as written (Markdown sources) and as built."""

from __future__ import annotations

from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag

from common.site_config import ROOT
from support.site import BuiltSite, address

DOCS = ROOT / "docs"
GUIDE_SECTIONS = ["what", "use", "start", "report", "safety", "links"]


def source_of(lang: str, path: str) -> Path:
    """The Markdown file of a page address: "platforms/" -> platforms/index.md."""
    stem = path.rstrip("/")
    page = DOCS / lang / f"{stem}.md"
    return page if stem and page.exists() else DOCS / lang / stem / "index.md"


def front_matter(source: Path) -> dict:
    text = source.read_text("utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text[4:].split("\n---\n", 1)[0]) or {}


def article(site: BuiltSite, lang: str, path: str) -> Tag:
    """The page's text, without what the template adds to every page: the
    edit button, heading permalinks, notices and the printed letterhead."""
    body = site.html(address(lang, path)).select_one("article")
    for extra in body.select(
        ".headerlink, .md-content__button, .site-notice, .site-letterhead, .site-pdf-link"
    ):
        extra.extract()
    return body


def section(page: Tag, anchor: str) -> BeautifulSoup:
    """The part of a page under the heading with id `anchor`, up to the next one."""
    heading = page.find(id=anchor)
    assert heading is not None, f"no section #{anchor}"
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2") or (sibling.name == heading.name):
            break
        parts.append(str(sibling))
    return BeautifulSoup("".join(parts), "html.parser")


def words(text: str) -> str:
    """Text compared as a reader sees it: one space, no case, е for ё."""
    return " ".join(text.split()).casefold().replace("ё", "е")
