"""Every page says when its text last changed («Обновлено: 25 ноября 2026»),
by git history of its own source, of the data its generated parts show, and
for /ce/ of the translation's own file; the sitemap says it too (<lastmod>).
Without git history a page shows no date, and the build does not fail."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from common.site_config import LANGS
from sitebuild.project_copy import copy_project
from support.commands import run_program
from support.git import commit_all, git
from support.project import PREFIX_URL, build_copy
from support.site import PAGES, BuiltSite, address, text_of
from support.stats import REPORT_PAGES

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
UPDATED = {"ru": "Обновлено:", "ce": "ТӀаьххьара хийцам:"}


def shown_date(site: BuiltSite, path: str) -> tuple[str, str] | None:
    """The page's date as (datetime attribute, text), or None when it has none."""
    updated = site.html(path).select_one(".site-updated")
    if updated is None:
        return None
    time = updated.find("time")
    return time["datetime"], text_of(updated)


def lastmods(site: BuiltSite) -> dict[str, str | None]:
    root = ET.parse(site.root / "sitemap.xml").getroot()
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The site in a repository with commits on known days: everything on
    1 March 2026; the Chechen policy late on 20 November (UTC), which is
    21 November in the school's time zone; the glossary's data on 5 October."""

    def change(project: Path) -> None:
        git(project, "init", "-q", "-b", "main")
        commit_all(project, "the site", when="2026-03-01T10:00:00+03:00")
        page = project / "docs" / "ce" / "policy.md"
        page.write_text(page.read_text("utf-8") + "\nКерла абзац.\n", "utf-8")
        commit_all(project, "Chechen policy", when="2026-11-20T22:30:00+00:00")
        data = project / "data" / "glossary.yml"
        data.write_text(
            data.read_text("utf-8") + "  - ru: день обновления\n    ce: карладаккхаран де\n",
            "utf-8",
        )
        commit_all(project, "glossary", when="2026-10-05T12:00:00+03:00")

    return build_copy(tmp_path_factory, "dated", change)


@pytest.mark.parametrize(
    ("path", "day", "shown"),
    [
        ("policy/", "2026-03-01", "Обновлено: 1 марта 2026"),
        ("ce/policy/", "2026-11-21", "ТӀаьххьара хийцам: 2026 шеран 21 ноябрь"),
        ("glossary/", "2026-10-05", "Обновлено: 5 октября 2026"),
        ("ce/glossary/", "2026-10-05", "ТӀаьххьара хийцам: 2026 шеран 5 октябрь"),
        ("platforms/sferum/", "2026-03-01", "Обновлено: 1 марта 2026"),
    ],
)
def test_the_date_follows_the_history_of_what_the_page_shows(
    dated_site: BuiltSite, path: str, day: str, shown: str
) -> None:
    assert shown_date(dated_site, path) == (day, shown)


def test_the_sitemap_gives_each_page_its_date(dated_site: BuiltSite) -> None:
    dates = lastmods(dated_site)
    for path in PAGES:
        for lang in LANGS:
            page = address(lang, path)
            assert dates[dated_site.absolute(page)] == shown_date(dated_site, page)[0], page


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_of_the_real_site_has_its_date(site: BuiltSite, lang: str, path: str) -> None:
    date = shown_date(site, address(lang, path))
    assert date is not None, "the site is built from a git clone: every page has a date"
    assert date[1].startswith(UPDATED[lang])


def test_without_git_history_no_date_and_no_pdf_but_a_site(tmp_path: Path) -> None:
    """A tarball of the sources on a machine without Chromium: the site is
    built, with no dates and no report PDFs, and one line says why."""
    project = copy_project(tmp_path / "project")  # no .git: as from a tarball
    site = BuiltSite(tmp_path / "site", PREFIX_URL)
    result = run_program(
        "build_site.py", "--project", project, "--site-dir", site.root, "--site-url", PREFIX_URL,
        env={"CHROMIUM": str(tmp_path / "no-chromium")},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    notes = result.stderr.splitlines()
    missing = tmp_path / "no-chromium"
    assert notes == [
        f"PDF отчётов не напечатаны: CHROMIUM={missing}: такого файла нет; установите "
        "Chromium (на Debian или Ubuntu: sudo apt-get install chromium) или укажите в "
        "переменной CHROMIUM путь к Chromium или Google Chrome"
    ]
    for path in PAGES:
        assert shown_date(site, path) is None
        assert shown_date(site, address("ce", path)) is None
    assert set(lastmods(site).values()) == {None}
    assert not list(site.root.rglob("*.pdf"))
    assert not site.html(REPORT_PAGES[0]).select(".site-pdf")
