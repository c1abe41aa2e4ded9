"""Writing activity exports as teachers' spreadsheets do, and running
scripts/stats.py as a person runs it."""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import stats
from activity import log as activity_log
from activity import registries
from activity.registries import SchoolYear
from activity.summary import summarise_years, with_activity
from common import site_config
from common.site_config import ROOT
from support.commands import Ran, run_main

_REGISTRIES = registries.load(ROOT / "data")
_YEARS = summarise_years(_REGISTRIES, activity_log.read(ROOT / "data", _REGISTRIES).activities)
# The year and term report pages the shipped log gives, besides the fixed PAGES.
REPORT_PAGES = tuple(
    f"reports/{report_id}/"
    for year in with_activity(_YEARS)
    for report_id in (year.year.id, *(term.term.id for term in with_activity(year.terms)))
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
# What argparse says in English; stats.py says none of it.
ENGLISH = ("usage:", "show this help", "positional arguments", "options:", "error:", "invalid")


def today() -> datetime.date:
    """The school's today, as stats.py takes it."""
    return site_config.today()


def uncalendared_year() -> SchoolYear:
    """A past school year data/terms.yml gives no calendar: the one before the first."""
    first = _REGISTRIES.years[0].first if _REGISTRIES.years else today().year - 1
    year = SchoolYear(f"{first - 1}-{first % 100:02}")
    assert not _REGISTRIES.year(year.id).calendar
    return year


def csv_bytes(
    rows: Sequence[Sequence[str]],
    header: Sequence[str] = HEADER,
    encoding: str = "utf-8",
    delimiter: str = ",",
    above: Sequence[Sequence[str]] = (),
) -> bytes:
    """A CSV export; `above` are rows over the header (a title, empty rows)."""
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows([*above, header, *rows])
    return out.getvalue().encode(encoding)


def write_csv(path: Path, rows=ROWS, **options) -> Path:
    path.write_bytes(csv_bytes(rows, **options))
    return path


def write_xlsx(
    path: Path, rows, header=HEADER, sheet: str | None = None, before=(), above=()
) -> Path:
    """An XLSX workbook; `before` adds sheets in front of the one with the rows,
    `above` rows over the header (a title, a merged cell, empty rows)."""
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    for name in before:
        book.create_sheet(name, 0)
    target = first
    if sheet:
        target.title = sheet
    for row in above:
        target.append(list(row))
    target.append(list(header))
    for row in rows:
        target.append(list(row))
    book.save(path)
    return path


def run(*args: str | Path) -> Ran:
    """scripts/stats.py with `args`, in this process."""
    return run_main(stats.main, *args)


def data_folder(tmp_path: Path) -> Path:
    """A folder for a log of its own (stats.py refuses one that does not exist)."""
    folder = tmp_path / "data"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a data folder, but the lock of its work place (and that
    place's own .gitignore): what a refused command must leave as it was."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.parent.name != ".stats-work"
    }


def log_rows(data: Path) -> list[list[str]]:
    """The log's header and rows, without the line that says what it is."""
    with open(data / "activity-log.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][0].startswith("# activity log of scripts/stats.py; ")
    return rows[1:]


# GitHub `issues` events whose text the form «Сообщить об участии» made
# (tests/data/issues/): a report opened, then edited.
ISSUES = ROOT / "tests" / "data" / "issues"


def issue_event(path: Path, fixture: str = "opened.json", **issue: object) -> Path:
    """The event of `fixture` written to `path`, with fields of its issue
    replaced by `issue` (body="…": the text the form made)."""
    event = json.loads((ISSUES / fixture).read_text("utf-8"))
    event["issue"].update(issue)
    path.write_text(json.dumps(event, ensure_ascii=False), "utf-8")
    return path


def issue_body(fixture: str = "opened.json") -> str:
    return json.loads((ISSUES / fixture).read_text("utf-8"))["issue"]["body"]


# A workbook of one activity saved with the password «parol» by Excel's own
# encryption (ECMA-376 agile, made with msoffcrypto-tool): what a school
# sends when its sheet is protected with a password.
PASSWORD_XLSX = ROOT / "tests" / "data" / "sheets" / "password.xlsx"


@contextlib.contextmanager
def as_another_user() -> Iterator[None]:
    """Run the body as a user who owns none of the files made here (nobody),
    so that a file without permissions is refused by the system, as it is
    for a coordinator; root, whom permissions never stop, only pretends
    (seteuid) for the body, and is root again after."""
    if os.geteuid() != 0:
        yield
        return
    import mkdocs.utils.yaml  # noqa: F401 - what stats.py imports when it is needed
    import openpyxl  # noqa: F401

    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)
