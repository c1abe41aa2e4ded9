"""Every kind of bad input gets one line, SOURCE:LINE: message, and exit 1;
usage errors exit 2; never a traceback."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from support.commands import run_program
from support.stats import ENGLISH, HEADER, data_folder, run, today, write_csv, write_xlsx

GOOD = ["01.09.2025", "Педагог 01", "Инфоурок", "Публикация", "", ""]
TOMORROW = today() + datetime.timedelta(days=1)


def problems_of(*sources: Path | str) -> list[str]:
    result = run("check", *sources)
    assert result.returncode == 1
    return result.stdout.splitlines()


def test_bad_rows_each_with_its_line(tmp_path: Path) -> None:
    rows = [
        GOOD,  # line 2
        ["31.02.2025", "Педагог 01", "Инфоурок", "Публикация", "", ""],  # 3
        [f"{TOMORROW:%d.%m.%Y}", "Педагог 01", "Инфоурок", "Публикация", "", ""],  # 4
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
        "известные: infourok (Инфоурок), urokrf (Урок.РФ), library (Электронная библиотека), "
        "prosv (Интернет-школа «Просвещение.ру»), sferum (Сферум)"
    )
    assert lines == [
        f"{s}:3: невозможная дата «31.02.2025»: такого дня нет",
        f"{s}:4: {TOMORROW:%d.%m.%Y} — дата в будущем (сегодня {today():%d.%m.%Y}): "
        "проверьте день, месяц и год",
        f"{s}:5: неизвестная платформа «Одноклассники»; {known_platforms}",
        f"{s}:6: неизвестный вид активности «Танцы»; известные: publication (Публикация), "
        "webinar (Вебинар), course (Курсы повышения квалификации), "
        "contest (Конкурс или олимпиада), lesson (Онлайн-урок)",
        f"{s}:7: ссылка «ftp://files/x» — не адрес http:// или https://",
        f"{s}:8: в названии, похоже, номер телефона: личные данные не сохраняются — "
        "сократите текст",
        f"{s}:9: в столбце педагога, похоже, адрес электронной почты: контакты не сохраняются",
        f"{s}:10: «1 сентября» — не дата: пишите ДД.ММ.ГГГГ или ГГГГ-ММ-ДД",
        f"{s}:12: не указан педагог",
        f"{s}:12: ссылка «javascript:alert(1)» — не адрес http:// или https://",
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
        f"{source}:1: нет обязательного столбца «Платформа» или «Platform»",
        f"{source}:1: нет обязательного столбца «Вид активности» или «Вид деятельности» или "
        "«Активность» или «Activity»",
    ]


def test_two_columns_for_one_field(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "two.csv", rows=[[*GOOD, "x"]], header=[*HEADER, "Учитель"])
    assert problems_of(source) == [
        f"{source}:1: несколько столбцов «ФИО педагога»: «ФИО педагога», «Учитель»"
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "файл пуст"),
        (b"\xef\xbb\xbf\r\n\r\n", "файл пуст"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "старый формат Excel .xls"),
        (b"%PDF-1.4\n\x00\x01\x02", "это не текстовый файл"),
        (b"PK\x03\x04 damaged", "файл XLSX повреждён или записан не до конца"),
        ("Дата,Педагог\n".encode() + b"\x98\x98", "текст не в UTF-8 и не в Windows-1251"),
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
    assert lines[0].startswith(f"{source}:3: дальше файл не читается: ячейка длиннее допустимого")


def test_bad_input_as_a_person_runs_it(tmp_path: Path) -> None:
    """stats.py as its own program: a broken export is one line, no traceback."""
    source = tmp_path / "file.csv"
    source.write_bytes(b"%PDF-1.4\n\x00\x01\x02")
    result = run_program("stats.py", "check", source)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{source}: ") and len(result.stdout.splitlines()) == 1


def test_missing_file_folder_and_other_schemes(tmp_path: Path) -> None:
    lines = problems_of(tmp_path / "none.csv", tmp_path, "ftp://example.org/a.csv")
    assert lines == [
        f"{tmp_path / 'none.csv'}: нет такого файла",
        f"{tmp_path}: это папка, а не файл",
        "ftp://example.org/a.csv: читаются только адреса http:// и https://, а не ftp://",
    ]


def test_xlsx_problems_name_the_sheet_row(tmp_path: Path) -> None:
    rows = [
        [datetime.date(2025, 9, 1), "Педагог 01", "Инфоурок", "Публикация", "", ""],  # row 2
        [None, None, None, None, None, None],  # row 3, empty
        [datetime.date(1999, 7, 1), "Педагог 01", "Инфоурок", "Публикация", "", ""],  # row 4
        [12.5, "Педагог 01", "Инфоурок", "Публикация", "", ""],  # row 5: a number, no date
    ]
    source = write_xlsx(tmp_path / "bad.xlsx", rows)
    assert problems_of(source) == [
        f"{source}:4: 01.07.1999 — слишком ранняя дата (учёт ведётся с 01.09.2000): проверьте год",
        f"{source}:5: «12.5» — не дата: задайте столбцу формат «Дата» или пишите ДД.ММ.ГГГГ",
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
        ["export", "--term", "2025-26-q1", "--year", "2025-26", "--format", "csv"],
        ["export", "--year", "1999-00", "--format", "csv"],
        ["pull", "x.csv", "--partial"],
        ["pull", "x.csv", "--rejects", "r.csv"],
    ],
)
def test_usage_errors_exit_2_in_russian(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "использование: stats.py" in result.stderr
    assert "ошибка:" in result.stderr
    assert not [word for word in ENGLISH if word in result.stderr]


FIRST_TERMS = (
    "- year: 2025-26\n"
    "  terms:\n"
    "    - id: 2025-26-q1\n      start: 2025-09-01\n      end: 2025-10-24\n"
    "      name: {ru: I четверть, ce: цхьалгӀа чийрик}\n"
    "    - id: 2025-26-q2\n      start: 31.09.2025\n      end: 2025-12-30\n"
    "      name: {ru: II четверть, ce: шолгIа чийрик}\n"
    "    - id: 2025-26-q3\n      start: 2025-10-20\n      end: 2026-09-27\n"
)
OTHER_TERMS = (
    "- year: 2025-27\n  terms: []\n- year: 2025-26\n  terms:\n"
    "    - {id: 2024-25-q1, start: 2025-09-01, end: 2025-10-24, name: {ru: a, ce: b}}\n"
    "- year: 2024-25\n  terms:\n"
    "    - {id: 2024-25-q2, start: 2024-11-05, end: 2024-12-27, name: {ru: a, ce: b}}\n"
    "- year: 2024-25\n  terms:\n"
    "    - {id: 2024-25-q3, start: 2025-01-11, end: 2025-03-27, name: {ru: a, ce: b}}\n"
)
ONE_TERM = "[{id: 2025-27-a, start: 2025-09-01, end: 2025-09-02, name: {ru: a, ce: b}}]"


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        (
            FIRST_TERMS + "      name: {ru: III четверть}\n",
            ["data/terms.yml:14: [0].terms[2].name: нет обязательного поля «ce»"],
        ),
        (
            FIRST_TERMS + "      name: {ru: a, ce: b}\n",
            [
                "data/terms.yml:8: невозможная дата «31.09.2025»: такого дня нет",
                "data/terms.yml:10: палочка набрана знаком «I» в «шолгIа чийрик»: "
                "пишите Ӏ (U+04C0)",
                "data/terms.yml:12: 2025-26-q3 начинается раньше, чем кончается 2025-26-q1: "
                "пишите четверти по порядку, без наложений",
                "data/terms.yml:13: 27.09.2026 — не в 2025/26 учебном году (01.09.2025–31.08.2026)",
            ],
        ),
        (OTHER_TERMS, ["data/terms.yml:2: [0].terms: список не может быть пустым"]),
        (
            OTHER_TERMS.replace("terms: []", f"terms: {ONE_TERM}"),
            [
                "data/terms.yml:1: учебный год «2025-27»: пишите два года подряд, как 2025-26",
                "data/terms.yml:5: id 2024-25-q1 должен начинаться с учебного года: 2025-26-…",
                "data/terms.yml:9: 2024-25 записан дважды",
            ],
        ),
    ],
)
def test_a_bad_calendar_is_reported_with_its_line_in_russian(
    tmp_path: Path, terms: str, expected: list[str]
) -> None:
    from activity import registries
    from activity.model import Problems
    from common.site_config import ROOT

    data = data_folder(tmp_path)
    for name in ("platforms.yml", "activities.yml", "consent.yml"):
        (data / name).write_bytes((ROOT / "data" / name).read_bytes())
    (data / "terms.yml").write_text(terms, "utf-8")
    with pytest.raises(Problems) as caught:
        registries.load(data)
    assert [str(p) for p in caught.value.problems] == expected


def test_a_link_that_would_end_its_html_early_is_refused(tmp_path: Path) -> None:
    rows = [
        [*GOOD[:5], 'https://infourok.ru/a"onmouseover="alert(1)'],
        [*GOOD[:5], "https://infourok.ru/a><script>alert(1)</script>"],
        [*GOOD[:5], "https://ru.wikipedia.org/wiki/Урок_(значения)"],  # brackets pass
    ]
    source = write_csv(tmp_path / "links.csv", rows=rows, delimiter=";")
    s = str(source)
    assert problems_of(source) == [
        f'{s}:2: ссылка «https://infourok.ru/a"onmouseover="alert(1)» — в адресе знак «"», '
        "на нём ссылка оборвётся",
        f"{s}:3: ссылка «https://infourok.ru/a><script>alert(1)</script>» — в адресе знак "
        "«>», на нём ссылка оборвётся",
    ]
