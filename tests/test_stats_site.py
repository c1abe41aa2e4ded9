"""The report pages as readers get them: built from the canonical log,
in both languages, with totals, tables, changes, charts, the example
notice, and names only of teachers who consented."""

from __future__ import annotations

from pathlib import Path

import pytest

from activity import log as activity_log
from activity import registries
from activity.model import FIELDS
from activity.summary import summarise, with_activity
from common.problem import Problems
from common.site_config import LANGS, ROOT
from render import core as render
from render.registry import RENDERERS
from sitebuild.build import BuildError, build
from support.project import build_copy, copy_project
from support.site import BuiltSite, address, text_of
from support.stats import csv_bytes

REGISTRIES = registries.load(ROOT / "data")
SUMMARIES = summarise(REGISTRIES, activity_log.read(ROOT / "data", REGISTRIES).activities)
SHOWN = with_activity(SUMMARIES)
EXAMPLE = {"ru": "Это пример", "ce": "ХӀара масала ду"}


def tables(html) -> list[list[list[str]]]:
    article = html.find("article")
    return [
        [[text_of(cell) for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")]
        for table in article.find_all("table")
    ]


def change(now: int, before: int | None) -> str:
    if before is None:
        return "—"
    return f"+{now - before}" if now > before else f"−{before - now}" if now < before else "0"


def test_the_shipped_log_has_reports_to_show() -> None:
    assert SHOWN, "the example log should give at least one term with activity"


@pytest.mark.parametrize("lang", LANGS)
def test_term_pages_show_totals_tables_and_change(site: BuiltSite, lang: str) -> None:
    names = {kind.id: kind.name[lang] for kind in REGISTRIES.platforms + REGISTRIES.activities}
    for summary in SHOWN:
        html = site.html(address(lang, f"reports/{summary.term.id}/"))
        assert summary.term.name[lang] in text_of(html.find("h1"))
        index = SUMMARIES.index(summary)
        before = SUMMARIES[index - 1] if index else None
        totals, by_platform, by_activity = tables(html)
        assert totals[1][1:] == [
            str(summary.activities),
            change(summary.activities, before.activities if before else None),
        ]
        assert totals[2][1:] == [
            str(summary.teachers),
            change(summary.teachers, before.teachers if before else None),
        ]
        for table, counts, teachers, earlier in (
            (by_platform, summary.by_platform, summary.teachers_by_platform, "by_platform"),
            (by_activity, summary.by_activity, summary.teachers_by_activity, "by_activity"),
        ):
            expected = [
                [
                    names[kind],
                    str(n),
                    str(teachers[kind]),
                    change(n, getattr(before, earlier)[kind] if before else None),
                ]
                for kind, n in counts.items()
            ]
            assert table[1:] == expected


@pytest.mark.parametrize("lang", LANGS)
def test_charts_are_static_svg_with_title_and_desc(site: BuiltSite, lang: str) -> None:
    for path in [f"reports/{s.term.id}/" for s in SHOWN] + ["reports/"]:
        article = site.html(address(lang, path)).find("article")
        charts = article.find_all("svg", class_="stats-chart__svg")
        assert charts, path
        for svg in charts:
            assert svg["role"] == "img"
            title, desc = svg.find("title"), svg.find("desc")
            assert svg["aria-labelledby"] == f"{title['id']} {desc['id']}"
            assert title.get_text(strip=True) and desc.get_text(strip=True)
            assert not svg.find("script") and not svg.find("foreignobject")
            # The table with the same numbers is beside the chart.
            assert svg.find_parent(class_="stats-figure").find("table")
        assert not article.find("script")


@pytest.mark.parametrize("lang", LANGS)
def test_example_data_says_so_on_every_report(site: BuiltSite, lang: str) -> None:
    for path in [f"reports/{s.term.id}/" for s in SHOWN] + ["reports/"]:
        notice = site.html(address(lang, path)).find("div", class_="admonition")
        assert EXAMPLE[lang] in text_of(notice)


def test_chechen_reports_await_review(site: BuiltSite) -> None:
    for summary in SHOWN:
        html = site.html(f"ce/reports/{summary.term.id}/")
        assert html.find(class_="site-notice--review")
        assert html.html["lang"] == "ce"


@pytest.mark.parametrize("lang", LANGS)
def test_the_index_shows_the_trend_with_links(site: BuiltSite, lang: str) -> None:
    html = site.html(address(lang, "reports/"))
    rows = tables(html)[-1][1:]
    assert [row[1:3] for row in rows] == [[str(s.activities), str(s.teachers)] for s in SHOWN]
    links = html.find("article").select("table a")
    assert [a["href"] for a in links] == [f"{s.term.id}/" for s in SHOWN]
    for summary in SHOWN:
        assert site.file(address(lang, f"reports/{summary.term.id}/")).exists()


def test_no_teacher_is_named_without_consent(site: BuiltSite) -> None:
    teachers = {item.teacher for item in activity_log.read(ROOT / "data", REGISTRIES).activities}
    assert not REGISTRIES.consented
    for page in site.root.rglob("*.html"):
        text = page.read_text("utf-8")
        assert not [name for name in teachers if name in text], page
    for lang in LANGS:
        index = str(site.search_index(lang))
        assert not [name for name in teachers if name in index]


# A log someone edited by hand, and one teacher who consented.
HOSTILE = [
    "Урок | сломанная | таблица",
    "<script>alert(1)</script>",
    "**жирно** [ссылка](https://evil.example) <img src=x onerror=alert(1)>",
    '--8<-- "reports-trend.ru.md"',
    "{: .danger } ![картинка](x.png) &amp; `код` _курсив_",
]
# Quotes and angle brackets are refused in a link (common/urls.py); what a
# link may hold is still escaped where the report writes it.
HOSTILE_URL = "https://урок.рф/x?a=1&b=(2)&lt;onmouseover=alert(1)"
LOG_ROWS = [
    [
        "2025-09-01",
        "Учитель Ёлкина",
        "infourok",
        "publication",
        HOSTILE[0],
        "https://infourok.ru/a",
    ],
    ["2025-09-02", "Учитель Ёлкина", "sferum", "lesson", HOSTILE[1], ""],
    ["2025-09-03", "Учитель Ёлкина", "urokrf", "publication", HOSTILE[2], HOSTILE_URL],
    ["2025-09-04", "Учитель Ёлкина", "prosv", "webinar", HOSTILE[3], ""],
    ["2025-09-05", "Учитель Ёлкина", "library", "contest", HOSTILE[4], ""],
    ["2025-09-06", "Иванова Мария Петровна", "sferum", "webinar", "Без согласия", ""],
    ["2025-11-10", "Иванова Мария Петровна", "sferum", "webinar", "Без согласия", ""],
]
LOG = csv_bytes(LOG_ROWS, header=FIELDS).decode("utf-8")
CONSENT = "- name: учитель елкина\n  since: 2025-08-30\n  kept: папка согласий, кабинет директора\n"
NOTE = "Неделя открытых уроков. Подробнее о платформе: [Инфоурок](../platforms/infourok.md).\n"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    def change(project: Path) -> None:
        data = project / "data"
        (data / "activity-log.csv").write_text(LOG, "utf-8")
        (data / "activity-log.yml").write_text("example: false\n", "utf-8")
        (data / "consent.yml").write_text(CONSENT, "utf-8")
        notes = project / "docs" / "ru" / "reports" / "notes"
        notes.mkdir(parents=True, exist_ok=True)
        (notes / "2025-26-q1.md").write_text(NOTE, "utf-8")

    return build_copy(tmp_path_factory, "hostile", change)


@pytest.mark.parametrize("lang", LANGS)
def test_hostile_titles_are_shown_as_text(hostile: BuiltSite, lang: str) -> None:
    article = hostile.html(address(lang, "reports/2025-26-q1/")).find("article")
    article.find(class_="site-letterhead").extract()  # the template's own markup
    materials = article.find_all("table")[-1]
    rows = materials.find_all("tr")
    assert len(rows) == 1 + len(HOSTILE)
    assert all(len(row.find_all(["th", "td"])) == 5 for row in rows)
    assert [row.find_all("td")[-1].get_text() for row in rows[1:]] == HOSTILE
    assert [row.find_all("td")[1].get_text() for row in rows[1:]] == ["Учитель Ёлкина"] * 5
    assert not article.find("script") and not article.find("img")
    assert not article.find(attrs={"onerror": True})
    assert not article.find(attrs={"onmouseover": True})
    assert not article.find(class_="danger") and not article.find("strong")
    links = materials.find_all("a")
    assert [a["href"] for a in links] == ["https://infourok.ru/a", HOSTILE_URL]
    # The snippet marker in a title stays text: the trend is not pulled in.
    assert len(article.find_all("svg", class_="stats-chart__svg")) == 2


def test_names_only_with_consent_and_notes_in_the_page(hostile: BuiltSite) -> None:
    for page in hostile.root.rglob("*.html"):
        assert "Иванова" not in page.read_text("utf-8"), page
    ru = hostile.html("reports/2025-26-q1/").find("article")
    assert "Неделя открытых уроков." in text_of(ru)
    link = ru.find("a", string="Инфоурок")
    assert link["href"] == "../../platforms/infourok/"
    ce = hostile.html("ce/reports/2025-26-q1/").find("article")
    assert "Неделя открытых уроков." in text_of(ce.find("div", lang="ru"))
    assert not (hostile.root / "reports" / "notes").exists()
    # The second term has only the teacher without consent: counts, no names.
    q2 = hostile.html("reports/2025-26-q2/").find("article")
    assert len(q2.find_all("table")) == 3
    assert not hostile.html("reports/").find("div", class_="admonition")


def test_stale_pages_go_and_hand_written_ones_stay(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    render.render_all(project, RENDERERS)
    page = project / "docs" / "ru" / "reports" / f"{SHOWN[-1].term.id}.md"
    assert page.exists() and render.NOTICE in page.read_text("utf-8")
    log = project / "data" / "activity-log.csv"
    last = SHOWN[-1].term.start.isoformat()
    about, header, *lines = log.read_text("utf-8").splitlines()
    kept = [about, header, *(line for line in lines if line < last)]
    log.write_text("\n".join(kept) + "\n", "utf-8")
    render.render_all(project, RENDERERS)
    assert not page.exists()
    page.write_text("# Мой отчёт\n", "utf-8")
    render.render_all(project, RENDERERS)
    assert page.read_text("utf-8") == "# Мой отчёт\n"
    (project / "data" / "activity-log.csv").write_text(LOG.replace("2025-11-10", "2026-05-20"))
    with pytest.raises(Problems, match="страница написана вручную там, где создаётся отчёт"):
        render.render_all(project, RENDERERS)


def test_an_empty_log_gives_no_reports_and_says_so(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "data" / "activity-log.csv").write_text(",".join(FIELDS) + "\n", "utf-8")
    render.render_all(project, RENDERERS)
    assert not list((project / "docs").glob("*/reports/2*.md"))
    trend = project / render.GENERATED / "reports-trend.ru.md"
    assert "Данных об активности педагогов пока нет." in trend.read_text("utf-8")


def test_a_broken_log_stops_the_build_naming_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    log = project / "data" / "activity-log.csv"
    lines = log.read_text("utf-8").splitlines()
    date, teacher, _, *rest = lines[2].split(",")
    lines[2] = ",".join([date, teacher, "vkontakte", *rest])
    lines[3] = lines[3].rsplit(",", 1)[0] + ",javascript:alert(1)"
    log.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(BuildError) as caught:
        build(tmp_path / "site", project=project)
    message = str(caught.value)
    assert "data/activity-log.csv:3: неизвестная платформа «vkontakte»" in message
    assert "data/activity-log.csv:4: ссылка «javascript:alert(1)» — не адрес http" in message
    assert "Traceback" not in message


def test_a_note_for_no_term_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    notes = project / "docs" / "ce" / "reports" / "notes"
    notes.mkdir(parents=True)
    (notes / "2025-26-Q1.md").write_text("ЖамӀ\n", "utf-8")
    with pytest.raises(
        Problems,
        match=r"ce/reports/notes/2025-26-Q1\.md:1: нет четверти или учебного года",
    ):
        render.render_all(project, RENDERERS)
