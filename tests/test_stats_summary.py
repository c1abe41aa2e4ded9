"""summary and export give the numbers counted by hand from a small export."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest

from support.stats import run, write_csv

ROWS = [
    ["01.09.2025", "Учитель А", "Инфоурок", "Публикация", "", ""],
    ["03.09.2025", "Учитель Б", "Инфоурок", "Публикация", "", ""],
    ["10.09.2025", "учитель а", "Сферум", "Вебинар", "", ""],
    ["20.10.2025", "Учитель В", "Урок.РФ", "Онлайн-урок", "", ""],
    ["20.10.2025", "Учитель В", "Урок.РФ", "Онлайн-урок", "", ""],  # the same activity again
    ["05.11.2025", "Учитель А", "Просвещение", "Курс", "", ""],
    ["30.12.2025", "Учитель Г", "ЭБО", "Конкурс", "", ""],
]
ZERO_PLATFORMS = {"infourok": 0, "urokrf": 0, "library": 0, "prosv": 0, "sferum": 0}
ZERO_KINDS = {"publication": 0, "webinar": 0, "course": 0, "contest": 0, "lesson": 0}
# Counted by hand: Q1 has four activities (the repeated one once) of A, Б, В;
# Q2 two, of А and Г; Q3 and Q4 none. Each term's report runs to the day
# before the next one starts; the last to 31 August.
EXPECTED = [
    {
        "id": "2025-26-q1",
        "start": "2025-09-01",
        "end": "2025-11-04",
        "teachers": 3,
        "activities": 4,
        "by_platform": ZERO_PLATFORMS | {"infourok": 2, "urokrf": 1, "sferum": 1},
        "by_activity": ZERO_KINDS | {"publication": 2, "webinar": 1, "lesson": 1},
    },
    {
        "id": "2025-26-q2",
        "start": "2025-11-05",
        "end": "2026-01-11",
        "teachers": 2,
        "activities": 2,
        "by_platform": ZERO_PLATFORMS | {"library": 1, "prosv": 1},
        "by_activity": ZERO_KINDS | {"course": 1, "contest": 1},
    },
    {
        "id": "2025-26-q3",
        "start": "2026-01-12",
        "end": "2026-04-05",
        "teachers": 0,
        "activities": 0,
        "by_platform": ZERO_PLATFORMS,
        "by_activity": ZERO_KINDS,
    },
    {
        "id": "2025-26-q4",
        "start": "2026-04-06",
        "end": "2026-08-31",
        "teachers": 0,
        "activities": 0,
        "by_platform": ZERO_PLATFORMS,
        "by_activity": ZERO_KINDS,
    },
]
# The year: А, Б, В and Г, each counted once however many terms they worked in.
YEAR = {
    "id": "2025-26",
    "start": "2025-09-01",
    "end": "2026-08-31",
    "teachers": 4,
    "activities": 6,
    "by_platform": ZERO_PLATFORMS
    | {"infourok": 2, "urokrf": 1, "sferum": 1, "library": 1, "prosv": 1},
    "by_activity": ZERO_KINDS
    | {"publication": 2, "webinar": 1, "lesson": 1, "course": 1, "contest": 1},
    "terms": ["2025-26-q1", "2025-26-q2", "2025-26-q3", "2025-26-q4"],
    "calendar": True,
}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    assert (
        run("pull", write_csv(tmp_path / "export.csv", rows=ROWS), "--data", folder).returncode == 0
    )
    return folder


def test_json_summary_matches_the_hand_count(data: Path) -> None:
    result = run("summary", "--data", data, "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"terms": EXPECTED, "years": [YEAR]}


def test_one_term_and_one_year(data: Path) -> None:
    result = run("summary", "--data", data, "--json", "--term", "2025-26-q2")
    assert json.loads(result.stdout) == {"terms": [EXPECTED[1]]}
    text = run("summary", "--data", data, "--term", "2025-26-q2").stdout
    assert "активностей 2, педагогов 2" in text
    result = run("summary", "--data", data, "--json", "--year", "2025-26")
    assert json.loads(result.stdout) == {"terms": EXPECTED, "years": [YEAR]}


def test_export_xlsx_for_the_district_office(data: Path, tmp_path: Path) -> None:
    output = tmp_path / "q2.xlsx"
    result = run(
        "export", "--data", data, "--term", "2025-26-q2", "--format", "xlsx", "--output", output
    )
    assert result.returncode == 0
    book = openpyxl.load_workbook(output)
    assert book.sheetnames == ["Итоги", "По платформам", "По видам активности"]
    totals = list(book["Итоги"].values)
    assert totals[0][0] == "Отчёт: II четверть 2025/26 учебного года"
    change = "Изменение (I четверть 2025/26 учебного года)"
    assert totals[1:] == [
        ("Показатель", "Число", change),
        ("Активностей", 2, -2),
        ("Педагогов", 2, -1),
    ]
    platforms = list(book["По платформам"].values)
    assert platforms[1] == ("Платформа", "Активностей", "Педагогов", change)
    assert ("Электронная библиотека", 1, 1, 1) in platforms
    assert ("Инфоурок", 0, 0, -2) in platforms


def test_export_csv_opens_in_russian_excel(data: Path, tmp_path: Path) -> None:
    output = tmp_path / "q1.csv"
    assert (
        run(
            "export", "--data", data, "--term", "2025-26-q1", "--format", "csv", "--output", output
        ).returncode
        == 0
    )
    raw = output.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert ["Активностей", "4", ""] in rows  # the first term: nothing to compare with
    assert ["Инфоурок", "2", "2", ""] in rows
