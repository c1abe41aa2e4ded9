"""Spreadsheets as schools really fill them, seen as the coordinator sees
them: headers written many ways, dates in every usual form, totals under the
rows, rows copied twice, two teachers who share a surname and initials, a
school year data/terms.yml has no calendar for yet, and counts worded as
Russian words them."""

from __future__ import annotations

import datetime
import json
import shutil
import unicodedata
from pathlib import Path

import openpyxl
import pytest

from activity import registries
from activity.labels import counted
from activity.values import mixed_letter
from common.site_config import ROOT
from support.stats import (
    csv_bytes,
    data_folder,
    log_rows,
    run,
    snapshot,
    write_csv,
    write_xlsx,
)

ROW = ["Инфоурок", "Публикация", "Разработка урока", ""]


def pulled_dates(tmp_path: Path, source: Path) -> list[str]:
    """Pull `source` into a log of its own; the dates the log keeps."""
    data = data_folder(tmp_path / "log")
    result = run("pull", source, "--data", data)
    assert result.returncode == 0, result.stdout + result.stderr
    return [row[0] for row in log_rows(data)[1:]]


@pytest.mark.parametrize(
    "header",
    [
        ["ДАТА", "ФИО ПЕДАГОГА", "ПЛАТФОРМА", "ВИД АКТИВНОСТИ", "НАЗВАНИЕ", "ССЫЛКА"],
        ["Дата:", "Ф.И.О. педагога:", "Платформа :", "Вид активности:", "Название", "Ссылка"],
        [" Дата ", "  ФИО учителя", "Платформа\u00a0", "Вид\nактивности", "Тема", "URL"],
        ["Дата проведения", "Фамилия, имя, отчество", "Площадка", "Форма участия", "", ""],
        ["Дата", "Педагог", "Название платформы", "Вид деятельности", "Мероприятие", "Ссылка"],
        ["Дата", "Учитель", "Ресурс", "Тип активности", "Наименование", "Адрес ссылки"],
        ["Date", "Teacher", "Platform", "Activity", "Title", "Link"],
        ["дата", "фио", "платформа", "активность", "название", "ссылка на публикацию"],
        ["Дата", "ФИО педагога", "Платформа", "Вид активности", "Название", "Ссылка"],
    ],
)
def test_headers_as_schools_write_them(tmp_path: Path, header: list[str]) -> None:
    """Case, ё, a colon or spaces after a header, other words for it."""
    header = [cell.replace("е", "ё", 1) if "Ф" in cell else cell for cell in header]
    rows = [["01.10.2025", "Педагог 01", *ROW], ["02.10.2025", "Педагог 02", *ROW]]
    source = tmp_path / "учёт.csv"
    source.write_bytes(csv_bytes(rows, header, delimiter=";"))
    checked = run("check", source)
    assert (checked.returncode, checked.stdout) == (0, "")
    assert checked.stderr == "Проверена 1 таблица, ошибок нет.\n"
    assert pulled_dates(tmp_path, source) == ["2025-10-01", "2025-10-02"]


