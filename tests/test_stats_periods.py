"""Dates and reporting periods through a whole school year: holidays count
in the term just ended, the summer in the last term, a year without a
calendar is counted for the year with one warning, and only impossible
dates (after today, before 01.09.2000) are refused."""

from __future__ import annotations

import datetime
import itertools
import json
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from activity import registries
from activity.registries import year_id
from common.site_config import ROOT
from support.stats import (
    data_folder,
    log_rows,
    run,
    today,
    uncalendared_year,
    write_csv,
    write_xlsx,
)

REGISTRIES = registries.load(ROOT / "data")
YEAR = REGISTRIES.years[0]  # 2025-26, the calendar data/terms.yml ships
LESSONS = ["01.09.2025", "Педагог 01", "Инфоурок", "Публикация", "Урок", ""]


def row(day: str, teacher: str = "Педагог 01") -> list[str]:
    return [day, teacher, *LESSONS[2:]]


@given(st.dates(YEAR.start, YEAR.end))
def test_every_day_of_a_year_with_a_calendar_is_in_exactly_one_term(day) -> None:
    owners = [term for term in YEAR.terms if day in term]
    assert len(owners) == 1
    assert REGISTRIES.term_of(day) == owners[0]
    assert year_id(day) == YEAR.id


@given(st.dates(datetime.date(2000, 9, 1), datetime.date(2100, 8, 31)))
def test_every_date_has_one_school_year(day) -> None:
    year = REGISTRIES.year(year_id(day))
    assert year.start <= day <= year.end
    assert (year.end - year.start).days in (364, 365)
    assert year.id == f"{year.first}-{(year.first + 1) % 100:02}"


def test_reporting_periods_run_from_01_09_to_31_08_without_gaps() -> None:
    terms = YEAR.terms
    assert terms[0].start == datetime.date(2025, 9, 1)
    assert terms[-1].end == datetime.date(2026, 8, 31)
    for before, after in itertools.pairwise(terms):
        assert before.end == after.start - datetime.timedelta(days=1)
        # The days between the last lesson and the next term are its holidays.
        assert before.holidays == (
            before.lessons[1] + datetime.timedelta(days=1),
            before.end,
        )
    assert terms[-1].holidays == (datetime.date(2026, 5, 27), datetime.date(2026, 8, 31))


HOLIDAY_ROWS = [
    [datetime.date(2025, 10, 28), "Педагог 01", "Инфоурок", "Курсы", "КПК в каникулы", ""],  # q1
    [datetime.date(2025, 11, 4), "Педагог 02", "Сферум", "Вебинар", "", ""],  # q1, last day
    [datetime.date(2025, 11, 5), "Педагог 02", "Сферум", "Вебинар", "", ""],  # q2, first day
    [datetime.datetime(2026, 1, 5, 10, 30), "Педагог 03", "ЭБО", "Публикация", "", ""],  # q2
    [datetime.date(2026, 3, 30), "Педагог 01", "Урок.РФ", "Онлайн-урок", "", ""],  # q3
    [datetime.date(2026, 7, 15), "Педагог 04", "Просвещение", "КПК", "Летний курс", ""],  # q4
    [datetime.date(2026, 8, 31), "Педагог 04", "Инфоурок", "Публикация", "", ""],  # q4
]
TITLE = [["Учёт участия педагогов в сетевых мероприятиях, 2025/26 учебный год"], []]


def test_holiday_and_summer_work_counts_in_the_term_just_ended(tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "отчёт.xlsx", HOLIDAY_ROWS, above=TITLE)
    assert run("check", source).returncode == 0
    data = data_folder(tmp_path)
    result = run("pull", source, "--data", data)
    assert result.returncode == 0, result.stdout
    assert len(log_rows(data)) == 1 + len(HOLIDAY_ROWS)
    summary = json.loads(run("summary", "--data", data, "--json").stdout)
    counts = {term["id"]: (term["activities"], term["teachers"]) for term in summary["terms"]}
    assert counts == {
        "2025-26-q1": (2, 2),
        "2025-26-q2": (2, 2),
        "2025-26-q3": (1, 1),
        "2025-26-q4": (2, 1),
    }
    (year,) = summary["years"]
    assert (year["activities"], year["teachers"]) == (7, 4)
    text = run("summary", "--data", data, "--term", "2025-26-q4").stdout
    assert "в том числе каникулы 27.05.2026–31.08.2026: активностей 2, педагогов 1" in text


