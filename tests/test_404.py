"""One 404 page for readers of both languages."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page

from support.site import BuiltSite, text_of


@pytest.mark.parametrize("fixture", ["site", "domain_site"])
def test_404_speaks_both_languages_and_links_home(request, fixture: str) -> None:
    built: BuiltSite = request.getfixturevalue(fixture)
    page = built.html("404.html")
    assert page.html["lang"] == "ru"
    chechen = page.select_one('[lang="ce"]')
    assert chechen is not None and "Ӏ" in text_of(chechen)
    # The page is served at any depth, so its links carry the site's path.
    missing = built.absolute("ce/no/such/page/")
    homes = {urljoin(missing, a["href"]) for a in page.select("main a")}
    assert homes == {built.absolute(""), built.absolute("ce/")}


def test_a_missing_address_shows_the_404_page(served: str, page: Page) -> None:
    response = page.goto(served + "ce/no-such-page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Страница не найдена"
    page.get_by_role("link", name="Коьрта агӀоне").click()
    assert page.url == served + "ce/"
