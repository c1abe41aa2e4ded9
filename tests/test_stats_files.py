"""Files stats.py reads and writes, as the coordinator sees them: outputs
only where git ignores them, workbooks and files it cannot read told in one
Russian line each, and the export's title rows."""

from __future__ import annotations

import csv
import datetime
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from common import site_config
from common.site_config import ROOT
from support.commands import run_program
from support.stats import (
    PASSWORD_XLSX,
    ROWS,
    as_another_user,
    data_folder,
    run,
    snapshot,
    write_csv,
    write_xlsx,
)

EXPORT = ("export", "--term", "2025-26-q1", "--format", "xlsx", "--output")
SITE_OR_DATA = "часть сайта или репозитория, и то, что в неё попало, может быть опубликовано"


@pytest.mark.parametrize(
    ("output", "why"),
    [
        ("docs/отчёт.xlsx", f"папка docs/ — {SITE_OR_DATA}: укажите, например, exports/отчёт.xlsx"),
        ("docs/ru/x.xlsx", f"папка docs/ — {SITE_OR_DATA}"),
        ("overrides/x.xlsx", f"папка overrides/ — {SITE_OR_DATA}"),
        ("site/x.xlsx", f"папка site/ — {SITE_OR_DATA}"),
        ("data/x.xlsx", "хранится журнал: сюда stats.py файлы не пишет"),
        (".git/x.xlsx", "это служебная папка git: укажите, например, exports/x.xlsx"),
        ("scripts/x.xlsx", "git не исключает этот файл (.gitignore)"),
        ("README.md", "git не исключает этот файл (.gitignore)"),
        ("exports", "это папка, а не файл: укажите имя файла, например exports/2025-26-q1.xlsx"),
        (
            "exports/x.csv",
            "у имени файла расширение «.csv», а записывается XLSX: назовите файл x.xlsx "
            "(или выберите другой --format)",
        ),
        (
            "exports/x",
            "у имени файла нет расширения, а записывается XLSX: назовите файл x.xlsx "
            "(или выберите другой --format)",
        ),
    ],
)
def test_an_export_goes_only_where_git_ignores_it(output: str, why: str) -> None:
    target = ROOT / output
    existed = target.exists()
    before = target.read_bytes() if target.is_file() else None
    result = run(*EXPORT, target)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{target}: ") and why in result.stdout
    assert len(result.stdout.splitlines()) == 1
    assert target.exists() == existed
    assert (target.read_bytes() if target.is_file() else None) == before


def test_a_path_through_a_file_is_refused(tmp_path: Path) -> None:
    (file := tmp_path / "отчёт.xlsx").write_bytes(b"")
    result = run(*EXPORT, file / "выгрузка.xlsx")
    assert result.returncode == 1
    assert result.stdout == (
        f"{file / 'выгрузка.xlsx'}: {file} — файл, а не папка: в пути к файлу все части, "
        "кроме последней, — папки\n"
    )


def test_an_export_goes_to_exports_or_outside_the_checkout(tmp_path: Path) -> None:
    inside = ROOT / "exports" / "проверка-выгрузки.XLSX"
    try:
        result = run(*EXPORT, inside)
        assert result.returncode == 0, result.stdout
        assert result.stderr == "Записано: exports/проверка-выгрузки.XLSX\n"
        assert inside.is_file()
    finally:
        inside.unlink(missing_ok=True)
    outside = tmp_path / "выгрузка.xlsx"
    assert run(*EXPORT, outside).returncode == 0 and outside.is_file()


def test_another_checkout_is_guarded_as_this_one(tmp_path: Path) -> None:
    """A second worktree or another repository: the same rule."""
    other = tmp_path / "другой"
    subprocess.run(["git", "init", "-q", str(other)], check=True)
    (other / ".gitignore").write_text("/выгрузки/\n", "utf-8")
    tracked = other / "docs" / "x.xlsx"
    result = run(*EXPORT, tracked)
    assert result.returncode == 1 and f"папка docs/ — {SITE_OR_DATA}" in result.stdout
    result = run(*EXPORT, other / "x.xlsx")
    assert result.returncode == 1 and "git не исключает этот файл" in result.stdout
    assert run(*EXPORT, other / ".git" / "x.xlsx").returncode == 1
    assert run(*EXPORT, other / "выгрузки" / "x.xlsx").returncode == 0
    assert not tracked.exists() and not (other / "x.xlsx").exists()


