"""Both languages, as the built HTML and sitemap declare them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest

from common.site_config import LANGS
from support.site import NEWS_PAGES, PAGES, BuiltSite, address, text_of
from support.stats import REPORT_PAGES

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
OTHER = {"ru": "ce", "ce": "ru"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_exists_in_its_language(site: BuiltSite, lang: str, path: str) -> None:
    html = site.html(address(lang, path))
    assert html.html["lang"] == lang
    assert text_of(html.find("h1"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_head_declares_canonical_and_alternates(site: BuiltSite, lang: str, path: str) -> None:
    head = site.html(address(lang, path)).head
    assert head.find("link", rel="canonical")["href"] == site.absolute(address(lang, path))
    alternates = {
        link["hreflang"]: link["href"]
        for link in head.find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates == {
        "ru": site.absolute(address("ru", path)),
        "ce": site.absolute(address("ce", path)),
        "x-default": site.absolute(address("ru", path)),
    }


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_switcher_keeps_the_reader_on_the_same_page(site: BuiltSite, lang: str, path: str) -> None:
    here = site.absolute(address(lang, path))
    switcher = site.html(address(lang, path)).select_one(".site-languages")
    links = {a["lang"]: urljoin(here, a["href"]) for a in switcher.select("a")}
    assert links == {lang: here, OTHER[lang]: site.absolute(address(OTHER[lang], path))}
    assert switcher.select_one(f'a[lang="{lang}"]')["aria-current"] == "page"


def sitemap(site: BuiltSite) -> dict[str, dict[str, str]]:
    root = ET.parse(site.root / "sitemap.xml").getroot()
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


@pytest.mark.parametrize("fixture", ["site", "domain_site"])
def test_sitemap_lists_both_languages_with_alternates(request, fixture: str) -> None:
    built: BuiltSite = request.getfixturevalue(fixture)
    entries = sitemap(built)
    expected = {built.absolute(address(lang, path)) for lang in LANGS for path in PAGES}
    assert expected <= set(entries)
    for path in PAGES:
        for lang in LANGS:
            assert entries[built.absolute(address(lang, path))] == {
                "ru": built.absolute(address("ru", path)),
                "ce": built.absolute(address("ce", path)),
                "x-default": built.absolute(address("ru", path)),
            }
    assert all(loc.startswith(built.url) for loc in entries)


def test_each_search_index_holds_only_its_own_pages(site: BuiltSite) -> None:
    for lang in LANGS:
        docs = site.search_index(lang)["docs"]
        pages = {doc["location"].split("#")[0] for doc in docs}
        assert pages == set(PAGES) | set(REPORT_PAGES) | set(NEWS_PAGES), lang
        for doc in docs:
            if "#" not in doc["location"]:
                page = site.html(address(lang, doc["location"]))
                assert doc["title"] == text_of(page.find("h1")), doc["location"]


def test_chechen_index_runs_no_russian_pipeline(site: BuiltSite) -> None:
    assert site.search_index("ce")["config"]["pipeline"] == []
    assert site.search_index("ru")["config"]["lang"] == ["ru"]
