"""Where the site is published: at a custom domain's root, or under a GitHub
project-pages path. Each is one setting; both builds must work whole."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Page, expect

from common.site_config import LANGS, ROOT
from postbuild.finish import write_cname
from support.browser import search
from support.site import BuiltSite, serve, text_of

FIXTURES = ["site", "domain_site"]
LINKING = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}


def test_custom_domain_gets_a_cname(domain_site: BuiltSite) -> None:
    assert (domain_site.root / "CNAME").read_text("utf-8") == "set.example.ru\n"


def test_project_pages_address_gets_no_cname(site: BuiltSite) -> None:
    assert not (site.root / "CNAME").exists()


@pytest.mark.parametrize(
    "url",
    ["https://owner.github.io/", "https://set.example.ru/network/", "http://127.0.0.1:8000/"],
)
def test_no_cname_where_no_domain_root_is_set(url: str, tmp_path) -> None:
    (tmp_path / "CNAME").write_text("stale.example.ru\n")
    write_cname(tmp_path, url)
    assert not (tmp_path / "CNAME").exists()


def internal_addresses(site: BuiltSite) -> Iterator[tuple[str, str]]:
    """(page, absolute address) of every link and asset on the site's own host."""
    host = urlsplit(site.url).netloc
    for file in sorted(site.root.rglob("*.html")):
        page = file.relative_to(site.root).as_posix().removesuffix("index.html")
        html = site.html(page)
        for tag, attr in LINKING.items():
            for element in html.find_all(tag, attrs={attr: True}):
                target = urljoin(site.absolute(page), element[attr])
                if target.startswith("webcal://"):  # a calendar to subscribe to
                    target = urlsplit(site.url).scheme + target.removeprefix("webcal")
                if urlsplit(target).netloc == host:
                    yield page, target.split("#")[0].split("?")[0]


@pytest.mark.parametrize("fixture", FIXTURES)
def test_every_link_and_asset_resolves_inside_the_site(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    site: BuiltSite = request.getfixturevalue(fixture)
    broken = set()
    count = 0
    for page, target in internal_addresses(site):
        count += 1
        if not target.startswith(site.url):
            broken.add((page, target, "outside the site's path"))
            continue
        path = target.removeprefix(site.url)
        if not site.file(path).exists():
            broken.add((page, target, "no such file"))
    assert count > 500
    assert not broken, sorted(broken)[:10]


@pytest.mark.parametrize("lang", LANGS)
def test_search_works_at_a_domain_root(domain_site: BuiltSite, page: Page, lang: str) -> None:
    root = "" if lang == "ru" else "ce/"
    target = root + "platforms/sferum/"
    title = text_of(domain_site.html(target).find("h1"))
    with serve(domain_site) as served:
        page.goto(served + root)
        hrefs = search(page, title)
        assert served + target in hrefs
        page.locator(".md-search-result__list a").first.click()
        expect(page.locator("h1")).to_be_visible()
        assert page.url.startswith(served + root)


def test_own_script_and_stylesheet_reach_readers_minified(site: BuiltSite) -> None:
    """What a phone fetches on every cold page is the minified copy: smaller
    than the readable source, without its comments (the browser tests show
    it still works)."""
    for name in ("assets/javascripts/site.js", "assets/stylesheets/site.css"):
        source = (ROOT / "overrides" / name).read_text("utf-8")
        served = site.file(name).read_text("utf-8")
        assert len(served) < 0.8 * len(source), name
        assert "/*" in source and "/*" not in served, name
