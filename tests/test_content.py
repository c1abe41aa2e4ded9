"""The site's pages: real text in both languages, honestly labelled, in our own words."""

from __future__ import annotations

import re

import pytest
import yaml

from chechen import palochka
from common import site_config
from common.site_config import LANGS
from common.source_pages import written_pages
from support.content import DOCS, article, front_matter, source_of, words
from support.site import PAGES, BuiltSite, address, text_of

REPORT = DOCS.parent / "tests" / "data" / "school-report.txt"
SCHOOL = site_config.load().school
SCHOOL_RU, SCHOOL_CE = SCHOOL["ru"].name, SCHOOL["ce"].name
# Letters and digraphs Russian does not have: a Chechen text has some.
CHECHEN_MARKS = re.compile(r"Ӏ|аь|оь|уь|хь|къ|кх")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_written_in_both_languages(site: BuiltSite, lang: str, path: str) -> None:
    source = source_of(lang, path)
    assert source.exists(), f"{source} is missing"
    meta = front_matter(source)
    assert not meta.get("draft"), f"{source} is still a draft"
    page = site.html(address(lang, path))
    assert page.select_one(".site-notice--draft") is None
    assert page.select_one(".site-notice--fallback") is None
    assert len(text_of(article(site, lang, path)).split()) > 60, "too little text to be a page"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_describes_itself_in_its_language(site: BuiltSite, lang: str, path: str) -> None:
    description = front_matter(source_of(lang, path)).get("description", "")
    assert description.strip(), "no description in the front matter"
    assert len(re.findall(r"[.!?](\s|$)", description.strip())) <= 1, "one sentence, please"
    meta = site.html(address(lang, path)).find("meta", attrs={"name": "description"})
    assert meta["content"] == description
    assert bool(CHECHEN_MARKS.search(description)) == (lang == "ce")


@pytest.mark.parametrize("path", PAGES)
def test_chechen_pages_await_review_and_say_so(site: BuiltSite, path: str) -> None:
    assert front_matter(source_of("ce", path)).get("translation_review") == "needed"
    notice = site.html(address("ce", path)).select_one(".site-notice--review")
    assert notice is not None and text_of(notice)


@pytest.mark.parametrize("path", PAGES)
def test_chechen_page_is_not_its_russian_twin(site: BuiltSite, path: str) -> None:
    ru, ce = article(site, "ru", path), article(site, "ce", path)
    assert words(text_of(ru)) != words(text_of(ce))

    def sentences(page) -> set[str]:
        # Sentences long enough to be prose, not names of things. Russian
        # marked as such on a Chechen page (a name, a form's title) is quoted.
        for quoted in page.select('[lang="ru"]'):
            quoted.extract()
        found = set()
        for tag in page.select("p, li, td, th"):
            found.update(re.split(r"(?<=[.!?:;])\s+", words(text_of(tag))))
        return {sentence for sentence in found if len(sentence.split()) >= 5}

    assert not sentences(ru) & sentences(ce), "Russian text left untranslated on the Chechen page"


@pytest.mark.parametrize("path", PAGES)
def test_sections_have_the_same_anchors_in_both_languages(site: BuiltSite, path: str) -> None:
    def anchors(lang: str) -> list[str]:
        return [h["id"] for h in article(site, lang, path).select("h2, h3")]

    assert anchors("ru") == anchors("ce")
    assert all(re.fullmatch(r"[a-z][a-z0-9-]*", anchor) for anchor in anchors("ru"))


@pytest.mark.parametrize("path", PAGES)
def test_no_chechen_page_types_the_palochka_with_a_lookalike(site: BuiltSite, path: str) -> None:
    text = site.html(address("ce", path)).body.get_text(" ")
    found = [text[max(0, f.index - 10) : f.index + 10] for f in palochka.find_lookalikes(text)]
    assert not found


@pytest.mark.parametrize("path", PAGES)
def test_chechen_pages_keep_the_traditional_spelling(site: BuiltSite, path: str) -> None:
    page = article(site, "ce", path)
    for russian in page.select('[lang="ru"]'):
        russian.extract()
    reformed = re.findall(r"(?<![\w-])й[уа]\w*", text_of(page).casefold())
    assert not reformed, "write ю/я as in «юкъаралла», not йу-/йа-"