@pytest.mark.parametrize(
    ("rejects", "why"),
    [
        ("docs/отказы.csv", f"папка docs/ — {SITE_OR_DATA}"),
        ("data/отказы.csv", "хранится журнал"),
        ("отказы.csv", "git не исключает этот файл (.gitignore)"),
        (
            "exports/отказы.xlsx",
            "у имени файла расширение «.xlsx», а записывается CSV: назовите файл отказы.csv",
        ),
    ],
)
def test_refused_rows_go_only_where_git_ignores_them(
    tmp_path: Path, rejects: str, why: str
) -> None:
    data = data_folder(tmp_path)
    source = write_csv(tmp_path / "учёт.csv", rows=[*ROWS, ["31.02.2025", *ROWS[0][1:]]])
    target = ROOT / rejects
    result = run("pull", source, "--data", data, "--partial", "--rejects", target)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{target}: ") and why in result.stdout
    assert len(result.stdout.splitlines()) == 1
    assert not target.exists() and snapshot(data) == {}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "truncated",
            "файл XLSX повреждён или записан не до конца: откройте его в Excel или LibreOffice "
            "и сохраните заново (или сохраните таблицу как CSV)",
        ),
        (
            "garbage",
            "файл XLSX повреждён или записан не до конца: откройте его в Excel или LibreOffice "
            "и сохраните заново (или сохраните таблицу как CSV)",
        ),
        ("password", "файл XLSX защищён паролем, и его не прочитать: откройте его в Excel"),
        (
            "text",
            "файл назван .xlsx, но это не таблица XLSX (XLSX — архив ZIP, а этот файл нет): "
            "откройте его в Excel или LibreOffice и сохраните как .xlsx или CSV",
        ),
        ("zip", "это архив ZIP, а не таблица XLSX: откройте таблицу в Excel или LibreOffice"),
        ("xls", "старый формат Excel .xls: сохраните файл как .xlsx или CSV"),
        ("empty", "файл пуст"),
    ],
)
def test_a_workbook_that_cannot_be_read_is_one_russian_line(
    tmp_path: Path, content: str, message: str
) -> None:
    whole = write_xlsx(tmp_path / "целый.xlsx", ROWS).read_bytes()
    source = tmp_path / "учёт.xlsx"
    if content == "truncated":  # a download or a copy broken off
        source.write_bytes(whole[: len(whole) // 2])
    elif content == "garbage":
        source.write_bytes(whole[:4] + os.urandom(2000))
    elif content == "password":
        source.write_bytes(PASSWORD_XLSX.read_bytes())
    elif content == "text":
        source.write_text("Дата;ФИО педагога\nэто не таблица\n", "utf-8")
    elif content == "zip":
        import zipfile

        with zipfile.ZipFile(source, "w") as archive:
            archive.writestr("отчёт.txt", "не таблица")
    elif content == "xls":  # the old binary format: an OLE file without a password
        source.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))
    else:
        source.write_bytes(b"")
    data = data_folder(tmp_path)
    result = run_program("stats.py", "pull", source, "--data", data)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{source}: {message}")
    assert len(result.stdout.splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == "Проверена 1 таблица: 1 ошибка; ничего не сохранено.\n"
    assert snapshot(data) == {}


PERMISSION = "нет прав на этот файл или папку: выберите другую папку или проверьте права"


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder every user may enter (pytest's own are its owner's alone),
    for the tests run as another user."""
    folder = Path(tempfile.mkdtemp(prefix="stats-files-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in (folder, *folder.rglob("*")):
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(folder)


def test_a_file_without_permission_is_one_russian_line(shared: Path) -> None:
    source = write_xlsx(shared / "учёт.xlsx", ROWS)
    source.chmod(0)
    with as_another_user():
        result = run("check", source)
    assert result.returncode == 1
    assert result.stdout == f"{source}: не удаётся прочитать файл: {PERMISSION}\n"


def test_missing_files_and_folders_are_one_russian_line_each(tmp_path: Path) -> None:
    folder = tmp_path / "таблицы.xlsx"
    folder.mkdir()
    result = run("check", tmp_path / "нет.xlsx", folder)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'нет.xlsx'}: нет такого файла",
        f"{folder}: это папка, а не файл",
    ]
    assert result.stderr == "Проверено 2 таблицы: 2 ошибки.\n"


def test_an_output_that_cannot_be_written_is_one_russian_line(shared: Path) -> None:
    closed = shared / "закрыто"
    closed.mkdir()
    closed.chmod(0o555)
    output = closed / "выгрузка.xlsx"
    with as_another_user():
        result = run(*EXPORT, output)
    assert result.returncode == 1
    assert result.stderr == f"{output}: не удаётся прочитать или записать файл: {PERMISSION}\n"
    assert not output.exists()


def test_refused_rows_that_cannot_be_written_leave_the_log_as_it_was(shared: Path) -> None:
    """The refused rows are written first: if they cannot be, nothing is
    stored, so the coordinator never loses them."""
    data = data_folder(shared)
    source = write_csv(shared / "учёт.csv", rows=[*ROWS, ["31.02.2025", *ROWS[0][1:]]])
    closed = shared / "закрыто"
    closed.mkdir()
    closed.chmod(0o555)
    data.chmod(0o777)
    before = snapshot(data)
    with as_another_user():
        result = run("pull", source, "--data", data, "--partial", "--rejects", closed / "о.csv")
    assert result.returncode == 1
    assert f"{closed / 'о.csv'}: не удаётся прочитать или записать файл: {PERMISSION}" in (
        result.stderr.splitlines()
    )
    assert snapshot(data) == before


def rows_of(path: Path) -> list[tuple[object, ...]]:
    return [
        tuple(cell for cell in row if cell is not None)
        for row in openpyxl.load_workbook(path).active.values
    ]


def test_a_term_export_has_a_title_row_and_russian_sheet_names(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    assert run("pull", write_csv(tmp_path / "учёт.csv"), "--data", data).returncode == 0
    output = tmp_path / "четверть.xlsx"
    assert run(*EXPORT, output, "--data", data).returncode == 0
    book = openpyxl.load_workbook(output)
    assert book.sheetnames == ["Итоги", "По платформам", "По видам активности"]
    for sheet in book.worksheets:
        title = next(iter(sheet.values))[0]
        assert title == (
            "МБОУ «СОШ с. Белгатой Шалинского муниципального района»: отчёт за период "
            "«I четверть 2025/26 учебного года» (01.09.2025 — 04.11.2025)"
        )
        shown = [row[0] for row in sheet.values if row[0]]
        assert not any(str(cell).startswith("Предварительные данные") for cell in shown)
        assert not any(str(cell).startswith("Пример") for cell in shown)


def test_an_export_of_a_period_not_ended_says_preliminary(tmp_path: Path) -> None:
    today = site_config.today()
    first = today.year if today.month >= 9 else today.year - 1
    year = f"{first}-{(first + 1) % 100:02}"
    data = data_folder(tmp_path)
    source = write_csv(tmp_path / "сейчас.csv", rows=[[f"{today:%d.%m.%Y}", *ROWS[0][1:]]])
    assert run("pull", source, "--data", data).returncode == 0
    for kind in ("xlsx", "csv"):
        output = tmp_path / f"год.{kind}"
        args = ("export", "--year", year, "--format", kind, "--output", output, "--data", data)
        assert run(*args).returncode == 0
        if kind == "xlsx":
            book = openpyxl.load_workbook(output)
            assert book.sheetnames[0] == f"Учебный год {year}"
            rows = [row[0] for row in book.worksheets[0].values]
        else:
            text = output.read_bytes().decode("utf-8-sig")
            rows = [row[0] if row else None for row in csv.reader(text.splitlines(), delimiter=";")]
        assert rows[0].endswith(f"(01.09.{first} — 31.08.{first + 1})")
        assert rows[1] == (
            f"Предварительные данные. Период ещё не закончился: он длится по 31.08.{first + 1}. "
            "Числа изменятся, когда в журнал попадут новые активности."
        )


def test_an_export_of_the_example_says_so(tmp_path: Path) -> None:
    output = tmp_path / "пример.xlsx"
    assert run(*EXPORT, output).returncode == 0  # the shipped log is the example
    cells = [row[0] for row in openpyxl.load_workbook(output).active.values]
    assert cells[1] == "Пример: числа вымышлены, это не данные школы."


def test_a_term_not_ended_is_marked_preliminary_on_every_sheet(tmp_path: Path) -> None:
    """A term's export written while the term runs (its reporting period
    not over): the title row, then «Предварительные данные» on each sheet."""
    from activity import export, labels, registries
    from activity.model import Activity
    from activity.summary import summarise_years

    known = registries.load(ROOT / "data")
    term = known.terms[0]
    words = labels.load(ROOT / "data")["ru"]
    years = summarise_years(known, [Activity(term.start, "sferum", "webinar", "Педагог 01")])
    while_it_runs = export.HeadingWords("Школа", words, False, term.end)
    sheets = export.period_sheets(years, known, words, while_it_runs, term=term.id)
    export.write_xlsx(output := tmp_path / "четверть.xlsx", sheets)
    book = openpyxl.load_workbook(output)
    assert book.sheetnames == ["Итоги", "По платформам", "По видам активности"]
    for sheet in book.worksheets:
        first, second = [row[0] for row in sheet.iter_rows(max_row=2, values_only=True)]
        assert first.startswith(f"Школа: отчёт за период «{term.name['ru']}»")
        assert second.startswith(
            f"Предварительные данные. Период ещё не закончился: он длится по {term.end:%d.%m.%Y}."
        )
    ended = export.HeadingWords("Школа", words, False, term.end + datetime.timedelta(days=1))
    export.write_xlsx(output, export.period_sheets(years, known, words, ended, term=term.id))
    cells = [row[0] for row in openpyxl.load_workbook(output).active.values]
    assert not any(str(cell).startswith("Предварительные") for cell in cells)
