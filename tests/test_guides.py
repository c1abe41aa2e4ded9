"""The platform guides and the comparison table, as data/platforms.yml makes them."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from common.problem import Problems
from common.site_config import LANGS, ROOT
from render import platforms as render_platforms
from render.mdtext import href, shown_url
from sitebuild.build import build
from support.content import DOCS, GUIDE_SECTIONS, article, section, words
from support.project import PREFIX_URL, copy_project
from support.site import BuiltSite, address, text_of

PLATFORMS = render_platforms.load(ROOT)
IDS = [platform.id for platform in PLATFORMS]
TO_BE_CONFIRMED = {"ru": "уточняется", "ce": "тӀечӀагӀдан деза"}
NOT_CONFIRMED = {"ru": "не подтверждено", "ce": "тӀечӀагӀдина дац"}


def guide(site: BuiltSite, lang: str, platform_id: str):
    return article(site, lang, f"platforms/{platform_id}/")


def test_every_platform_in_the_data_has_a_guide_and_the_five_are_there() -> None:
    assert set(IDS) == {"infourok", "urokrf", "library", "prosv", "sferum"}
    for lang in LANGS:
        assert all((DOCS / lang / "platforms" / f"{id_}.md").exists() for id_ in IDS)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("platform_id", IDS)
def test_every_guide_has_the_shared_sections(site: BuiltSite, lang: str, platform_id: str) -> None:
    sections = [h2["id"] for h2 in guide(site, lang, platform_id).select("h2")]
    assert sections == GUIDE_SECTIONS
    for anchor in GUIDE_SECTIONS:
        assert text_of(section(guide(site, lang, platform_id), anchor)), f"#{anchor} is empty"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("platform", PLATFORMS, ids=IDS)
def test_guide_is_titled_with_the_name_from_the_data(
    site: BuiltSite, lang: str, platform: render_platforms.Platform
) -> None:
    assert text_of(guide(site, lang, platform.id).find("h1")) == platform.name[lang]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("platform", PLATFORMS, ids=IDS)
def test_guide_shows_the_official_address_from_the_data(
    site: BuiltSite, lang: str, platform: render_platforms.Platform
) -> None:
    page = guide(site, lang, platform.id)
    what = section(page, "what")
    links = {a["href"]: text_of(a) for a in what.select("a[href]")}
    if platform.url_checked:
        assert links.get(href(platform.url)) == shown_url(platform.url)
        return
    text = words(text_of(what))
    assert words(TO_BE_CONFIRMED[lang]) in text
    if platform.url:
        assert shown_url(platform.url) in text
    # An address nobody has confirmed is never offered as a link.
    hosts = [a["href"] for a in page.select("a[href]")]
    assert not [h for h in hosts if platform.url and shown_url(platform.url) in h]


@pytest.mark.parametrize("lang", LANGS)
def test_library_guide_says_which_library_and_that_it_is_not_confirmed(
    site: BuiltSite, lang: str
) -> None:
    (library,) = (p for p in PLATFORMS if p.id == "library")
    assert library.full_name and not library.identity_checked
    what = words(text_of(section(guide(site, lang, "library"), "what")))
    assert words(library.full_name[lang]) in what
    assert words(NOT_CONFIRMED[lang]) in what
    for reading in library.other_readings[lang]:
        assert words(reading) in what


@pytest.mark.parametrize("lang", LANGS)
def test_comparison_table_has_a_row_per_platform_from_the_data(site: BuiltSite, lang: str) -> None:
    here = site.absolute(address(lang, "platforms/"))
    rows = section(article(site, lang, "platforms/"), "compare").select("tbody tr")
    assert len(rows) == len(PLATFORMS)
    for row, platform in zip(rows, PLATFORMS, strict=True):
        cells = row.select("td")
        link = cells[0].find("a")
        assert text_of(link) == platform.name[lang]
        assert urljoin(here, link["href"]) == site.absolute(
            address(lang, f"platforms/{platform.id}/")
        )
        assert [words(text_of(td)) for td in cells[1:]] == [
            words(platform.compared[field][lang]) for field in render_platforms.COMPARED
        ]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("platform", PLATFORMS, ids=IDS)
def test_useful_links_lead_to_official_pages_and_our_own(
    site: BuiltSite, lang: str, platform: render_platforms.Platform
) -> None:
    here = site.absolute(address(lang, f"platforms/{platform.id}/"))
    hrefs = {a["href"] for a in section(guide(site, lang, platform.id), "links").select("a")}
    expected = {href(link.url) for link in platform.links}
    if platform.url_checked:
        expected.add(href(platform.url))
    assert expected <= hrefs
    own = [urljoin(here, h) for h in hrefs if not h.startswith("http")]
    assert site.absolute(address(lang, "contributing/")) + "#report" in own


def test_renaming_the_library_is_one_data_edit(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    data_file = project / "data" / "platforms.yml"
    data = yaml.safe_load(data_file.read_text("utf-8"))
    library = next(entry for entry in data if entry["id"] == "library")
    library.update(
        name={"ru": "Библиотека «Моя школа»", "ce": "«Моя школа» библиотека"},
        full_name={"ru": "Библиотека ФГИС «Моя школа»", "ce": "ФГИС «Моя школа» библиотека"},
        identity_checked=True,
        url="https://example.org/library/",
        url_checked=True,
    )
    del library["other_readings"]
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    site = BuiltSite(tmp_path / "site", PREFIX_URL)
    build(site.root, site_url=PREFIX_URL, project=project)
    for lang in LANGS:
        page = guide(site, lang, "library")
        assert text_of(page.find("h1")) == library["name"][lang]
        what = section(page, "what")
        assert what.find("a", href="https://example.org/library/")
        assert words(NOT_CONFIRMED[lang]) not in words(text_of(what))
        table = section(article(site, lang, "platforms/"), "compare")
        assert library["name"][lang] in text_of(table)


@pytest.mark.parametrize(
    ("old", "new", "at", "message"),
    [
        ("  url: https://sferum.ru/\n", "  url: ftp://sferum.ru/\n", "  url: ftp:", "[4].url"),
        ("- id: urokrf\n", "- id: infourok\n", "- id: infourok\n  name:\n    ru: Урок", "дважды"),
        ("  url: null\n", "  url: 42\n", "  url: 42", "[2].url"),
        (
            "  url_checked: false\n",
            "  url_checked: true\n",
            "  url_checked: true\n  aliases: [Эл",
            "url пуст",
        ),
        (
            "    ru: Бесплатно, без рекламы.\n",
            "",
            "  cost:\n    ce: Мах боцуш",
            "нет обязательного поля «ru»",
        ),
    ],
)
def test_bad_platform_data_names_the_file_and_line(
    tmp_path: Path, old: str, new: str, at: str, message: str
) -> None:
    project = copy_project(tmp_path / "project")
    data = project / "data" / "platforms.yml"
    text = data.read_text("utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    data.write_text(text, "utf-8")
    with pytest.raises(Problems) as caught:
        render_platforms.load(project)
    line = text[: text.index(at)].count("\n") + 1
    problems = str(caught.value).splitlines()
    assert any(p.startswith(f"data/platforms.yml:{line}: ") and message in p for p in problems), (
        problems
    )
