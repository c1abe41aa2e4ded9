"""Finish a built site: the steps MkDocs and its plugins leave to us.

One pass reads every page once: it repairs the markup, and notes the
link-preview card and the PDF each page asks for; then the cards are drawn
and the PDFs printed.
"""

from __future__ import annotations

from pathlib import Path

import html_fixes
import og_cards
import pdf_reports
import search_index
from sitemap import Sitemap


def finish(site: Path, pdf: bool) -> None:
    sitemap = Sitemap.read(site)
    search_index.split(site, sitemap)
    cards: dict[str, str] = {}
    prints: dict[Path, Path] = {}
    for page in sorted(site.rglob("*.html")):
        html = page.read_text("utf-8")
        fixed = html_fixes.fix(html)
        if fixed != html:
            page.write_text(fixed, "utf-8")  # build output, rewritten in place
        if card := og_cards.card_of(fixed, sitemap.site_url):
            cards.setdefault(*card)
        if pdf and (target := pdf_reports.pdf_of(page, fixed)):
            prints[page] = target
    og_cards.draw_all(site, cards)
    pdf_reports.print_all(prints)
