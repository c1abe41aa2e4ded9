"""summary and export give the numbers counted by hand from a small export."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import openpyxl
import pytest

from support.stats import data_folder, run, write_csv

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
    folder = data_folder(tmp_path)
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
    assert totals[0][0] == (
        "МБОУ «СОШ с. Белгатой Шалинского муниципального района»: отчёт за период "
        "«II четверть 2025/26 учебного года» (05.11.2025 — 11.01.2026)"
    )
    change = "Изменение (I четверть 2025/26 учебного года)"
    assert totals[2:] == [
        ("Показатель", "Число", change),
        ("Активностей", 2, -2),
        ("Педагогов", 2, -1),
    ]
    platforms = list(book["По платформам"].values)
    assert platforms[2] == ("Платформа", "Активностей", "Педагогов", change)
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


def rows_of(sheet) -> list[tuple]:
    """A sheet's rows without the empty cells openpyxl pads them with."""
    rows = []
    for row in sheet.values:
        cells = list(row)
        while cells and cells[-1] is None:
            cells.pop()
        rows.append(tuple(cells))
    return rows


# The same activities with holiday and summer work, for the year's workbook.
YEAR_ROWS = [
    *ROWS,
    ["28.10.2025", "Учитель Б", "Сферум", "Вебинар", "", ""],  # autumn holidays: Q1
    ["15.07.2026", "Учитель Д", "Просвещение", "КПК", "", ""],  # summer: Q4
]


@pytest.fixture
def year_data(tmp_path: Path) -> Path:
    folder = data_folder(tmp_path)
    source = write_csv(tmp_path / "export.csv", rows=YEAR_ROWS)
    assert run("pull", source, "--data", folder).returncode == 0
    return folder


def test_export_a_school_year_as_one_workbook(year_data: Path, tmp_path: Path) -> None:
    output = tmp_path / "год.xlsx"
    result = run(
        "export", "--data", year_data, "--year", "2025-26", "--format", "xlsx", "--output", output
    )
    assert result.returncode == 0, result.stdout + result.stderr
    book = openpyxl.load_workbook(output)
    assert book.sheetnames == [
        "Учебный год 2025-26",
        "I четверть 2025-26",
        "II четверть 2025-26",
        "III четверть 2025-26",
        "IV четверть 2025-26",
    ]
    year = rows_of(book["Учебный год 2025-26"])
    assert year[0][0] == (
        "МБОУ «СОШ с. Белгатой Шалинского муниципального района»: отчёт за период "
        "«2025/26 учебный год» (01.09.2025 — 31.08.2026)"
    )
    assert ("Показатель", "Число", "Изменение") in year
    assert ("Активностей", 8) in year and ("Педагогов", 5) in year  # no year before
    terms = year[year.index(("По четвертям и каникулам",)) + 1 :]
    assert terms[:4] == [
        ("Период", "Даты", "Активностей", "Педагогов"),
        ("I четверть 2025/26 учебного года", "01.09.2025 — 04.11.2025", 5, 3),
        ("в том числе каникулы", "25.10.2025 — 04.11.2025", 1, 1),
        ("II четверть 2025/26 учебного года", "05.11.2025 — 11.01.2026", 2, 2),
    ]
    assert ("IV четверть 2025/26 учебного года", "06.04.2026 — 31.08.2026", 1, 1) in terms
    assert ("в том числе каникулы", "27.05.2026 — 31.08.2026", 1, 1) in terms
    assert ("Платформа", "Активностей", "Педагогов", "Изменение") in year
    assert ("Вид активности", "Активностей", "Педагогов", "Изменение") in year
    q2 = rows_of(book["II четверть 2025-26"])
    assert q2[0][0].startswith("МБОУ «СОШ с. Белгатой")
    assert "«II четверть 2025/26 учебного года» (05.11.2025 — 11.01.2026)" in q2[0][0]
    change = "Изменение (I четверть 2025/26 учебного года)"
    assert ("Показатель", "Число", change) in q2
    assert ("Активностей", 2, -3) in q2


def test_export_a_school_year_as_csv(year_data: Path, tmp_path: Path) -> None:
    output = tmp_path / "год.csv"
    args = ("export", "--data", year_data, "--year", "2025-26", "--format", "csv")
    assert run(*args, "--output", output).returncode == 0
    rows = list(csv.reader(output.read_bytes().decode("utf-8-sig").splitlines(), delimiter=";"))
    titles = [row[0] for row in rows if row and row[0].startswith("МБОУ")]
    assert len(titles) == 5  # the year, then each term
    assert "«2025/26 учебный год»" in titles[0] and "«IV четверть" in titles[-1]
    assert ["в том числе каникулы", "25.10.2025 — 04.11.2025", "1", "1"] in rows


def test_exports_go_to_exports_and_never_into_data_or_over_tracked_files(
    year_data: Path, tmp_path: Path
) -> None:
    from common.site_config import ROOT

    args = ("export", "--data", year_data, "--term", "2025-26-q1", "--format", "csv")
    default = ROOT / "exports" / "2025-26-q1.csv"
    existed = default.exists()
    result = run(*args)
    try:
        assert result.returncode == 0
        assert default.exists() and "exports/2025-26-q1.csv" in result.stderr
        ignored = subprocess.run(
            ["git", "-C", str(ROOT), "check-ignore", "-q", str(default)], check=False
        )
        assert ignored.returncode == 0, "exports/ must be ignored by git"
    finally:
        if not existed:
            default.unlink(missing_ok=True)
    for refused in (ROOT / "data" / "x.csv", year_data / "x.csv", ROOT / "README.md"):
        before = refused.read_bytes() if refused.exists() else None
        result = run(*args, "--output", refused)
        assert result.returncode == 1, refused
        assert result.stdout.startswith(f"{refused}: ")
        assert (refused.read_bytes() if refused.exists() else None) == before
