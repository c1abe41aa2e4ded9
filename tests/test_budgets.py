"""The budgets of common/budgets.py that hold on the built site as a reader's
phone loads it: a cold page's weight and no request to another host, on
every page the budgets name, in every language, in Chromium. (Lighthouse's
scores need Lighthouse: `make bench` holds them to the same budgets.)"""

from __future__ import annotations

import gzip
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Response

from common import budgets
from common.site_config import LANGS
from support.site import address

BOTH = [address(lang, path) for path in budgets.PAGES for lang in LANGS]
# What GitHub Pages sends gzipped (as sitecheck serves it, too).
COMPRESSED = ("text/", "javascript", "json", "xml", "svg")


def sent_bytes(response: Response) -> int:
    """The bytes a response costs on the wire, its body gzipped where GitHub
    Pages gzips it."""
    body = response.body()
    kind = response.headers.get("content-type", "")
    return len(gzip.compress(body, 6)) if any(k in kind for k in COMPRESSED) else len(body)


@pytest.mark.parametrize("path", BOTH)
def test_a_cold_page_stays_within_its_budget(served: str, page: Page, path: str) -> None:
    requested: list[str] = []
    responses: list[Response] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: responses.append(response))
    page.goto(served + path)
    page.wait_for_load_state("networkidle")
    site = urlsplit(served).netloc
    elsewhere = [url for url in requested if urlsplit(url).scheme in ("http", "https")]
    elsewhere = [url for url in elsewhere if urlsplit(url).netloc != site]
    assert len(elsewhere) <= budgets.OTHER_HOSTS, elsewhere
    weight = sum(sent_bytes(response) for response in responses) / 1024
    assert weight <= budgets.COLD_PAGE_KB, f"{path}: {weight:.1f} KB"
