"""The glossary: data/glossary.yml, its table on /glossary/, and its use on Chechen pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import build_site
from chechen.alphabet import sort_key
from common.problem import Problems
from common.site_config import LANGS, ROOT
from render import glossary as render_glossary
from support.commands import Ran, run_main
from support.content import article, section
from support.project import copy_project
from support.site import BuiltSite, address, text_of

TERMS = render_glossary.load(ROOT)
UNCONFIRMED = {"ru": "Не подтверждено", "ce": "ТӀечӀагӀдина дац"}
GLOSSARY_DATA = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text("utf-8"))


def ce_term(russian: str) -> str:
    (entry,) = (e for e in GLOSSARY_DATA["terms"] if e["ru"] == russian)
    return entry["ce"]


def rows(site: BuiltSite, lang: str) -> list[list[str]]:
    table = section(article(site, lang, "glossary/"), "terms")
    return [[text_of(td) for td in tr.select("td")] for tr in table.select("tbody tr")]


def test_glossary_has_at_least_forty_pairs() -> None:
    assert len(TERMS) >= 40
    assert all(term.words["ru"] and term.words["ce"] for term in TERMS)


@pytest.mark.parametrize("lang", LANGS)
def test_table_shows_every_term_and_marks_the_unconfirmed(site: BuiltSite, lang: str) -> None:
    other = "ce" if lang == "ru" else "ru"
    shown = {(row[0], row[1]): row[2] for row in rows(site, lang)}
    assert len(shown) == len(TERMS)
    for term in TERMS:
        status = shown[(term.words[lang], term.words[other])]
        if term.confirmed:
            assert status.startswith(term.source[lang])
            assert UNCONFIRMED[lang] not in status
        else:
            assert status.startswith(UNCONFIRMED[lang]), term.words
            assert status.split(" — ")[0] == UNCONFIRMED[lang]


def test_terms_facts_leave_unconfirmed_are_marked_so() -> None:
    # facts.md: «report», «network» and «quarter» have no confirmed Chechen term.
    by_russian = {term.words["ru"]: term for term in TERMS}
    for russian in ("отчёт", "сеть, сетевой", "четверть"):
        assert not by_russian[russian].confirmed, russian


@pytest.mark.parametrize("lang", LANGS)
def test_other_language_column_is_marked_with_its_language(site: BuiltSite, lang: str) -> None:
    other = "ce" if lang == "ru" else "ru"
    table = section(article(site, lang, "glossary/"), "terms")
    for tr in table.select("tbody tr"):
        assert tr.select("td")[1].find(attrs={"lang": other}) is not None


def test_chechen_table_is_in_chechen_alphabetical_order(site: BuiltSite) -> None:
    first_column = [row[0] for row in rows(site, "ce")]
    assert first_column == sorted(first_column, key=sort_key)


def test_chechen_order_puts_digraphs_and_the_palochka_in_their_place() -> None:
    words_ = ["Ӏалашо", "бакъо", "аьтто", "агӀо", "гӀалат", "гайтам", "курсаш", "курс"]
    assert sorted(words_, key=sort_key) == [
        "агӀо",
        "аьтто",  # аь is a letter after а, before б
        "бакъо",
        "гайтам",
        "гӀалат",  # гӀ after г
        "курс",
        "курсаш",
        "Ӏалашо",  # the palochka ends the alphabet
    ]


# The glossary's Chechen terms, where the interface and page titles must use them.
THEME_STRINGS = ROOT / "overrides" / "partials" / "languages" / "ce.html"
SITE_STRINGS = ROOT / "overrides" / "partials" / "site-strings.html"
USES = [
    ("поиск", THEME_STRINGS, "search"),
    ("содержание", THEME_STRINGS, "toc"),
    ("предыдущая страница", THEME_STRINGS, "footer.previous"),
    ("следующая страница", THEME_STRINGS, "footer.next"),
    ("язык", THEME_STRINGS, "select.language"),
    ("правка, исправить", THEME_STRINGS, "action.edit"),
    ("перевод", SITE_STRINGS, "fallback.help"),
    ("перевод", SITE_STRINGS, "review"),
    ("черновик", SITE_STRINGS, "draft"),
]
TITLES = [
    ("", "сообщество"),
    ("policy/", "положение (документ)"),
    ("platforms/", "платформа"),
    ("reports/", "отчёт"),
    ("reports/", "четверть"),
    ("glossary/", "словарь"),
]


def stems(term: str) -> list[str]:
    """What stays of a Chechen term (or its variants) when it is declined."""
    return [variant.split()[-1].rstrip("аеиоуя") for variant in term.casefold().split(",")]


def chechen_string(path: Path, key: str) -> str:
    text = path.read_text("utf-8")
    if path == SITE_STRINGS:
        text = text.split('"ce": {')[1]
    return re.search(rf'"{re.escape(key)}": "(.*)"', text).group(1)


@pytest.mark.parametrize(("russian", "path", "key"), USES)
def test_interface_strings_use_the_glossary_terms(russian: str, path: Path, key: str) -> None:
    text = chechen_string(path, key).casefold()
    assert any(stem in text for stem in stems(ce_term(russian)))


@pytest.mark.parametrize(("path", "russian"), TITLES)
def test_chechen_page_titles_use_the_glossary_terms(
    site: BuiltSite, path: str, russian: str
) -> None:
    title = text_of(site.html(address("ce", path)).find("h1")).casefold()
    assert any(stem in title for stem in stems(ce_term(russian)))


def glossary_line(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def break_glossary(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    project = copy_project(tmp_path / "project")
    data = project / "data" / "glossary.yml"
    text = data.read_text("utf-8")
    assert old in text
    data.write_text(text.replace(old, new, 1), "utf-8")
    return project, data.read_text("utf-8")


@pytest.mark.parametrize(
    ("old", "new", "at", "message"),
    [
        ("    ce: лахар\n", "", "  - ru: поиск", "нет обязательного поля «ce»"),
        ("    ce: жамӀ\n", "    ce: жамIаш\n", "    ce: жамIаш", "палочка набрана как латинская I"),
        ("    source: cldr\n", "    source: cldr-2\n", "    source: cldr-2", "нет источника"),
        (
            "  - ru: сообщество\n",
            "  - ru: поиск\n",
            "  - ru: поиск\n    ce: юкъаралла",
            "уже есть в словаре",
        ),
        (
            "    ce: чулацам\n",
            "    ce: чулацам: х\n",
            "    ce: чулацам: х",
            "двоеточие «:» внутри значения",
        ),
        (
            "    ce: мотт\n",
            "    ce: мотт\n    ce: мотт\n",
            "    ce: мотт\n    ce",
            "записан дважды",
        ),
        ("    ce: коьрта агӀо\n", "    ce: ''\n", "    ce: ''", "terms[4].ce"),
    ],
)
def test_bad_glossary_data_names_the_file_and_line(
    tmp_path: Path, old: str, new: str, at: str, message: str
) -> None:
    project, text = break_glossary(tmp_path, old, new)
    with pytest.raises(Problems) as caught:
        render_glossary.load(project)
    line = glossary_line(text, at)
    if at.startswith("    ce: мотт\n"):
        line += 1  # the second of the two keys
    problems = str(caught.value).splitlines()
    assert any(p.startswith(f"data/glossary.yml:{line}: ") and message in p for p in problems), (
        problems
    )


def test_bad_glossary_stops_the_build_and_keeps_what_was_built(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")

    def build() -> Ran:
        args = ["--project", project, "--site-dir", tmp_path / "site"]
        return run_main(build_site.main, *args)

    assert build().returncode == 0
    generated = {p: p.read_bytes() for p in (project / "docs" / ".generated").rglob("*.md")}
    data = project / "data" / "glossary.yml"
    data.write_text(data.read_text("utf-8").replace("source: mediawiki", "source: wiki"), "utf-8")
    result = build()
    assert result.returncode == 1
    assert "data/glossary.yml:" in result.stderr and "нет источника «wiki»" in result.stderr
    assert {p: p.read_bytes() for p in generated} == generated
