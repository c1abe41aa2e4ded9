"""The site's own features, driven in Chromium."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def search(page: Page, text: str) -> list[str]:
    page.locator(".md-search__input").fill(text)
    results = page.locator(".md-search-result__list a")
    expect(results.first).to_be_visible()
    return [link.get_attribute("href") for link in results.all()]


def is_csp_violation(console_text: str) -> bool:
    """Whether a console message is Chromium's report of something the
    page's Content-Security-Policy refused."""
    return "Content Security Policy" in console_text or "Content-Security-Policy" in console_text
