"""Finish a built site: the steps MkDocs and its plugins leave to us.

One pass reads every page once: it repairs the markup, and notes the
link-preview card and the PDF each page asks for; then the cards are drawn
and the PDFs printed.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

from common.atomic import write_text
from common.site_config import LANGS, ROOT
from common.words import load as load_words
from community import events, identity, news
from postbuild import calendars, cards, feeds, html_fixes, pdfs, search_index
from postbuild import news as news_pages
from postbuild.sitemap import Sitemap


def finish(site: Path, pdf: bool, project: Path = ROOT) -> None:
    sitemap = Sitemap.read(site)
    search_index.split(site, sitemap)
    _community(site, sitemap, project)
    wanted_cards: dict[str, str] = {}
    prints: dict[Path, Path] = {}
    for page in sorted(site.rglob("*.html")):
        html = page.read_text("utf-8")
        fixed = html_fixes.fix(html)
        if fixed != html:
            page.write_text(fixed, "utf-8")  # build output, rewritten in place
        if card := cards.card_of(fixed, sitemap.site_url):
            wanted_cards.setdefault(*card)
        if pdf and (target := pdfs.pdf_of(page, fixed)):
            prints[page] = target
    cards.draw_all(site, wanted_cards)
    pdfs.print_all(prints)
    write_cname(site, sitemap.site_url)


def _community(site: Path, sitemap: Sitemap, project: Path) -> None:
    """The news posts' neighbours, the Atom feeds and the calendar files."""
    words = load_words(project)
    roots = {lang: sitemap.root(lang) for lang in LANGS}
    archive = news.load(project)
    news_pages.decorate_all(site, archive, words, roots)
    feeds.write_all(site, sitemap.site_url, archive, words, identity.school(project), roots)
    calendars.write_all(site, sitemap.site_url, events.load(project), words, roots)


def write_cname(site: Path, site_url: str) -> None:
    """Name the custom domain in CNAME when the site sits at a domain's root.

    A GitHub project-pages address (*.github.io/…) needs no CNAME, nor does
    a local preview. Deploying through GitHub Actions, the domain is also set
    in the repository's Pages settings; the file keeps the two in step and
    serves a branch-based deployment too.
    """
    url = urlsplit(site_url)
    host = url.hostname or ""
    cname = site / "CNAME"
    if url.path in ("", "/") and _is_domain(host) and not host.endswith(".github.io"):
        write_text(cname, host + "\n")
    else:
        cname.unlink(missing_ok=True)


def _is_domain(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return "." in host
    return False
