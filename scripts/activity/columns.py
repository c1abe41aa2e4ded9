"""Which column holds what: headers in Russian or English, in any case.

The header row need not be the first: a school's sheet often starts with a
title, a date or empty rows, so the header is looked for in the first
HEADER_ROWS rows. Columns not named here (№, notes, a class) are ignored and
never stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import FIELDS, Problem

HEADER_ROWS = 10
HEADERS = {
    "date": ("Дата", "Date"),
    "teacher": ("ФИО педагога", "Педагог", "Учитель", "ФИО", "Teacher"),
    "platform": ("Платформа", "Platform"),
    "activity": ("Вид активности", "Активность", "Activity"),
    "title": ("Название", "Title"),
    "url": ("Ссылка", "URL", "Link"),
}
REQUIRED = ("date", "teacher", "platform", "activity")
_FIELD_OF = {
    " ".join(header.casefold().replace("ё", "е").split()): field
    for field, headers in HEADERS.items()
    for header in headers
}


@dataclass(frozen=True)
class Columns:
    """The index of each field's column; -1 for an optional one not there."""

    date: int
    teacher: int
    platform: int
    activity: int
    title: int
    url: int


def field_of(cell: object) -> str | None:
    """The field a header cell names, or None."""
    if not isinstance(cell, str) or not cell or len(cell) > 60:
        return None
    return _FIELD_OF.get(" ".join(cell.casefold().replace("ё", "е").strip(" :*").split()))


def header_score(row: Sequence[object]) -> int:
    """How many of the required fields `row` names: a header names them all."""
    return len({field for cell in row if (field := field_of(cell)) in REQUIRED})


def find_columns(source: str, header: Sequence[object], line: int = 1) -> Columns | list[Problem]:
    """Map the header (at `line`) to fields."""
    found: dict[str, list[int]] = {}
    for index, cell in enumerate(header):
        if field := field_of(cell):
            found.setdefault(field, []).append(index)
    problems = []
    for field in REQUIRED:
        if field not in found:
            names = " или ".join(f"«{name}»" for name in HEADERS[field])
            problems.append(Problem(source, line, f"нет обязательного столбца {names}"))
    for field, indexes in found.items():
        if len(indexes) > 1:
            names = ", ".join(f"«{header[i]}»" for i in indexes)
            problems.append(
                Problem(source, line, f"несколько столбцов «{HEADERS[field][0]}»: {names}")
            )
    if problems:
        return problems
    return Columns(*(found.get(field, [-1])[0] for field in FIELDS))


def no_header(source: str, rows: Sequence[tuple[int, Sequence[object]]]) -> list[Problem]:
    """The problems of a source whose first rows hold no full header: those of
    the row nearest to one, or a line saying what a header looks like."""
    best = max(rows, key=lambda row: header_score(row[1]), default=None)
    if best is not None and header_score(best[1]) > 0:
        problems = find_columns(source, best[1], best[0])
        assert isinstance(problems, list)  # a full header would have been found
        return problems
    wanted = ", ".join(f"«{HEADERS[field][0]}»" for field in REQUIRED)
    return [
        Problem(
            source,
            1,
            f"в первых {HEADER_ROWS} строках нет строки заголовков: нужны столбцы {wanted}",
        )
    ]