def test_a_header_over_sub_headers_in_merged_cells(tmp_path: Path) -> None:
    """«Мероприятие» over «Платформа», «Вид», «Название»: the header is two rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Участие педагогов в сетевых мероприятиях"])
    sheet.append(["№", "Дата", "ФИО педагога", "Мероприятие", None, None, "Ссылка"])
    sheet.append([None, None, None, "Платформа", "Вид активности", "Название", None])
    sheet.merge_cells("D2:F2")
    for column in "ABCG":
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.append([1, datetime.date(2025, 10, 1), "Педагог 01", "Сферум", "Вебинар", "Урок", ""])
    book.save(source := tmp_path / "учёт.xlsx")
    assert run("check", source).stdout == ""
    assert pulled_dates(tmp_path, source) == ["2025-10-01"]


def test_dates_in_every_usual_form(tmp_path: Path) -> None:
    """What schools type, what Excel stores, what its CSV export writes."""
    written = [
        "28.10.25",
        "28.10.2025 г.",
        "28.10.2025г",
        "28/10/2025",
        "28-10-2025",
        "2025-10-28",
        "2025-10-28 00:00:00",
        "28 октября 2025 г.",
        "\u200b28.10.2025\u200b",
        "\ufeff 28.10.2025\u2060",
        "45958",  # a date column formatted as a number, saved as CSV
    ]
    rows = [[day, f"Педагог {n:02}", *ROW] for n, day in enumerate(written, start=1)]
    source = write_csv(tmp_path / "даты.csv", rows=rows, delimiter=";")
    assert run("check", source).stdout == ""
    assert set(pulled_dates(tmp_path, source)) == {"2025-10-28"}
    cells = [
        datetime.date(2025, 10, 28),  # a date cell
        datetime.datetime(2025, 10, 28, 0, 0),  # a date and time cell
        45958,  # a number cell with Excel's day number
        45958.0,
        "28.10.2025",  # a text cell
    ]
    rows = [[day, f"Педагог {n:02}", *ROW] for n, day in enumerate(cells, start=1)]
    book = write_xlsx(tmp_path / "даты.xlsx", rows)
    assert run("check", book).stdout == ""
    assert set(pulled_dates(tmp_path / "xlsx", book)) == {"2025-10-28"}


def test_totals_under_the_rows_are_skipped_with_a_notice(tmp_path: Path) -> None:
    rows = [
        ["01.10.2025", "Педагог 01", *ROW],
        ["", "", "", "", "", ""],
        ["Итого", "", "", "", "", ""],
        ["", "ВСЕГО:", "", "", "", ""],
        ["Итого за четверть: 1", "", "1", "1", "", ""],
        ["", "", "", "", "Всего активностей", "1"],
    ]
    source = write_csv(tmp_path / "итоги.csv", rows=rows, delimiter=";")
    result = run("check", source)
    assert result.returncode == 0
    skipped = "замечание: строка итогов «{}» пропущена — это не активность"
    assert result.stdout.splitlines() == [
        f"{source}:4: " + skipped.format("Итого"),
        f"{source}:5: " + skipped.format("ВСЕГО:"),
        f"{source}:6: " + skipped.format("Итого за четверть: 1"),
        f"{source}:7: " + skipped.format("Всего активностей"),
    ]
    assert pulled_dates(tmp_path, source) == ["2025-10-01"]


def test_a_row_copied_twice_is_noticed_and_counted_once(tmp_path: Path) -> None:
    row = ["01.10.2025", "Абдулаева Марха Висхановна", *ROW]
    again = ["01.10.2025", "абдулаева  марха висхановна", *ROW]  # the same, spelled otherwise
    other = ["01.10.2025", "Абдулаева Марха Висхановна", "Инфоурок", "Публикация", "Другое", ""]
    first = write_csv(tmp_path / "а.csv", rows=[row, other, again], delimiter=";")
    second = write_csv(tmp_path / "б.csv", rows=[row], delimiter=";")
    result = run("check", first, second)
    assert result.returncode == 0
    same = (
        "(тот же педагог, дата, платформа, вид, название и ссылка): в журнал она попадёт один раз"
    )
    notices = [line for line in result.stdout.splitlines() if "повторяет" in line]
    assert notices == [
        f"{first}:4: замечание: строка повторяет строку 2 {same}",
        f"{second}:2: замечание: строка повторяет {first}:2 {same}",
    ]
    data = data_folder(tmp_path)
    assert run("pull", first, second, "--data", data).returncode == 0
    assert len(log_rows(data)) == 1 + 2
    summary = json.loads(run("summary", "--json", "--data", data).stdout)
    assert (summary["years"][0]["activities"], summary["years"][0]["teachers"]) == (2, 1)


TWO = ["Абдулаева Марха Висхановна", "Абдулаева Малика Вахаевна"]


def test_two_full_names_are_two_teachers_whatever_else_is_read(tmp_path: Path) -> None:
    rows = [
        ["01.10.2025", TWO[0], *ROW],
        ["02.10.2025", TWO[1], *ROW],
        ["03.10.2025", "Абдулаева Марха Вахаевна", *ROW],  # a third: another patronymic
        ["04.10.2025", "абдулаёва марха висхановна", *ROW],  # the first, spelled otherwise
    ]
    source = write_csv(tmp_path / "учёт.csv", rows=rows)
    data = data_folder(tmp_path)
    result = run("pull", source, "--data", data)
    assert result.returncode == 0, result.stdout
    summary = json.loads(run("summary", "--json", "--data", data).stdout)
    assert summary["years"][0]["teachers"] == 3
    assert len({row[1] for row in log_rows(data)[1:]}) == 3


def test_a_short_form_of_two_teachers_is_refused_with_its_line(tmp_path: Path) -> None:
    rows = [
        ["01.10.2025", TWO[0], *ROW],
        ["02.10.2025", TWO[1], *ROW],
        ["03.10.2025", "Абдулаева М. В.", *ROW],
        ["04.10.2025", "абдулаева м.", *ROW],
        ["05.10.2025", "Абдулаева Марха", *ROW],  # one of the two alone
    ]
    source = write_csv(tmp_path / "учёт.csv", rows=rows)
    data = data_folder(tmp_path)
    before = snapshot(data)
    result = run("pull", source, "--data", data)
    assert result.returncode == 1
    both = f"«{TWO[0]}», «{TWO[1]}»"
    fix = "напишите имя полностью (фамилия, имя, отчество), чтобы не посчитать двух педагогов одним"
    assert result.stdout.splitlines() == [
        f"{source}:4: «Абдулаева М. В.» может быть любым из педагогов: {both}; {fix}",
        f"{source}:5: «абдулаева м.» может быть любым из педагогов: {both}; {fix}",
    ]
    assert result.stderr == "Проверена 1 таблица: 2 ошибки; ничего не сохранено.\n"
    assert snapshot(data) == before


def test_a_short_form_refused_is_described_without_the_names(tmp_path: Path) -> None:
    """The public description of a partial pull says why, naming no one."""
    rows = [
        ["01.10.2025", TWO[0], *ROW],
        ["02.10.2025", TWO[1], *ROW],
        ["03.10.2025", "Абдулаева М. В.", *ROW],
    ]
    source = write_csv(tmp_path / "учёт.csv", rows=rows)
    data, before, rejects = data_folder(tmp_path), tmp_path / "before", tmp_path / "отказы.csv"
    shutil.copytree(data, before)
    (before / "activity-log.csv").write_bytes((ROOT / "data" / "activity-log.csv").read_bytes())
    assert run("pull", source, "--data", data, "--partial", "--rejects", rejects).returncode == 1
    result = run("describe", "--before", before, "--refused", rejects, "--data", data)
    assert result.returncode == 0, result.stdout
    assert "«ФИО педагога» — сокращённое ФИО подходит нескольким педагогам" in result.stdout
    assert "Абдулаева" not in result.stdout


def test_a_short_form_is_refused_when_the_log_holds_two_it_may_be(tmp_path: Path) -> None:
    """Pulled apart, the two full names are pseudonyms in the log; a later
    short form that can be either is refused all the same, and one that can
    be only one teacher of the log counts as that one."""
    data = data_folder(tmp_path)
    for n, name in enumerate(TWO):
        source = write_csv(tmp_path / f"{n}.csv", rows=[[f"0{n + 1}.10.2025", name, *ROW]])
        assert run("pull", source, "--data", data).returncode == 0
    short = write_csv(tmp_path / "short.csv", rows=[["03.10.2025", "Абдулаева М. В.", *ROW]])
    before = snapshot(data)
    result = run("pull", short, "--data", data)
    assert result.returncode == 1
    assert result.stdout.startswith(
        f"{short}:2: «Абдулаева М. В.» может быть любым из педагогов: «педагог журнала под "
        "псевдонимом педагог-"
    )
    assert len(result.stdout.splitlines()) == 1
    assert snapshot(data) == before
    third = write_csv(tmp_path / "3.csv", rows=[["04.10.2025", "Абдулаева Зарема Ахмедовна", *ROW]])
    assert run("pull", third, "--data", data).returncode == 0
    one = write_csv(tmp_path / "one.csv", rows=[["05.10.2025", "абдулаева з.а.", *ROW]])
    result = run("pull", one, "--data", data)
    assert result.returncode == 0
    assert "Разные написания одного педагога объединены: 1" in result.stderr
    assert len({row[1] for row in log_rows(data)[1:]}) == 3


def test_the_calendar_warning_gives_lines_ready_to_paste(tmp_path: Path) -> None:
    """A school year without a calendar: the lines shown, pasted at the end of
    data/terms.yml as they are, give it its terms."""
    year = registries.load(ROOT / "data").years[-1]
    later = f"{year.first + 1}-{(year.first + 2) % 100:02}"
    day = datetime.date(year.first + 1, 10, 1)
    if day > datetime.date.today():
        pytest.skip("no school year without calendar has begun")
    source = write_csv(tmp_path / "новый.csv", rows=[[f"{day:%d.%m.%Y}", "Педагог 01", *ROW]])
    result = run("check", source)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("data/terms.yml:")
    assert ": предупреждение: нет сроков четвертей " in lines[0]
    assert lines[1] == f"- year: {later}"  # unindented, as the file's own years
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    with open(data / "terms.yml", "a", encoding="utf-8") as terms:
        terms.write("\n" + "\n".join(lines[1:]) + "\n")
    pasted = registries.load(data)
    assert pasted.year(later).calendar
    assert [term.id for term in pasted.year(later).terms] == [f"{later}-q{n}" for n in range(1, 5)]


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (0, "0 строк"),
        (1, "1 строка"),
        (2, "2 строки"),
        (4, "4 строки"),
        (5, "5 строк"),
        (11, "11 строк"),
        (12, "12 строк"),
        (21, "21 строка"),
        (22, "22 строки"),
        (25, "25 строк"),
        (101, "101 строка"),
        (111, "111 строк"),
        (1001, "1001 строка"),
    ],
)
def test_counts_take_the_form_the_number_asks_for(number: int, expected: str) -> None:
    assert counted(number, "{n} строка", "{n} строки", "{n} строк") == expected


def test_a_partial_pull_tells_its_counts_in_russian(tmp_path: Path) -> None:
    rows = [["01.10.2025", "Педагог 01", *ROW], ["31.02.2025", "Педагог 02", *ROW]]
    source = write_csv(tmp_path / "учёт.csv", rows=rows)
    data, rejects = data_folder(tmp_path), tmp_path / "отказы.csv"
    result = run("pull", source, "--data", data, "--partial", "--rejects", rejects)
    assert result.returncode == 1
    said = result.stderr.splitlines()
    assert said[0] == (
        f"1 строка не принята; непринятые строки с причинами — в {rejects}: исправьте их "
        "там и загрузите этот файл снова."
    )
    assert (
        "Прочитано: 1 верная строка; в журнал добавлена 1 новая активность, теперь в нём 1 "
        "активность; журнал изменился." in said
    )
    assert said[-1] == "Загружено не всё: 1 ошибка. Из верных строк сохранена 1 новая активность."
    many = [[f"{day:02}.10.2025", f"Педагог {day:02}", *ROW] for day in range(1, 23)]
    again = run("pull", write_csv(tmp_path / "ещё.csv", rows=many), "--data", data)
    assert (
        "Прочитано: 22 верные строки; в журнал добавлена 21 новая активность, теперь в нём "
        "22 активности; журнал изменился."
    ) in again.stderr.splitlines()


def test_every_latin_letter_typed_among_cyrillic_ones_is_found() -> None:
    """The quick look for a Latin letter (values.mixed_letter) misses none."""
    latin = [
        chr(code)
        for code in range(0x110000)
        if chr(code).isalpha() and unicodedata.name(chr(code), "").startswith("LATIN ")
    ]
    assert len(latin) > 1000
    missed = [letter for letter in latin if mixed_letter(f"Абдула{letter}ва Марха") is None]
    assert missed == []
