"""The way in for a teacher's report: the home page and the reports show the
form «Сообщить об участии» and the way without a GitHub account; the
coordinator's guide /contributing/report-sheet/ lists the form's questions."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from activity.issue_form import load_form
from activity.model import FIELDS
from common.site_config import LANGS, ROOT
from common.site_config import load as load_site
from support.site import BuiltSite, address, text_of
from support.stats import REPORT_PAGES

FORM_URL = load_site().repo_url + "/issues/new?template=report-activity.yml"
WITH_LINK = ("", "reports/", *REPORT_PAGES)
LINK_TEXT = {"ru": "Сообщить об участии", "ce": "Дакъалацарх хаам бан"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", WITH_LINK)
def test_home_and_reports_link_to_the_form_and_the_way_without_github(
    site: BuiltSite, lang: str, path: str
) -> None:
    page = site.html(address(lang, path))
    block = page.select_one(".site-report")
    assert block is not None and block["lang"] == lang
    form, how = block.select("a")
    assert form["href"] == FORM_URL
    assert text_of(form) == LINK_TEXT[lang]
    assert "GitHub" in text_of(block.select("p")[1])
    # The second link leads to the section that tells every way to report.
    target = site.root / address(lang, "contributing/") / "index.html"
    assert (
        site.file(address(lang, path)).parent / how["href"].split("#")[0] / "index.html"
    ).resolve() == target.resolve()
    assert how["href"].endswith("#report")
    assert site.html(address(lang, "contributing/")).find(id="report") is not None


@pytest.mark.parametrize("path", ("policy/", "platforms/sferum/", "contributing/"))
def test_other_pages_have_no_report_link(site: BuiltSite, path: str) -> None:
    assert site.html(path).select_one(".site-report") is None


def test_the_report_link_is_seen_on_a_phone_and_not_on_paper(served: str, page: Page) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(served)
    link = page.get_by_role("link", name=LINK_TEXT["ru"], exact=True)
    expect(link).to_be_visible()
    expect(link).to_be_in_viewport()
    page.emulate_media(media="print")
    expect(link).to_be_hidden()


@pytest.mark.parametrize("lang", LANGS)
def test_the_guide_lists_the_forms_questions_and_choices(site: BuiltSite, lang: str) -> None:
    page = site.html(address(lang, "contributing/report-sheet/"))
    table = text_of(page.select_one("article table"))
    for field in load_form(ROOT).fields:
        if field.id in FIELDS:
            assert field.label in table
            for option in field.options:
                assert option in table
    text = text_of(page.select_one("article"))
    for word in ("CSV", "ACTIVITY_SHEET_URL", "TEACHER_KEY", "Run workflow"):
        assert word in text
    if lang != "ru":  # a draft a native speaker has not reviewed says so
        assert page.select_one(".site-notice--review") is not None


@pytest.mark.parametrize("lang", LANGS)
def test_the_guide_tells_the_coordinator_the_one_pull_request_and_privacy(
    site: BuiltSite, lang: str
) -> None:
    """What the coordinator must do that no program does: the sheet's
    locale, the one pull request of the log, and the issue's history when a
    teacher wants the name gone."""
    page = site.html(address(lang, "contributing/report-sheet/"))
    text = " ".join(text_of(page.select_one("article")).split())
    # Dates as ДД.ММ.ГГГГ: the Google sheet's locale is Russia.
    for word in ("Региональные настройки", "Россия", "ДД.ММ.ГГГГ"):
        assert word in text
    # One pull request for reports and the sheet, listing what it closes.
    for word in ("Журнал участия: новые сведения из заявок и онлайн-таблицы", "Closes #"):
        assert word in text
    assert page.find(id="weekly") is not None and page.find(id="privacy") is not None
    # GitHub keeps every version of an issue: how to remove it.
    for word in ("Delete issue", "Delete revision from history", "edited"):
        assert word in text
    if lang == "ru":
        for said in (
            "Запрос всегда один",
            "учитель исправил заявку после метки — метка снимается сама",
            "сохранить не удалось",
            "таблица не опубликована для всех",
        ):
            assert said in text