def test_home_page_names_the_school_in_both_languages(site: BuiltSite) -> None:
    for lang in LANGS:
        text = words(text_of(article(site, lang, "")))
        assert words(SCHOOL_CE) in text, lang
        assert words(SCHOOL_RU) in text, lang
    # Each name is marked with its language where it stands on the other's page.
    chechen_on_russian_page = article(site, "ru", "").select_one('[lang="ce"]')
    assert words(SCHOOL_CE) in words(text_of(chechen_on_russian_page))
    russian_on_chechen_page = article(site, "ce", "").select_one('[lang="ru"]')
    assert words(SCHOOL_RU) in words(text_of(russian_on_chechen_page))


def test_no_page_spells_the_school_names_itself() -> None:
    """The names live in mkdocs.yml; pages include them (school.<lang>.md)."""
    names = [form for school in SCHOOL.values() for form in (school.full, school.short)]
    for lang in LANGS:
        for page in written_pages(DOCS.parent, lang):
            text = words(page.read_text("utf-8"))
            assert not [name for name in names if words(name) in text], page


def test_github_settings_agree_with_mkdocs_yml() -> None:
    """GitHub reads .github/ itself: its copy of the site's address must agree."""
    site = site_config.load()
    config = yaml.safe_load((DOCS.parent / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text())
    for link in config["contact_links"]:
        if "github.io" in link["url"]:
            assert link["url"].startswith(site.site_url), link


def report_sentences() -> list[str]:
    """The sentences of the school's report: its prose, not its letterhead."""
    prose = [
        block
        for block in REPORT.read_text("utf-8").split("\n\n")
        if block.strip() and not block.strip().startswith("**")
    ]
    text = words(" ".join(prose))
    sentences = re.split(r"(?<=[.!?])\s+(?=[^\s])", text)
    return [sentence for sentence in sentences if len(sentence.split()) >= 5]


def test_the_report_has_sentences_to_compare() -> None:
    assert len(report_sentences()) >= 5


def test_no_sentence_of_the_report_stands_on_the_site(site: BuiltSite) -> None:
    sentences = report_sentences()
    runs = {
        " ".join(sentence.split()[i : i + 8])
        for sentence in sentences
        for i in range(len(sentence.split()) - 7)
    }
    for page in sorted(site.root.rglob("*.html")):
        text = words(site.html(str(page.relative_to(site.root))).get_text(" "))
        copied = [s for s in sentences if s.rstrip(".") in text]
        assert not copied, f"{page}: {copied}"
        # Nor eight words in a row: a sentence copied with one word changed.
        assert not [run for run in runs if run in text], page


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_is_found_by_its_title(site: BuiltSite, lang: str) -> None:
    # mkdocs-static-i18n drops a Chechen page's own entry from search when
    # its title and lead text equal the Russian page's (Сферум, Инфоурок):
    # every page must have words of its own before its first section.
    locations = {doc["location"] for doc in site.search_index(lang)["docs"]}
    assert set(PAGES) <= locations


POLICY_SECTIONS = [
    "general",
    "aims",
    "members",
    "activities",
    "rights",
    "planning",
    "monitoring",
    "openness",
    "final",
]


@pytest.mark.parametrize("lang", LANGS)
def test_policy_has_numbered_sections_with_shared_anchors(site: BuiltSite, lang: str) -> None:
    headings = article(site, lang, "policy/").select("h2")
    assert [h["id"] for h in headings] == POLICY_SECTIONS
    assert [text_of(h).split(".")[0] for h in headings] == [
        str(n) for n in range(1, len(POLICY_SECTIONS) + 1)
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_policy_leaves_what_only_the_school_knows_visibly_blank(site: BuiltSite, lang: str) -> None:
    text = text_of(article(site, lang, "policy/"))
    assert text.count("№ ___") >= 4  # council minutes, director's order, coordinator
    # Every other number is a federal law's, never an invented order.
    numbers = re.findall(r"№\s*([^\s,.;:)]+)", text)
    assert all(n == "___" or re.fullmatch(r"\d+-ФЗ", n) for n in numbers), numbers


@pytest.mark.parametrize("lang", LANGS)
def test_contributing_guide_has_its_sections(site: BuiltSite, lang: str) -> None:
    anchors = {h["id"] for h in article(site, lang, "contributing/").select("h2")}
    assert {"edit", "add-page", "report", "translate", "spelling", "checks"} <= anchors
