"""Year pages as readers get them, over four school years counted back from
today: the year before last without a calendar, holiday and summer work,
the current year still open; the reports index newest first; the open data
and the rule of the reporting periods."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import pytest

from activity import labels as report_labels
from activity import registries
from activity.model import FIELDS
from activity.registries import year_id
from common.site_config import LANGS, ROOT
from support.project import build_copy
from support.site import BuiltSite, address, text_of
from support.stats import csv_bytes, run, today

LABELS = report_labels.load(ROOT / "data")
PLATFORMS = {kind.id: kind for kind in registries.load(ROOT / "data").platforms}
FIRST = int(year_id(today())[:4])  # the current school year, Y
NOW, LAST, BEFORE, OLD = (
    f"{y}-{(y + 1) % 100:02}" for y in (FIRST, FIRST - 1, FIRST - 2, FIRST - 3)
)
ROMAN = ("I", "II", "III", "IV")
ORDINALS = ("цхьалгӀа", "шолгӀа", "кхоалгӀа", "доьалгӀа")


def name(year: str, lang: str = "ru") -> str:
    return LABELS[lang]["year_name"].format(year=year.replace("-", "/"))


def quarters(first: int) -> str:
    """The Ministry's quarters of the year starting in `first`, for data/terms.yml."""
    spans = [
        (f"{first}-09-01", f"{first}-10-24"),
        (f"{first}-11-05", f"{first}-12-28"),
        (f"{first + 1}-01-12", f"{first + 1}-03-20"),
        (f"{first + 1}-04-01", f"{first + 1}-05-26"),
    ]
    year = f"{first}-{(first + 1) % 100:02}"
    lines = [f"- year: {year}", "  terms:"]
    for number, ((start, end), roman, ordinal) in enumerate(
        zip(spans, ROMAN, ORDINALS, strict=True), start=1
    ):
        lines += [
            f"    - id: {year}-q{number}",
            f"      start: {start}",
            f"      end: {end}",
            "      name:",
            f"        ru: {roman} четверть {year.replace('-', '/')} учебного года",
            f"        ce: {year.replace('-', '/')} дешаран шеран {ordinal} чийрик",
        ]
    return "\n".join(lines) + "\n"


def day(year: int, month: int, number: int) -> str:
    return datetime.date(year, month, number).isoformat()


Y = FIRST
LOG = [
    # OLD, no calendar: two activities of two teachers.
    [day(Y - 3, 10, 15), "Педагог 01", "sferum", "webinar", "Вебинар", ""],
    [day(Y - 2, 1, 20), "Педагог 02", "infourok", "publication", "Разработка", ""],
    # BEFORE: one in the first term, one in the summer.
    [day(Y - 2, 9, 10), "Педагог 01", "infourok", "publication", "Разработка", ""],
    [day(Y - 1, 7, 15), "Педагог 02", "prosv", "course", "Курс", ""],
    # LAST: the first term, its autumn holidays, the second, the fourth and the summer.
    [day(Y - 1, 9, 2), "Педагог 01", "infourok", "publication", "Разработка", ""],
    [day(Y - 1, 9, 10), "Педагог 02", "sferum", "lesson", "Урок 1", ""],
    [day(Y - 1, 10, 20), "Педагог 02", "sferum", "lesson", "Урок 2", ""],
    [day(Y - 1, 10, 28), "Педагог 03", "prosv", "course", "Курс", ""],
    [day(Y - 1, 11, 10), "Педагог 01", "urokrf", "publication", "Конспект", ""],
    [day(Y, 4, 15), "Педагог 01", "library", "publication", "Подборка", ""],
    [day(Y, 7, 15), "Педагог 04", "prosv", "course", "Летний курс", ""],
    [day(Y, 8, 20), "Педагог 01", "infourok", "course", "Курс", ""],
    # NOW, not ended: its first day, and today.
    [day(Y, 9, 1), "Педагог 01", "sferum", "webinar", "Вебинар", ""],
    [today().isoformat(), "Педагог 05", "infourok", "contest", "Олимпиада", ""],
]


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    def change(project: Path) -> None:
        data = project / "data"
        calendars = [quarters(first) for first in (Y - 2, Y - 1, Y)]
        (data / "terms.yml").write_text("\n".join(calendars), "utf-8")
        (data / "activity-log.csv").write_bytes(csv_bytes(LOG, header=FIELDS))
        (data / "activity-log.yml").write_text("example: false\n", "utf-8")

    return build_copy(tmp_path_factory, "years", change)