def test_a_date_after_today_or_before_september_2000_is_refused(tmp_path: Path) -> None:
    tomorrow = today() + datetime.timedelta(days=1)
    rows = [
        row(f"{today():%d.%m.%Y}"),  # 2: today is fine, whatever its year
        row(f"{tomorrow:%d.%m.%Y}"),  # 3
        row("31.08.2000"),  # 4
        row("01.09.2000"),  # 5: the first day counted
        row("05.10.2205"),  # 6: a typo for 2025
    ]
    source = write_csv(tmp_path / "dates.csv", rows=rows)
    result = run("check", source)
    assert result.returncode == 1
    problems = [line for line in result.stdout.splitlines() if ": предупреждение:" not in line]
    problems = [line for line in problems if line.startswith(str(source))]
    assert problems == [
        f"{source}:3: {tomorrow:%d.%m.%Y} — дата в будущем (сегодня {today():%d.%m.%Y}): "
        "проверьте день, месяц и год",
        f"{source}:4: 31.08.2000 — слишком ранняя дата (учёт ведётся с 01.09.2000): проверьте год",
        f"{source}:6: 05.10.2205 — дата в будущем (сегодня {today():%d.%m.%Y}): "
        "проверьте день, месяц и год",
    ]


def warnings(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": предупреждение: " in line]


def test_a_year_without_calendar_is_stored_and_counted_with_one_warning(tmp_path: Path) -> None:
    year = uncalendared_year()
    days = [year.start, year.start + datetime.timedelta(days=60), year.end]
    rows = [row(f"{day:%d.%m.%Y}", f"Педагог {n}") for n, day in enumerate(days)]
    rows.append(row("15.09.2025"))
    source = write_csv(tmp_path / "old.csv", rows=rows)
    checked = run("check", source)
    assert checked.returncode == 0, checked.stdout
    (warning,) = warnings(checked.stdout)
    assert warning.startswith(f"data/terms.yml:{REGISTRIES.terms_lines}: предупреждение: ")
    assert f"нет сроков четвертей {year.name} учебного года" in warning
    assert "(3)" in warning and "Добавьте в конец data/terms.yml" in warning
    # The lines to add follow exactly as they are pasted at the end of the
    # file (no indent of their own, which would nest them in the year above);
    # pasted as they are, the year has a calendar.
    lines = checked.stdout.splitlines()
    start = lines.index(warning) + 1
    added = list(itertools.takewhile(lambda line: line.startswith(("- year", " ")), lines[start:]))
    assert added[0] == f"- year: {year.id}" and len(added) > 2
    data = tmp_path / "registry"
    shutil.copytree(ROOT / "data", data)
    with open(data / "terms.yml", "a", encoding="utf-8") as terms:
        terms.write("\n" + "\n".join(added) + "\n")
    assert registries.load(data).year(year.id).calendar
    assert yaml.safe_load("\n".join(added))[0]["year"] == year.id

    log = data_folder(tmp_path)
    pulled = run("pull", source, "--data", log)
    assert pulled.returncode == 0, pulled.stdout
    assert len(warnings(pulled.stdout)) == 1
    assert len(log_rows(log)) == 1 + len(rows)
    summary = json.loads(run("summary", "--data", log, "--json").stdout)
    by_id = {entry["id"]: entry for entry in summary["years"]}
    assert by_id[year.id] | {"by_platform": None, "by_activity": None} == {
        "id": year.id,
        "start": year.start.isoformat(),
        "end": year.end.isoformat(),
        "teachers": 3,
        "activities": 3,
        "by_platform": None,
        "by_activity": None,
        "terms": [],
        "calendar": False,
    }
    assert by_id["2025-26"]["calendar"] is True
    assert [entry["id"] for entry in summary["years"]] == sorted(by_id)
    # Its terms are in no term list: they are counted for the year alone.
    assert sum(term["activities"] for term in summary["terms"]) == 1


def test_one_warning_per_year_however_many_sources(tmp_path: Path) -> None:
    year = uncalendared_year()
    sources = [
        write_csv(
            tmp_path / f"{n}.csv", rows=[row(f"{year.start + datetime.timedelta(n):%d.%m.%Y}")]
        )
        for n in range(3)
    ]
    result = run("check", *sources)
    assert result.returncode == 0
    assert len(warnings(result.stdout)) == 1
    assert "(3)" in warnings(result.stdout)[0]


def test_no_warning_when_every_year_has_its_calendar(tmp_path: Path) -> None:
    result = run("check", write_csv(tmp_path / "q1.csv"))
    assert result.returncode == 0
    assert not warnings(result.stdout)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("31.08.2026", "2025-26"), ("01.09.2026", "2026-27"), ("2000-09-01", "2000-01")],
)
def test_school_year_ids(text: str, expected: str) -> None:
    from activity.values import parse_date

    assert year_id(parse_date(text)) == expected
