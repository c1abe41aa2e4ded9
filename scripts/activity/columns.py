"""Which column holds what: headers in Russian or English, in any case.

The header row need not be the first: a school's sheet often starts with a
title, a date or empty rows, so the header is looked for in the first
HEADER_ROWS rows. Columns not named here (№, notes, a class) are ignored and
never stored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .model import FIELDS, Problem
from .values import one_line

HEADER_ROWS = 10
# The headers a problem names as examples; many more are recognised (field_of).
HEADERS = {
    "date": ("Дата", "Дата проведения", "Date"),
    "teacher": ("ФИО педагога", "Педагог", "Учитель", "ФИО", "Teacher"),
    "platform": ("Платформа", "Platform"),
    "activity": ("Вид активности", "Вид деятельности", "Активность", "Activity"),
    "title": ("Название", "Название мероприятия", "Тема", "Title"),
    "url": ("Ссылка", "Ссылка на публикацию", "URL", "Link"),
}
REQUIRED = ("date", "teacher", "platform", "activity")
_MAX_HEADER = 80  # characters: a longer cell is data, not a header
# A header names its field by its first word, as Russian headers do:
# «Дата проведения», «ФИО учителя», «Вид деятельности», «Название мероприятия»,
# «Ссылка на публикацию». Each field's first words, as the start of the word.
_FIRST_WORDS = (
    ("date", ("дата", "date", "when")),
    ("teacher", ("фио", "фамилия", "педагог", "учител", "преподавател", "teacher")),
    ("platform", ("платформ", "площадк", "ресурс", "сайт", "platform")),
    ("activity", ("вид", "тип", "форма", "активност", "деятельност", "activity", "kind")),
    ("title", ("назван", "наименован", "тема", "мероприяти", "материал", "title")),
    ("url", ("ссылк", "url", "link", "веб", "интернет")),
)
# A header about someone or something else: a pupil's name, a birth date, a
# class, an e-mail address. Such a column is never read.
_OTHER = ("учени", "обучающ", "воспитанник", "ребен", "рожден", "почт", "email", "телефон")
# «Название платформы», «Наименование ресурса»: the second word says the field.
_OF_PLATFORM = ("платформ", "площадк", "ресурс", "сайт")
_INITIALS_FIO = re.compile(r"\bф\.?\s*и\.?\s*о\b\.?")
_WORDS = re.compile(r"[a-zа-я]+")


@dataclass(frozen=True)
class Columns:
    """The index of each field's column; -1 for an optional one not there."""

    date: int
    teacher: int
    platform: int
    activity: int
    title: int
    url: int

    @property
    def indexes(self) -> tuple[int, int, int, int, int, int]:
        """Each field's column, in the order of FIELDS (dataclasses.astuple, but
        without its deep copy: it is asked for every chunk of rows)."""
        return (self.date, self.teacher, self.platform, self.activity, self.title, self.url)


@lru_cache(maxsize=4096)
def field_of(cell: object) -> str | None:
    """The field a header cell names, or None."""
    if not isinstance(cell, str) or not cell or len(cell) > _MAX_HEADER:
        return None
    text = _INITIALS_FIO.sub("фио ", one_line(cell).casefold().replace("ё", "е"))
    words = _WORDS.findall(text)
    if not words or any(word.startswith(_OTHER) for word in words):
        return None
    first = words[0]
    if (
        first.startswith(("назван", "наименован"))
        and words[1:2]
        and words[1].startswith(_OF_PLATFORM)
    ):
        return "platform"
    if first in ("адрес", "address") and len(words) > 1 and words[1] != "ссылки":
        return None  # «Адрес школы», «адрес электронной почты»: not a link
    if first in ("адрес", "address"):
        return "url"
    for field, starts in _FIRST_WORDS:
        if first.startswith(starts):
            return field
    return None


def header_score(row: Sequence[object]) -> int:
    """How many of the required fields `row` names: a header names them all."""
    return len({field for cell in row if (field := field_of(cell)) in REQUIRED})


def two_row_header(upper: Sequence[object], lower: Sequence[object]) -> list[object] | None:
    """The header that two rows make together, when neither names every
    required field alone: sub-headers under a header in merged cells («ФИО
    педагога» over both rows, «Мероприятие» over «Платформа», «Вид»,
    «Название»). Each column is named by its sub-header, else by the cell
    above; None unless both rows name a field and together every required one."""
    if not any(map(field_of, upper)) or not any(map(field_of, lower)):
        return None
    width = max(len(upper), len(lower))
    above = [*upper, *[""] * (width - len(upper))]
    below = [*lower, *[""] * (width - len(lower))]
    both = [low if field_of(low) else high for high, low in zip(above, below, strict=True)]
    return both if header_score(both) == len(REQUIRED) else None


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
