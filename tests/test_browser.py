"""The site in a real browser: switching language and searching."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from common.site_config import LANGS
from support.browser import search
from support.site import BuiltSite, address, text_of

LOOKALIKES = ["I", "l", "1", "\u0406", "\u0456", "\u04cf"]


def switch_to(page: Page, language: str) -> None:
    page.locator(".site-languages button").hover()
    page.locator(".site-languages a", has_text=language).click()


def test_language_switch_keeps_the_page(served: str, page: Page) -> None:
    page.goto(served + "platforms/sferum/")
    switch_to(page, "Нохчийн")
    expect(page).to_have_url(served + "ce/platforms/sferum/")
    expect(page.locator("html")).to_have_attribute("lang", "ce")
    switch_to(page, "Русский")
    expect(page).to_have_url(served + "platforms/sferum/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_pages_of_its_own_language(
    site: BuiltSite, served: str, page: Page, lang: str
) -> None:
    target = address(lang, "platforms/sferum/")
    title = text_of(site.html(target).find("h1"))
    page.goto(served + address(lang, ""))
    hrefs = search(page, title)
    assert served + target in hrefs
    language_root = served + address(lang, "")
    assert all(href.startswith(language_root) for href in hrefs)
    if lang == "ru":
        assert not [href for href in hrefs if href.startswith(served + "ce/")]
    page.locator(".md-search-result__list a").first.click()
    expect(page).to_have_url(re.compile(re.escape(served + address(lang, "")) + ".+"))
    expect(page.locator("html")).to_have_attribute("lang", lang)


def palochka_word(site: BuiltSite) -> tuple[str, str]:
    """A word with the palochka from a Chechen page title, and that page."""
    for doc in site.search_index("ce")["docs"]:
        for word in doc["title"].split():
            if "Ӏ" in word and len(word) > 3 and "#" not in doc["location"]:
                return word.strip("«»,.:;!?"), doc["location"]
    raise AssertionError("no Chechen page title has a palochka")


@pytest.mark.parametrize("lookalike", LOOKALIKES)
def test_palochka_typed_with_a_lookalike_is_found(
    site: BuiltSite, served: str, page: Page, lookalike: str
) -> None:
    word, location = palochka_word(site)
    page.goto(served + "ce/")
    hrefs = search(page, word.replace("Ӏ", lookalike))
    assert served + "ce/" + location in hrefs
