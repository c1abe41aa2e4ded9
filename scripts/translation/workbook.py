"""The review workbook's layout, and reading one back as untrusted input.

One sheet per kind of text (pages, interface strings, data labels, glossary
terms), each with the columns a reviewer needs; an instruction sheet in
Russian and Chechen comes first. Cells a reviewer fills are white, the rest
grey; the header stays in view; long texts wrap.

A workbook that comes back is hostile until checked: its size, the size of
the XML inside it, its number of rows and the length of every cell are
bounded before and while it is read, and openpyxl parses its XML with
defusedxml (installed with it, requirements.txt).
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml import DEFUSEDXML

from common.os_errors import reason as os_reason
from common.problem import Problem, Problems

COLUMNS = ("Где", "По-русски", "По-чеченски", "Исправление", "Проверено", "Комментарий")
SEAL = "Отпечаток"  # a hidden column: the row's texts as exported
WIDTHS = (34, 60, 60, 60, 13, 40, 18)
SHEET_TITLES = {
    "pages": "Страницы",
    "strings": "Интерфейс",
    "labels": "Подписи",
    "terms": "Термины",
}
INSTRUCTIONS = "Как проверять"
REVIEWER_LABEL = "Кто проверял"
YES = "да"

MAX_BYTES = 10 * 1024 * 1024  # the .xlsx file
MAX_UNPACKED = 80 * 1024 * 1024  # the XML inside it
MAX_MEMBERS = 500
MAX_ROWS = 20_000  # rows in all sheets together
MAX_CELL = 10_000  # characters in one cell

GREY = PatternFill("solid", fgColor="EEEEEE")
WRAP = Alignment(wrap_text=True, vertical="top")


def seal(where: str, ru: str, ce: str) -> str:
    """What the hidden column holds: the row's texts as exported."""
    return hashlib.sha256("\0".join((where, ru, ce)).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Row:
    sheet: str  # the kind: pages, strings, labels, terms
    number: int  # the row number a spreadsheet shows
    where: str
    ru: str
    ce: str
    correction: str
    checked: str
    comment: str
    seal: str


def write(
    path: Path,
    instructions: list[tuple[str, str]],
    reviewer: str,
    rows: dict[str, list[tuple[str, str, str]]],
) -> None:
    """A workbook at `path`: the instructions (pairs of Russian and Chechen
    paragraphs) and, for each kind, rows of (where, Russian, Chechen)."""
    book = Workbook()
    guide = book.active
    assert guide is not None
    guide.title = INSTRUCTIONS
    guide.column_dimensions["A"].width = 70
    guide.column_dimensions["B"].width = 70
    guide.append(["По-русски", "Нохчийн маттахь"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for ru, ce in instructions:
        guide.append([ru, ce])
    guide.append([])
    guide.append([REVIEWER_LABEL, reviewer])
    guide.cell(guide.max_row, 1).font = Font(bold=True)
    for line in guide.iter_rows():
        for cell in line:
            cell.alignment = WRAP
    for kind, title in SHEET_TITLES.items():
        _sheet(book.create_sheet(title), rows.get(kind, []))
    buffer = path.with_name(f".{path.name}.tmp")
    book.save(buffer)
    buffer.replace(path)


def _sheet(sheet: Worksheet, rows: list[tuple[str, str, str]]) -> None:
    sheet.append([*COLUMNS, SEAL])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = WRAP
    for where, ru, ce in rows:
        sheet.append([where, ru, ce, None, None, None, seal(where, ru, ce)])
    for number, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[chr(ord("A") + number - 1)].width = width
    sheet.column_dimensions["G"].hidden = True
    sheet.freeze_panes = "A2"
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = WRAP
            # Text, never a formula: a content tab's «=== "…"» starts with «=».
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
        for cell in line[:3]:
            cell.fill = GREY
    if rows:
        checked = DataValidation(
            type="list",
            formula1=f'"{YES}"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Проверено",
            error="Напишите «да» или оставьте пустым.",
            promptTitle="Проверено",
            prompt="«да» — текст верен (с исправлением, если оно есть).",
            showInputMessage=True,
        )
        sheet.add_data_validation(checked)
        checked.add(f"E2:E{len(rows) + 1}")


def _text(value: object) -> str | None:
    """A cell's value as text; None for a value no reviewer types (a date)."""
    if value is None:
        return ""
    if isinstance(value, bool | datetime | date | time):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str | int | float):
        return str(value)
    return None


def _check_container(path: Path, shown: str) -> None:
    try:
        size = path.stat().st_size
    except OSError as err:
        raise Problems([Problem(shown, 1, f"файл не читается: {os_reason(err)}")]) from None
    if size > MAX_BYTES:
        raise Problems([Problem(shown, 1, f"файл больше {MAX_BYTES // 1024 // 1024} МБ")])
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise Problems([Problem(shown, 1, "это не таблица Excel (.xlsx)")]) from None
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
        raise Problems([Problem(shown, 1, "таблица слишком велика внутри: это не наша таблица")])


def read(path: Path, shown: str) -> tuple[str, list[Row], list[Problem]]:
    """The reviewer's name, every filled row, and the problems of the rows
    that could not be read; raise Problems when the workbook as a whole is
    not one this tool wrote or breaks a bound."""
    if not DEFUSEDXML:  # defusedxml missing, or OPENPYXL_DEFUSEDXML=False
        raise Problems([Problem(shown, 1, "нет defusedxml: таблицу из чужих рук читать нельзя")])
    _check_container(path, shown)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a broken file
        raise Problems([Problem(shown, 1, "таблица не читается как файл Excel (.xlsx)")]) from None
    try:
        return _read(book.sheetnames, book, shown)
    finally:
        book.close()


def _cells(sheet: Worksheet, limit: int) -> Iterator[tuple[int, tuple[object, ...]]]:
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > limit:
            break
        yield number, values


def _read(names: list[str], book: object, shown: str) -> tuple[str, list[Row], list[Problem]]:
    problems: list[Problem] = []
    reviewer = ""
    rows: list[Row] = []
    seen = 0
    if INSTRUCTIONS in names:
        for number, values in _cells(book[INSTRUCTIONS], 200):  # type: ignore[index]
            if values and values[0] == REVIEWER_LABEL:
                text = _text(values[1] if len(values) > 1 else None)
                if text is None or len(text) > 200:
                    problems.append(
                        Problem(
                            shown, number, f"лист «{INSTRUCTIONS}»: «{REVIEWER_LABEL}» — не текст"
                        )
                    )
                else:
                    reviewer = " ".join(text.split())
    missing = [title for title in SHEET_TITLES.values() if title not in names]
    if missing:
        problems.append(Problem(shown, 1, f"нет листа «{missing[0]}»: это не таблица проверки"))
    for kind, title in SHEET_TITLES.items():
        if title not in names:
            continue
        for number, values in _cells(book[title], MAX_ROWS + 1):  # type: ignore[index]
            seen += 1
            if seen > MAX_ROWS:
                problems.append(
                    Problem(shown, number, f"больше {MAX_ROWS} строк: это не наша таблица")
                )
                break
            cells = list(values[:7]) + [None] * (7 - len(values[:7]))
            if number == 1:
                if tuple(cells[:6]) != COLUMNS:
                    problems.append(
                        Problem(
                            shown, 1, f"лист «{title}»: столбцы должны быть: {', '.join(COLUMNS)}"
                        )
                    )
                    break
                continue
            texts = [_text(value) for value in cells]
            bad = next((i for i, text in enumerate(texts) if text is None), None)
            if bad is not None:
                problems.append(
                    Problem(
                        shown, number, f"лист «{title}»: в «{([*COLUMNS, SEAL])[bad]}» не текст"
                    )
                )
                continue
            clean = [t or "" for t in texts]
            long = next((i for i, text in enumerate(clean) if len(text) > MAX_CELL), None)
            if long is not None:
                problems.append(
                    Problem(
                        shown,
                        number,
                        f"лист «{title}»: в «{([*COLUMNS, SEAL])[long]}» больше {MAX_CELL} знаков",
                    )
                )
                continue
            if not any(text.strip() for text in clean):
                continue
            rows.append(Row(kind, number, *clean))
    return reviewer, rows, problems
