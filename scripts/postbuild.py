"""Finish a built site: the steps MkDocs and its plugins leave to us."""

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
    html_fixes.fix_site(site)
    og_cards.draw_all(site, sitemap.site_url)
    if pdf:
        pdf_reports.print_all(site)
