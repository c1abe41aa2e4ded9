"""Every kind of bad input gets one line, SOURCE:LINE: message, and exit 1;
usage errors exit 2; never a traceback."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from support.commands import run_program
from support.stats import HEADER, run, write_csv, write_xlsx

GOOD = ["01.09.2025", "Педагог 01", "Инфоурок", "Публикация", "", ""]


def problems_of(*sources: Path | str) -> list[str]:
    result = run("check", *sources)
    assert result.returncode == 1
    return result.stdout.splitlines()


def test_bad_rows_each_with_its_line(tmp_path: Path) -> None:
    rows = [
        GOOD,  # line 2
        ["31.02.2025", "Педагог 01", "Инфоурок", "Публикация", "", ""],  # 3
        ["01.08.2025", "Педагог 01", "Инфоурок", "Публикация", "", ""],  # 4: summer
        ["01.09.2025", "Педагог 01", "Одноклассники", "Публикация", "", ""],  # 5
        ["01.09.2025", "Педагог 01", "Инфоурок", "Танцы", "", ""],  # 6
        ["01.09.2025", "Педагог 01", "Инфоурок", "Публикация", "", "ftp://files/x"],  # 7
        ["01.09.2025", "Педагог 01", "Инфоурок", "Публикация", "Звоните 8 (928) 123-45-67", ""],
        ["01.09.2025", "ivanova@mail.ru", "Инфоурок", "Публикация", "", ""],  # 9
        ["1 сентября", "Педагог 01", "Инфоурок", "Публикация", "", ""],  # 10
        ["", "", "", "", "", ""],  # 11: blank, skipped
        ["01.09.2025", "", "Инфоурок", "Публикация", "", "javascript:alert(1)"],  # 12
    ]
    source = write_csv(tmp_path / "bad.csv", rows=rows, delimiter=";")
    lines = problems_of(source)
    s = str(source)
    known_platforms = (
        "known: infourok (Инфоурок), urokrf (Урок.РФ), library (Электронная библиотека), "
        "prosv (Интернет-школа «Просвещение.ру»), sferum (Сферум)"
    )
    assert lines == [
        f"{s}:3: impossible date «31.02.2025»: there is no such day",
        f"{s}:4: 01.08.2025 is in no term of data/terms.yml",
        f"{s}:5: unknown platform «Одноклассники»; {known_platforms}",
        f"{s}:6: unknown activity «Танцы»; known: publication (Публикация), webinar (Вебинар), "
        "course (Курсы повышения квалификации), contest (Конкурс или олимпиада), "
        "lesson (Онлайн-урок)",
        f"{s}:7: the link «ftp://files/x» is not an http:// or https:// address",
        f"{s}:8: the title seems to hold a phone number: contacts are never stored",
        f"{s}:9: the teacher column seems to hold an e-mail address: contacts are never stored",
        f"{s}:10: «1 сентября» is not a date: write ДД.ММ.ГГГГ or ГГГГ-ММ-ДД",
        f"{s}:12: the teacher is empty",
        f"{s}:12: the link «javascript:alert(1)» is not an http:// or https:// address",
    ]


def test_a_row_spanning_lines_is_counted_from_its_first(tmp_path: Path) -> None:
    rows = [
        ["01.09.2025", "Педагог 01", "Инфоурок", "Публикация", "Первая строка\nвторая", ""],
        ["01.09.2025", "Педагог 01", "Нет такой", "Публикация", "", ""],  # lines 4
    ]
    lines = problems_of(write_csv(tmp_path / "multi.csv", rows=rows))
    assert [line.split(":")[1] for line in lines] == ["4"]


def test_missing_columns_are_named(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "cols.csv", rows=[GOOD[:2]], header=["Дата", "Учитель"])
    assert problems_of(source) == [
        f"{source}:1: missing required column «Платформа» or «Platform» (platform)",
        f"{source}:1: missing required column «Вид активности» or «Активность» or "
        "«Activity» (activity)",
    ]


def test_two_columns_for_one_field(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "two.csv", rows=[[*GOOD, "x"]], header=[*HEADER, "Учитель"])
    assert problems_of(source) == [
        f"{source}:1: more than one teacher column: «ФИО педагога», «Учитель»"
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\xef\xbb\xbf\r\n\r\n", "the file is empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "an old Excel .xls file"),
        (b"%PDF-1.4\n\x00\x01\x02", "not a text file"),
        (b"PK\x03\x04 damaged", "cannot read the XLSX file"),
        ("Дата,Педагог\n".encode() + b"\x98\x98", "not UTF-8 or Windows-1251 text"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, message: str) -> None:
    source = tmp_path / "file.csv"
    source.write_bytes(content)
    lines = problems_of(source)
    assert len(lines) == 1 and lines[0].startswith(f"{source}:")
    assert message in lines[0]


def test_a_file_that_breaks_off_is_reported_where(tmp_path: Path) -> None:
    text = "Дата,Педагог,Платформа,Вид активности\n01.09.2025,П,Сферум,Вебинар\n"
    source = tmp_path / "long.csv"
    source.write_text(text + '01.09.2025,"' + "x" * 200_000 + '"\n', "utf-8")
    lines = problems_of(source)
    assert len(lines) == 1
    assert lines[0].startswith(f"{source}:3: cannot read the rest of the file: field larger")


def test_bad_input_as_a_person_runs_it(tmp_path: Path) -> None:
    """stats.py as its own program: a broken export is one line, no traceback."""
    source = tmp_path / "file.csv"
    source.write_bytes(b"%PDF-1.4\n\x00\x01\x02")
    result = run_program("stats.py", "check", source)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{source}:1: ") and len(result.stdout.splitlines()) == 1


def test_missing_file_folder_and_other_schemes(tmp_path: Path) -> None:
    lines = problems_of(tmp_path / "none.csv", tmp_path, "ftp://example.org/a.csv")
    assert lines == [
        f"{tmp_path / 'none.csv'}:1: no such file",
        f"{tmp_path}:1: this is a folder, not a file",
        "ftp://example.org/a.csv:1: only http:// and https:// addresses are read, not ftp://",
    ]


def test_xlsx_problems_name_the_sheet_row(tmp_path: Path) -> None:
    rows = [
        [datetime.date(2025, 9, 1), "Педагог 01", "Инфоурок", "Публикация", "", ""],  # row 2
        [None, None, None, None, None, None],  # row 3, empty
        [datetime.date(2025, 7, 1), "Педагог 01", "Инфоурок", "Публикация", "", ""],  # row 4
        [45901, "Педагог 01", "Инфоурок", "Публикация", "", ""],  # row 5: a bare number
    ]
    source = write_xlsx(tmp_path / "bad.xlsx", rows)
    assert problems_of(source) == [
        f"{source}:4: 01.07.2025 is in no term of data/terms.yml",
        f"{source}:5: «45901» is not a date: write ДД.ММ.ГГГГ or ГГГГ-ММ-ДД",
    ]


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["check"],
        ["frobnicate"],
        ["summary", "--term", "2031-32-q9"],
        ["export", "--term", "2025-26-q1", "--format", "pdf"],
        ["export", "--format", "csv"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_a_bad_registry_is_reported_with_its_line(tmp_path: Path) -> None:
    from activity import registries
    from activity.model import Problems
    from common.site_config import ROOT

    data = tmp_path / "data"
    data.mkdir()
    for name in ("platforms.yml", "activities.yml", "consent.yml"):
        (data / name).write_bytes((ROOT / "data" / name).read_bytes())
    (data / "terms.yml").write_text(
        "- id: 2025-26-q1\n  start: 2025-09-01\n  end: 2025-10-24\n"
        "  name: {ru: I четверть, ce: цхьалгӀа чийрик}\n"
        "- id: 2025-26-q2\n  start: 31.09.2025\n  end: 2025-12-30\n"
        "  name: {ru: II четверть, ce: шолгIа чийрик}\n"
        "- id: 2025-26-q3\n  start: 2025-10-20\n  end: 2026-03-27\n"
        "  name: {ru: III четверть}\n",
        "utf-8",
    )
    with pytest.raises(Problems) as caught:
        registries.load(data)
    assert [str(p) for p in caught.value.problems] == [
        "data/terms.yml:12: [2].name: 'ce' is a required property",
    ]
    (data / "terms.yml").write_text(
        (data / "terms.yml").read_text("utf-8").replace("{ru: III четверть}", "{ru: a, ce: b}")
    )
    with pytest.raises(Problems) as caught:
        registries.load(data)
    assert [str(p) for p in caught.value.problems] == [
        "data/terms.yml:6: impossible date «31.09.2025»: there is no such day",
        "data/terms.yml:8: palochka typed as Latin I in «шолгIа чийрик»: write Ӏ (U+04C0)",
        "data/terms.yml:10: 2025-26-q3 starts before 2025-26-q1 ends: list the terms in order, "
        "without overlaps",
    ]
