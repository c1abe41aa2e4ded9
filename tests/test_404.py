"""One 404 page for readers of both languages."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urljoin

import jinja2
import material
import minijinja
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page

from common.site_config import ROOT
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


MAP_THREE = (
    '{%- set languages = [{"code": "ru", "name": "Русский", "root": ""}, '
    '{"code": "ce", "name": "Нохчийн", "root": "ce/"}, '
    '{"code": "en", "name": "English", "root": "en/"}] -%}\n'
    '{%- set default = "ru" -%}\n'
    "{%- set review_pending = [] -%}\n"
)


@pytest.mark.parametrize("engine", ["jinja2", "minijinja"])
def test_404_speaks_every_language_of_the_map(tmp_path: Path, engine: str) -> None:
    """The page takes its languages from the language map, as the other
    templates do: a third language gets its own section and link home, in
    Jinja2 (MkDocs) and in minijinja (Zensical) alike."""
    overrides = tmp_path / "overrides"
    shutil.copytree(ROOT / "overrides", overrides, ignore=shutil.ignore_patterns(".generated"))
    (overrides / ".generated").mkdir()
    (overrides / ".generated" / "language-map.html").write_text(MAP_THREE, "utf-8")
    strings = overrides / "partials" / "site-strings.html"
    english = '"en": {"notfound.title": "Page not found", "notfound.text": "No such page."},'
    strings.write_text(strings.read_text("utf-8").replace('"ru": {', english + '"ru": {', 1))
    folders = [overrides, Path(material.__file__).parent / "templates"]
    context = {"config": {"theme": {"favicon": "favicon.svg"}, "extra_css": []}}
    if engine == "jinja2":
        jinja = jinja2.Environment(loader=jinja2.FileSystemLoader(folders))
        jinja.filters["url"] = lambda value: "/network/" + value
        html = jinja.get_template("404.html").render(context)
    else:
        mini = minijinja.Environment(
            loader=lambda name: next(
                (f / name).read_text("utf-8") for f in folders if (f / name).is_file()
            )
        )
        mini.pycompat = False
        mini.add_filter("url", lambda value: "/network/" + value)
        html = mini.render_template("404.html", **context)
    page = BeautifulSoup(html, "html.parser")
    assert page.html["lang"] == "ru"
    sections = page.select("main section")
    assert [section.get("lang") for section in sections] == [None, "ce", "en"]
    assert [a["href"] for a in page.select("main a")] == [
        "/network/.",
        "/network/ce/",
        "/network/en/",
    ]
    assert [h.name for h in page.select("main h1, main h2")] == ["h1", "h2", "h2"]
    assert sections[2].h2.get_text() == "Page not found"
    assert sections[2].a.get_text() == "Back to index"  # Material's English
    assert sections[1].a.get_text() == "Коьрта агӀоне"
