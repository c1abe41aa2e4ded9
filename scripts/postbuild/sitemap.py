"""Read the built sitemap: which pages are written in which language.

overrides/sitemap.xml lists a page under a language only when its text is
in that language, so the sitemap is the build's own record of translations.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@dataclass(frozen=True)
class Page:
    lang: str
    path: str  # relative to the site root: "", "policy/", "ce/policy/"
    alternates: dict[str, str]  # hreflang -> absolute address


@dataclass(frozen=True)
class Sitemap:
    site_url: str
    default_lang: str
    pages: tuple[Page, ...]

    @classmethod
    def read(cls, site: Path) -> Sitemap:
        urls = ET.parse(site / "sitemap.xml").getroot().findall("s:url", NS)
        entries = []
        for url in urls:
            loc = (url.findtext("s:loc", namespaces=NS) or "").strip()
            links = {
                link.get("hreflang", ""): link.get("href", "") for link in url.findall("x:link", NS)
            }
            lang = next(code for code, href in links.items() if href == loc and code != "x-default")
            entries.append((loc, lang, links))
        site_url = min((loc for loc, _, _ in entries), key=len)
        default_lang = next(lang for loc, lang, _ in entries if loc == site_url)
        pages = tuple(Page(lang, loc.removeprefix(site_url), links) for loc, lang, links in entries)
        return cls(site_url, default_lang, pages)

    @property
    def languages(self) -> list[str]:
        return sorted(
            {page.lang for page in self.pages}, key=lambda lang: lang != self.default_lang
        )

    def root(self, lang: str) -> str:
        return "" if lang == self.default_lang else f"{lang}/"

    def paths(self, lang: str) -> set[str]:
        return {page.path for page in self.pages if page.lang == lang}
