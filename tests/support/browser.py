"""The site's own features, driven in Chromium."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from playwright.sync_api import Page, expect


def search(page: Page, text: str) -> list[str]:
    """Search for `text`; the addresses of the results, without the query
    each carries for the highlights on the page it opens (?h=…)."""
    page.locator(".md-search__input").fill(text)
    results = page.locator(".md-search-result__list a")
    expect(results.first).to_be_visible()
    return [_without_query(link.get_attribute("href") or "") for link in results.all()]


def _without_query(href: str) -> str:
    parts = urlsplit(href)
    assert parts.query.startswith("h="), href
    return urlunsplit(parts._replace(query=""))
