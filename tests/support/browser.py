"""The site's own features, driven in Chromium."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from playwright.sync_api import Page, expect

AXE = Path(__file__).parent.parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


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


def axe_violations(page: Page) -> list[str]:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make test`, which installs it with npm")
    # Evaluated by the test driver, not added as a <script>: the page's
    # Content-Security-Policy rightly refuses a script it does not know.
    page.evaluate(AXE.read_text("utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    return [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
        for v in result["violations"]
    ]


def choose(page: Page, **settings: str) -> None:
    """Open the VI panel and pick settings, as a reader does."""
    toggle = page.locator(".site-a11y-toggle")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    for name, value in settings.items():
        page.locator(f'#site-a11y input[name="{name}"][value="{value}"]').check()


def is_csp_violation(console_text: str) -> bool:
    """Whether a console message is Chromium's report of something the
    page's Content-Security-Policy refused."""
    return "Content Security Policy" in console_text or "Content-Security-Policy" in console_text


def wait_until(page: Page, expression: str, timeout_ms: int = 5000) -> None:
    """Wait until `expression` is true in the page. Evaluated by the test
    driver, so the page's Content-Security-Policy (no eval) allows it, which
    Page.wait_for_function's polling is not."""
    for _ in range(timeout_ms // 50):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(50)
    assert page.evaluate(expression), f"still false after {timeout_ms} ms: {expression}"
