"""Which column holds what: headers in Russian or English, in any case."""

from __future__ import annotations

from dataclasses import dataclass

from .model import FIELDS, Problem

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


def find_columns(source: str, header: list[str]) -> Columns | list[Problem]:
    """Map the header to fields; other columns are ignored and never stored."""
    found: dict[str, list[int]] = {}
    for index, cell in enumerate(header):
        key = " ".join(str(cell).casefold().replace("ё", "е").strip(" :*").split())
        if field := _FIELD_OF.get(key):
            found.setdefault(field, []).append(index)
    problems = []
    for field in REQUIRED:
        if field not in found:
            names = " or ".join(f"«{name}»" for name in HEADERS[field])
            problems.append(Problem(source, 1, f"missing required column {names} ({field})"))
    for field, indexes in found.items():
        if len(indexes) > 1:
            names = ", ".join(f"«{header[i]}»" for i in indexes)
            problems.append(Problem(source, 1, f"more than one {field} column: {names}"))
    if problems:
        return problems
    return Columns(*(found.get(field, [-1])[0] for field in FIELDS))
