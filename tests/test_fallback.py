"""A Chechen page not written yet: Russian text, honestly labelled."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urljoin

from support.site import BuiltSite, text_of

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_fallback_page_says_so_in_both_languages(fallback_site: BuiltSite) -> None:
    page = fallback_site.html("ce/policy/")
    notice = page.select_one(".site-notice--fallback")
    assert notice is not None
    paragraphs = {p["lang"]: text_of(p) for p in notice.select("p[lang]")}
    assert set(paragraphs) == {"ce", "ru"}
    assert "не переведена" in paragraphs["ru"]
    assert "гочйина яц" in paragraphs["ce"]


def test_fallback_notice_links_to_how_to_help(fallback_site: BuiltSite) -> None:
    here = fallback_site.absolute("ce/policy/")
    for link in fallback_site.html("ce/policy/").select(".site-notice--fallback a"):
        target = urljoin(here, link["href"])
        path, _, anchor = target.removeprefix(fallback_site.url).partition("#")
        assert fallback_site.html(path).find(id=anchor) is not None, target


def test_fallback_text_is_marked_russian(fallback_site: BuiltSite) -> None:
    page = fallback_site.html("ce/policy/")
    assert page.html["lang"] == "ce"  # the interface around it is Chechen
    h1 = page.find("h1")
    assert h1.find_parent(attrs={"lang": True})["lang"] == "ru"
    assert text_of(h1) == text_of(fallback_site.html("policy/").find("h1"))


def test_fallback_is_never_declared_chechen(fallback_site: BuiltSite) -> None:
    russian = fallback_site.absolute("policy/")
    for path in ("ce/policy/", "policy/"):
        head = fallback_site.html(path).head
        assert head.find("link", rel="canonical")["href"] == russian
        alternates = {
            link["hreflang"]: link["href"]
            for link in head.find_all("link", rel="alternate", hreflang=True)
        }
        assert alternates == {"ru": russian, "x-default": russian}, path


def test_sitemap_omits_the_fallback(fallback_site: BuiltSite) -> None:
    root = ET.parse(fallback_site.root / "sitemap.xml").getroot()
    entries = {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }
    assert fallback_site.absolute("ce/policy/") not in entries
    assert entries[fallback_site.absolute("policy/")] == {"ru", "x-default"}
    assert entries[fallback_site.absolute("ce/platforms/")] == {"ru", "ce", "x-default"}


def test_chechen_search_leaves_the_fallback_out(fallback_site: BuiltSite) -> None:
    locations = {doc["location"] for doc in fallback_site.search_index("ce")["docs"]}
    assert not {loc for loc in locations if loc.startswith("policy/")}
    assert "platforms/" in locations


def test_switcher_still_offers_the_chechen_address(fallback_site: BuiltSite) -> None:
    here = fallback_site.absolute("policy/")
    link = fallback_site.html("policy/").select_one('.site-languages a[lang="ce"]')
    assert urljoin(here, link["href"]) == fallback_site.absolute("ce/policy/")
    assert not link.has_attr("hreflang")