def tables(html) -> list[list[list[str]]]:
    return [
        [[text_of(cell) for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")]
        for table in html.find("article").find_all("table")
    ]


def notices(html) -> list[str]:
    return [
        text_of(div.find(class_="admonition-title")) for div in html.select("article .admonition")
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_index_lists_years_newest_first_with_their_terms(years: BuiltSite, lang: str) -> None:
    labels = LABELS[lang]
    article = years.html(address(lang, "reports/")).find("article")
    section = article.find(id="years")
    headings = [text_of(h) for h in section.find_all_next("h3")]
    assert headings[:4] == [name(NOW, lang), name(LAST, lang), name(BEFORE, lang), name(OLD, lang)]
    text = text_of(article)
    assert labels.count("n_activities", 8) in text and labels.count("n_teachers", 4) in text
    links = [a["href"] for a in section.find_all_next("a") if a["href"].startswith(("2", "../2"))]
    assert links[:2] == [f"{NOW}/", f"{NOW}-q1/"]
    assert f"{LAST}/" in links and f"{LAST}-q1/" in links and f"{LAST}-q4/" in links
    assert f"{LAST}-q3/" not in links  # no activity, no page
    assert f"{OLD}/" in links


def test_the_index_words_counts_by_the_plural_rules(years: BuiltSite) -> None:
    text = text_of(years.html("reports/").find("article"))
    assert f"{name(LAST)} — 8 активностей, 4 педагога." in text.replace("Отчёт: ", "")
    assert "II четверть" in text and "— 1 активность, 1 педагог" in text
    assert f"III четверть {LAST.replace('-', '/')} учебного года — активностей нет" in text
    assert "— 2 активности, 2 педагога" in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_year_page_shows_totals_terms_holidays_and_the_year_before(
    years: BuiltSite, lang: str
) -> None:
    html = years.html(address(lang, f"reports/{LAST}/"))
    assert name(LAST, lang) in text_of(html.find("h1"))
    totals, terms, platforms, kinds = tables(html)
    assert [row[1:] for row in totals[1:]] == [["8", "+6"], ["4", "+2"]]
    y = Y - 1
    assert [row[1:] for row in terms[1:]] == [
        [f"01.09.{y} — 04.11.{y}", "4", "3"],
        [f"25.10.{y} — 04.11.{y}", "1", "1"],
        [f"05.11.{y} — 11.01.{y + 1}", "1", "1"],
        [f"29.12.{y} — 11.01.{y + 1}", "0", "0"],
        [f"12.01.{y + 1} — 31.03.{y + 1}", "0", "0"],
        [f"21.03.{y + 1} — 31.03.{y + 1}", "0", "0"],
        [f"01.04.{y + 1} — 31.08.{y + 1}", "3", "2"],
        [f"27.05.{y + 1} — 31.08.{y + 1}", "2", "2"],
    ]
    assert terms[2][0].endswith(LABELS[lang]["holidays"])
    # By platform, against the year before (one publication on Инфоурок then).
    infourok = next(row for row in platforms[1:] if row[0] == PLATFORMS["infourok"].name[lang])
    assert infourok[1:] == ["2", "1", "+1"]
    assert len(kinds) == 1 + 5
    article = html.find("article")
    charts = article.find_all("svg", class_="stats-chart__svg")
    assert len(charts) == 3
    for svg in charts:
        assert svg.find("title").get_text(strip=True) and svg.find("desc").get_text(strip=True)
        assert svg.find_parent(class_="stats-figure").find("table")
    assert not notices(html)  # an ended year with a calendar: nothing to warn of
    links = [a["href"] for a in article.select("table a")]
    assert links == [f"../{LAST}-q1/", f"../{LAST}-q2/", f"../{LAST}-q4/"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_year_without_calendar_says_its_term_dates_are_not_entered(
    years: BuiltSite, lang: str
) -> None:
    html = years.html(address(lang, f"reports/{OLD}/"))
    assert notices(html) == [LABELS[lang]["no_calendar_title"]]
    text = " ".join(LABELS[lang]["no_calendar"].format(year=OLD.replace("-", "/")).split())
    assert text in text_of(html.find("article"))
    totals, *rest = tables(html)
    assert [row[1] for row in totals[1:]] == ["2", "2"]
    assert len(rest) == 2  # by platform and by kind; no terms


@pytest.mark.parametrize("lang", LANGS)
def test_a_period_not_ended_says_preliminary_at_the_top_and_in_its_description(
    years: BuiltSite, lang: str
) -> None:
    title = LABELS[lang]["preliminary_title"]
    open_term = next(
        f"{NOW}-q{n}" for n in range(4, 0, -1) if years.file(f"reports/{NOW}-q{n}/").exists()
    )
    for path in (f"reports/{NOW}/", f"reports/{open_term}/"):
        html = years.html(address(lang, path))
        first = html.find("article").find(class_="admonition")
        assert text_of(first.find(class_="admonition-title")) == title
        assert first.find_previous("h1") is not None
        description = html.find("meta", attrs={"name": "description"})["content"]
        assert description.startswith(f"{title}. ")
    for path in (f"reports/{LAST}/", f"reports/{LAST}-q4/"):
        html = years.html(address(lang, path))
        assert title not in text_of(html.find("article"))
        assert title not in html.find("meta", attrs={"name": "description"})["content"]


def test_a_term_page_shows_its_period_and_holidays_and_links_its_year(years: BuiltSite) -> None:
    html = years.html(f"reports/{LAST}-q1/")
    text = text_of(html.find("article"))
    y = Y - 1
    assert f"Период: 01.09.{y} — 04.11.{y}." in text
    assert f"Каникулы после четверти: 25.10.{y} — 04.11.{y}." in text
    # Against the term before: the last of the year before, with its summer course.
    assert [row[1:] for row in tables(html)[0][1:]] == [["4", "+3"], ["3", "+2"]]
    up = html.find("article").find("a", string=f"↑ {name(LAST)}")
    assert up["href"] == f"../{LAST}/"


def test_the_open_data_holds_the_same_counts_as_json_and_csv(years: BuiltSite) -> None:
    data = json.loads(years.file("reports/summary.json").read_text("utf-8"))
    assert [year["id"] for year in data["years"]] == [OLD, BEFORE, LAST, NOW]
    assert [year["calendar"] for year in data["years"]] == [False, True, True, True]
    last = data["years"][2]
    assert (last["activities"], last["teachers"]) == (8, 4)
    assert last["terms"] == [f"{LAST}-q{n}" for n in range(1, 5)]
    assert len(data["terms"]) == 12
    rows = list(csv.DictReader(io.StringIO(years.file("reports/summary.csv").read_text("utf-8"))))
    assert len(rows) == len(data["years"]) + len(data["terms"])
    by_id = {row["id"]: row for row in rows}
    for entry in [*data["years"], *data["terms"]]:
        row = by_id[entry["id"]]
        assert (row["start"], row["end"]) == (entry["start"], entry["end"])
        assert int(row["activities"]) == entry["activities"]
        assert int(row["teachers"]) == entry["teachers"]
        for kind, number in entry["by_platform"].items():
            assert int(row[f"platform_{kind}"]) == number
        for kind, number in entry["by_activity"].items():
            assert int(row[f"activity_{kind}"]) == number
    assert [row["id"] for row in rows if row["period"] == "year"] == [OLD, BEFORE, LAST, NOW]
    assert [row["year"] for row in rows if row["period"] == "term"] == [
        year for year in (BEFORE, LAST, NOW) for _ in range(4)
    ]


def test_the_published_summary_is_what_stats_py_prints(site: BuiltSite) -> None:
    result = run("summary", "--json")
    assert result.returncode == 0
    assert site.file("reports/summary.json").read_text("utf-8") == result.stdout
    assert not site.file("ce/reports/summary.json").exists()
    for lang in LANGS:
        links = (
            site.html(address(lang, "reports/")).find("article").select("a[href$='summary.json']")
        )
        assert links, lang
        assert (site.file(address(lang, "reports/")).parent / links[0]["href"]).resolve() == (
            site.file("reports/summary.json").resolve()
        )


RULE = ("rule_year", "rule_term", "rule_holidays", "rule_no_calendar", "rule_preliminary")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", ["policy/", "reports/"])
def test_the_rule_of_the_periods_is_stated_in_both_languages(
    site: BuiltSite, lang: str, page: str
) -> None:
    text = text_of(site.html(address(lang, page)).find("article"))
    for key in RULE:
        assert " ".join(LABELS[lang][key].split()) in text, key
    if lang == "ru":
        assert "с 1 сентября по 31 августа" in text
        assert "до дня перед началом следующей четверти" in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_open_data_fields_are_documented(site: BuiltSite, lang: str) -> None:
    article = site.html(address(lang, "reports/")).find("article")
    assert article.find(id="open-data") is not None
    documented = {code.get_text() for code in article.find_all("code")}
    fields = {"terms", "years", "id", "start", "end", "teachers", "activities"}
    fields |= {"by_platform", "by_activity", "calendar", "period", "year", "platform_…"}
    assert fields <= documented


@pytest.mark.parametrize(
    ("lang", "number", "activities", "teachers"),
    [
        ("ru", 1, "1 активность", "1 педагог"),
        ("ru", 2, "2 активности", "2 педагога"),
        ("ru", 5, "5 активностей", "5 педагогов"),
        ("ru", 11, "11 активностей", "11 педагогов"),
        ("ru", 21, "21 активность", "21 педагог"),
        ("ru", 22, "22 активности", "22 педагога"),
        ("ru", 112, "112 активностей", "112 педагогов"),
        ("ce", 1, "1 дакъалацар", "1 хьехархо"),
        ("ce", 5, "5 дакъалацар", "5 хьехархо"),
    ],
)
def test_counts_follow_the_plural_rules(
    lang: str, number: int, activities: str, teachers: str
) -> None:
    assert LABELS[lang].count("n_activities", number) == activities
    assert LABELS[lang].count("n_teachers", number) == teachers
