"""Writing activity exports as teachers' spreadsheets do, and running
scripts/stats.py as a person runs it."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import stats
from activity import log as activity_log
from activity import registries
from activity.summary import summarise, with_activity
from common.site_config import ROOT
from support.commands import Ran, run_main

_REGISTRIES = registries.load(ROOT / "data")
# The term report pages the shipped log gives, besides the fixed PAGES.
REPORT_PAGES = tuple(
    f"reports/{summary.term.id}/"
    for summary in with_activity(
        summarise(_REGISTRIES, activity_log.read(ROOT / "data", _REGISTRIES).activities)
    )
)
HEADER = ["Дата", "ФИО педагога", "Платформа", "Вид активности", "Название", "Ссылка"]
# Five activities of three teachers in the first quarter of 2025/26,
# written with aliases, not ids.
ROWS = [
    ["01.09.2025", "Педагог 01", "Инфоурок", "Публикация", "Разработка урока", ""],
    ["02.09.2025", "Педагог 02", "урок.рф", "Онлайн-урок", "Урок о дробях", "https://урок.рф/x"],
    ["15.09.2025", "Педагог 01", "Сферум", "Вебинар", "", ""],
    ["2025-10-01", "Педагог 03", "Просвещение", "Курсы повышения квалификации", "КПК", ""],
    ["24.10.2025", "педагог  02", "sferum.ru", "Олимпиада", "Олимпиада", ""],
]


def csv_bytes(
    rows: Sequence[Sequence[str]],
    header: Sequence[str] = HEADER,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows([header, *rows])
    return out.getvalue().encode(encoding)


def write_csv(path: Path, rows=ROWS, **options) -> Path:
    path.write_bytes(csv_bytes(rows, **options))
    return path


def write_xlsx(path: Path, rows, header=HEADER, sheet: str | None = None, before=()) -> Path:
    """An XLSX workbook; `before` adds sheets in front of the one with the rows."""
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    for name in before:
        book.create_sheet(name, 0)
    target = first
    if sheet:
        target.title = sheet
    target.append(list(header))
    for row in rows:
        target.append(list(row))
    book.save(path)
    return path


def run(*args: str | Path) -> Ran:
    """scripts/stats.py with `args`, in this process."""
    return run_main(stats.main, *args)


def log_rows(data: Path) -> list[list[str]]:
    with open(data / "activity-log.csv", encoding="utf-8", newline="") as f:
        return list(csv.reader(f))
