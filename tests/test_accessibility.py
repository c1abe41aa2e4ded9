"""Readers with low vision and keyboard users: axe, reflow and the VI version."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from common import budgets
from common.site_config import LANGS
from support.browser import axe_violations, choose
from support.site import BuiltSite, address

# The pages the budgets name, in every language.
BOTH = [address(lang, path) for path in budgets.PAGES for lang in LANGS]
# The version for the visually impaired, in its strongest settings.
SCHEMES = ["bw", "wb", "blue"]


@pytest.mark.parametrize("path", BOTH)
def test_no_wcag_violations(served: str, page: Page, path: str) -> None:
    page.goto(served + path)
    assert axe_violations(page) == []


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", ["", "ce/platforms/sferum/", "events/"])
def test_no_wcag_violations_in_the_vi_version(
    served: str, page: Page, path: str, scheme: str
) -> None:
    page.goto(served + path)
    choose(page, text="200", colors=scheme, spacing="wide", images="off")
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    "path", ["", "ce/platforms/sferum/", "news/2026-11-24-rabota-v-kanikuly/", "ce/events/"]
)
def test_no_wcag_violations_in_the_dark_scheme(served: str, dark_page: Page, path: str) -> None:
    dark_page.goto(served + path)
    assert dark_page.evaluate("getComputedStyle(document.body).colorScheme") != "light"
    assert axe_violations(dark_page) == []


@pytest.mark.parametrize("path", BOTH)
def test_200_percent_text_on_320_px_scrolls_no_sideways(served: str, page: Page, path: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(served + path)
    choose(page, text="200", spacing="wide")
    page.locator(".site-a11y-toggle").click()  # close the panel again
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1]
    # The text really is larger: the heading's box grew.
    size = page.locator("article h1").evaluate("h => h.getBoundingClientRect().height")
    assert size > 60


def test_vi_settings_apply_at_once_and_persist(served: str, page: Page) -> None:
    page.goto(served + "platforms/sferum/")
    html = page.locator("html")
    choose(page, text="150", colors="wb")
    expect(html).to_have_attribute("data-a11y-text", "150")
    expect(html).to_have_attribute("data-a11y-colors", "wb")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(0, 0, 0)"
    # Another page, then a later visit: the choice is still there.
    page.goto(served + "ce/policy/")
    expect(html).to_have_attribute("data-a11y-colors", "wb")
    page.context.new_page().close()
    page.reload()
    expect(html).to_have_attribute("data-a11y-text", "150")
    page.locator(".site-a11y-toggle").click()
    expect(page.locator('#site-a11y input[name="colors"][value="wb"]')).to_be_checked()
    page.locator(".site-a11y__reset").click()
    expect(html).not_to_have_attribute("data-a11y-colors", "wb")
    page.reload()
    expect(html).not_to_have_attribute("data-a11y-text", "150")


@pytest.mark.parametrize(
    ("path", "name"), [("", "Версия для слабовидящих"), ("ce/", "БӀаьрса гӀийла болчарна верси")]
)
def test_vi_control_is_named_in_the_page_language(
    served: str, page: Page, path: str, name: str
) -> None:
    page.goto(served + path)
    expect(page.get_by_role("button", name=name)).to_be_visible()


def newest_report(site: BuiltSite, kind: str = "term") -> str:
    """The newest term report (2025-26-q4) or year report (2025-26)."""
    reports = sorted(p.parent.name for p in (site.root / "reports").glob("*/index.html"))
    reports = [name for name in reports if (name.count("-") == 1) == (kind == "year")]
    assert reports, f"no {kind} report was built"
    return f"reports/{reports[-1]}/"


@pytest.mark.parametrize("kind", ["term", "year"])
@pytest.mark.parametrize("prefix", ["", "ce/"])
def test_newest_report_in_both_versions(
    site: BuiltSite, served: str, page: Page, prefix: str, kind: str
) -> None:
    path = prefix + newest_report(site, kind)
    page.goto(served + path)
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 640})
    choose(page, text="200", colors="wb", spacing="wide", images="off")
    assert axe_violations(page) == []
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1]


def test_images_off_shows_each_chart_as_its_description(
    site: BuiltSite, served: str, page: Page
) -> None:
    path = newest_report(site)
    titles = [
        svg.title.get_text(strip=True) for svg in site.html(path).select("article svg[role=img]")
    ]
    assert titles, "the report has no chart"
    page.goto(served + path)
    charts = page.locator("article svg[role=img]")
    expect(charts.first).to_be_visible()
    choose(page, images="off")
    for n in range(charts.count()):
        expect(charts.nth(n)).to_be_hidden()
    notes = page.locator(".site-alt")
    expect(notes.first).to_be_visible()
    shown = [text.split(": ", 1)[1] for text in notes.all_inner_texts()]
    assert shown == titles
