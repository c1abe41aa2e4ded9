"""The report pages in Chromium: on a phone nothing spills sideways, the
charts are drawn, and search finds a report in its own language."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from common.site_config import LANGS
from support.site import address
from support.stats import REPORT_PAGES


@pytest.mark.parametrize("lang", LANGS)
def test_reports_fit_a_phone(served: str, page: Page, lang: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    for path in ["reports/", *REPORT_PAGES]:
        page.goto(served + address(lang, path))
        charts = page.locator("svg.stats-chart__svg")
        expect(charts.first).to_be_visible()
        for box in (chart.bounding_box() for chart in charts.all()):
            assert box and box["width"] > 200 and box["x"] + box["width"] <= 360
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_a_report(served: str, page: Page, lang: str) -> None:
    page.goto(served + address(lang, ""))
    page.locator(".md-search__input").fill("2025/26")
    results = page.locator(".md-search-result__list a")
    expect(results.first).to_be_visible()
    hrefs = [link.get_attribute("href") for link in results.all()]
    report = served + address(lang, REPORT_PAGES[0])
    assert any(href.startswith(report) for href in hrefs)
