"""The registries in data/: platforms, activity kinds, terms and consent.

Each file is checked against a schema and then for what a schema cannot
say (unique ids, one meaning per alias, terms in order); every problem is
reported as FILE:LINE: message, in Russian: the coordinator edits them.

Terms are grouped by school year (01.09–31.08, id 2025-26). A term's
reporting period runs from its first day to the day before the next term:
the first term of a year from 01.09, the last one to 31.08. So every day of
a year with a calendar belongs to exactly one term, holidays to the term
just ended and the summer to the last one. A year that data/terms.yml does
not list yet has no terms, and its activities count for the year alone.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from chechen import palochka
from common import yamldata
from common.schema import ID, TEXT, in_every_language

from .model import Problem, Problems
from .values import BadValue, alias_key, parse_date, teacher_key

T = TypeVar("T")

TERMS_FILE = "data/terms.yml"
NAMES = in_every_language(TEXT)
_KINDS_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", "name", "aliases"],
        "properties": {
            "id": ID,
            "name": NAMES,
            "aliases": {"type": "array", "items": TEXT},
        },
    },
}
_YEAR_ID = "^[0-9]{4}-[0-9]{2}$"
_TERMS_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["year", "terms"],
        "additionalProperties": False,
        "properties": {
            "year": {"type": "string", "pattern": _YEAR_ID},
            "terms": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["id", "start", "end", "name"],
                    "additionalProperties": False,
                    "properties": {
                        # The school year first, so that ids sort as the terms
                        # do and generated pages are told from hand-written ones.
                        "id": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[a-z0-9-]+$"},
                        "start": TEXT,
                        "end": TEXT,
                        "name": NAMES,
                    },
                },
            },
        },
    },
}
_CONSENT_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["name", "since", "kept"],
        "additionalProperties": False,
        "properties": {"name": TEXT, "since": TEXT, "kept": TEXT},
    },
}


@dataclass(frozen=True)
class Kind:
    """A platform or an activity kind: its id and its names."""

    id: str
    name: dict[str, str]


@dataclass(frozen=True)
class Term:
    """A term, and the reporting period that counts for it."""

    id: str
    year: str  # the school year's id, 2025-26
    name: dict[str, str]
    lessons: tuple[date, date]  # first and last day of lessons, as data/terms.yml says
    start: date  # the reporting period: from 01.09 for the first term of a year,
    end: date  # to the day before the next term starts, or to 31.08

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def holidays(self) -> tuple[date, date] | None:
        """The days after the last lesson that still count for this term."""
        first = self.lessons[1] + timedelta(days=1)
        return (first, self.end) if first <= self.end else None


@dataclass(frozen=True)
class SchoolYear:
    """01.09 to 31.08; with its terms, or none if data/terms.yml has no calendar."""

    id: str
    terms: tuple[Term, ...] = ()

    @property
    def first(self) -> int:
        return int(self.id[:4])

    @property
    def start(self) -> date:
        return date(self.first, 9, 1)

    @property
    def end(self) -> date:
        return date(self.first + 1, 8, 31)

    @property
    def name(self) -> str:
        """As people write it: 2025/26."""
        return self.id.replace("-", "/")

    @property
    def calendar(self) -> bool:
        return bool(self.terms)

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


def year_id(day: date) -> str:
    """The school year a day belongs to: 2025-26 for 01.09.2025–31.08.2026."""
    first = day.year if day.month >= 9 else day.year - 1
    return f"{first}-{(first + 1) % 100:02}"


@dataclass(frozen=True)
class Registries:
    platforms: list[Kind]
    activities: list[Kind]
    years: list[SchoolYear]  # the years data/terms.yml gives a calendar, in order
    platform_aliases: dict[str, str]  # alias_key → id
    activity_aliases: dict[str, str]
    consented: dict[str, str]  # teacher_key → name, of the teachers who consented
    terms_lines: int = 1  # the length of data/terms.yml, where new lines go
    terms: list[Term] = field(init=False)
    _starts: list[date] = field(init=False)

    def __post_init__(self) -> None:
        terms = [term for year in self.years for term in year.terms]
        object.__setattr__(self, "terms", terms)
        object.__setattr__(self, "_starts", [term.start for term in terms])

    def term_of(self, day: date) -> Term | None:
        """The term whose reporting period holds `day`; None in a year without calendar."""
        index = bisect.bisect_right(self._starts, day) - 1
        if index >= 0 and day in self.terms[index]:
            return self.terms[index]
        return None

    def term(self, term_id: str) -> Term | None:
        return next((term for term in self.terms if term.id == term_id), None)

    def year(self, year: str) -> SchoolYear:
        """The school year `year` (2025-26), with its calendar if there is one."""
        return next((known for known in self.years if known.id == year), SchoolYear(year))

    def year_of(self, day: date) -> SchoolYear:
        return self.year(year_id(day))

    def consent_name(self, teacher: str) -> str | None:
        """The name data/consent.yml gives a teacher who consented; else None."""
        return self.consented.get(teacher_key(teacher))

    def has_consent(self, teacher: str) -> bool:
        return teacher_key(teacher) in self.consented

    def calendar_warning(self, year: str, activities: int) -> list[str]:
        """The warning for a school year with `activities` and no calendar in
        data/terms.yml: a line naming the file, then the lines to add at its
        end, unindented, ready to paste."""
        name = SchoolYear(year).name
        return [
            f"{TERMS_FILE}:{self.terms_lines}: предупреждение: нет сроков четвертей {name} "
            f"учебного года; его активности ({activities}) учтены в итогах года, а в отчёты "
            f"по четвертям не попадут. Добавьте в конец {TERMS_FILE} эти строки и проверьте "
            "даты по календарному учебному графику школы:",
            *self.calendar_hint(year),
        ]

    def calendar_hint(self, year: str) -> list[str]:
        """The lines to add to data/terms.yml for a year without calendar: the
        nearest known year's terms a year on (their days to be checked), or
        four quarters to fill in."""
        target = SchoolYear(year)
        model = min(self.years, key=lambda known: abs(known.first - target.first), default=None)
        lines = [f"- year: {year}", "  terms:"]
        if model is None:
            for number, roman in enumerate(("I", "II", "III", "IV"), start=1):
                lines += _term_lines(
                    f"{year}-q{number}",
                    "ДД.ММ.ГГГГ",
                    "ДД.ММ.ГГГГ",
                    {"ru": f"{roman} четверть {target.name} учебного года", "ce": "…"},
                )
            return lines
        shift = target.first - model.first
        for term in model.terms:
            names = {
                lang: text.replace(model.name, target.name) for lang, text in term.name.items()
            }
            lines += _term_lines(
                term.id.replace(model.id, year, 1),
                _shifted(term.lessons[0], shift).isoformat(),
                _shifted(term.lessons[1], shift).isoformat(),
                names,
            )
        return lines


def _term_lines(term_id: str, start: str, end: str, name: dict[str, str]) -> list[str]:
    return [
        f"    - id: {term_id}",
        f"      start: {start}",
        f"      end: {end}",
        "      name:",
        *(f"        {lang}: {text}" for lang, text in name.items()),
    ]


def _shifted(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def load(data: Path) -> Registries:
    """Read and check every registry in the folder `data`."""
    problems: list[Problem] = []
    platforms = _read(data, "platforms.yml", _kinds, problems)
    activities = _read(data, "activities.yml", _kinds, problems)
    years = _read(data, "terms.yml", _years, problems)
    consented = _read(data, "consent.yml", _consent, problems)
    if platforms is None or activities is None or years is None or consented is None:
        raise Problems(problems)
    lines = len((data / "terms.yml").read_text("utf-8").splitlines()) + 1
    return Registries(
        platforms[0], activities[0], years, platforms[1], activities[1], consented, lines
    )


def _read(
    data: Path, name: str, reader: Callable[[yamldata.Document], T], problems: list[Problem]
) -> T | None:
    """One registry as `reader` makes it; None, with its problems noted, when wrong."""
    try:
        return reader(
            yamldata.load(
                data / name, _SCHEMAS[name], f"data/{name}", dates_as_text=True, lang="ru"
            )
        )
    except Problems as err:
        problems.extend(err.problems)
        return None


def _kinds(file: yamldata.Document) -> tuple[list[Kind], dict[str, str]]:
    problems = list(_unique_ids(file, enumerate(file.data)))
    kinds: list[Kind] = []
    aliases: dict[str, str] = {}
    for index, entry in enumerate(file.data):
        kinds.append(Kind(entry["id"], entry["name"]))
        problems.extend(_chechen_name(file, entry["name"]["ce"], index))
        spellings = [entry["id"], *entry["name"].values(), *entry["aliases"]]
        for spelling in spellings:
            key = alias_key(spelling)
            owner = aliases.setdefault(key, entry["id"])
            if owner != entry["id"]:
                problems.append(
                    file.problem(f"«{spelling}» значит и {owner}, и {entry['id']}", index)
                )
    if problems:
        raise Problems(sorted(problems, key=lambda problem: problem.line))
    return kinds, aliases


def _years(file: yamldata.Document) -> list[SchoolYear]:
    problems: list[Problem] = []
    years: list[SchoolYear] = []
    every_term = [
        ((index, "terms", number), term)
        for index, year in enumerate(file.data)
        for number, term in enumerate(year["terms"])
    ]
    problems.extend(_unique_ids(file, every_term))
    for index, entry in enumerate(file.data):
        year = SchoolYear(entry["year"])
        if int(year.id[5:]) != (year.first + 1) % 100:
            problems.append(
                file.problem(
                    f"учебный год «{year.id}»: пишите два года подряд, как 2025-26", index, "year"
                )
            )
            continue
        if any(known.id == year.id for known in years):
            problems.append(file.problem(f"{year.id} записан дважды", index, "year"))
            continue
        lessons: list[tuple[str, dict[str, str], date, date]] = []
        last: tuple[str, date] | None = None  # the previous term's id and last day
        for number, term in enumerate(entry["terms"]):
            at = (index, "terms", number)
            problems.extend(_chechen_name(file, term["name"]["ce"], *at))
            if not term["id"].startswith(year.id + "-"):
                problems.append(
                    file.problem(
                        f"id {term['id']} должен начинаться с учебного года: {year.id}-…",
                        *at,
                        "id",
                    )
                )
            start, end = (_date(file, key, problems, *at) for key in ("start", "end"))
            if start is None or end is None:
                continue
            if end < start:
                problems.append(
                    file.problem(f"{term['id']} кончается раньше, чем начинается", *at, "end")
                )
            for key, day in (("start", start), ("end", end)):
                if day not in year:
                    problems.append(
                        file.problem(
                            f"{day:%d.%m.%Y} — не в {year.name} учебном году "
                            f"({year.start:%d.%m.%Y}–{year.end:%d.%m.%Y})",
                            *at,
                            key,
                        )
                    )
            if last and start <= last[1]:
                problems.append(
                    file.problem(
                        f"{term['id']} начинается раньше, чем кончается {last[0]}: "
                        "пишите четверти по порядку, без наложений",
                        *at,
                        "start",
                    )
                )
            last = (term["id"], end)
            lessons.append((term["id"], term["name"], start, end))
        years.append(SchoolYear(year.id, _reporting_periods(year, lessons)))
    if problems:
        raise Problems(sorted(problems, key=lambda problem: problem.line))
    return sorted(years, key=lambda year: year.id)


def _reporting_periods(
    year: SchoolYear, lessons: list[tuple[str, dict[str, str], date, date]]
) -> tuple[Term, ...]:
    """Each term counts from its first day (01.09 for the first) to the day
    before the next one (31.08 for the last)."""
    starts = [year.start, *(start for _, _, start, _ in lessons[1:])]
    ends = [start - timedelta(days=1) for start in starts[1:]] + [year.end]
    return tuple(
        Term(term_id, year.id, name, (first, last), start, end)
        for (term_id, name, first, last), start, end in zip(lessons, starts, ends, strict=True)
    )


def _consent(file: yamldata.Document) -> dict[str, str]:
    problems: list[Problem] = []
    for index in range(len(file.data)):
        _date(file, "since", problems, index)
    if problems:
        raise Problems(problems)
    return {teacher_key(entry["name"]): " ".join(entry["name"].split()) for entry in file.data}


def _date(file: yamldata.Document, key: str, problems: list[Problem], *at: Any) -> date | None:
    """The date at `key` of the entry at `at`; None, and a problem, if it is wrong."""
    entry = file.data
    for step in at:
        entry = entry[step]
    try:
        return parse_date(entry[key])
    except BadValue as err:
        problems.append(file.problem(str(err), *at, key))
        return None


def _unique_ids(
    file: yamldata.Document, entries: Iterable[tuple[Any, dict[str, Any]]]
) -> Iterable[Problem]:
    seen: set[str] = set()
    for at, entry in entries:
        path = at if isinstance(at, tuple) else (at,)
        if entry["id"] in seen:
            yield file.problem(f"id {entry['id']} встречается дважды", *path, "id")
        seen.add(entry["id"])


def _chechen_name(file: yamldata.Document, name: str, *at: Any) -> Iterable[Problem]:
    for found in palochka.find_lookalikes(name):
        yield file.problem(
            f"палочка набрана знаком «{found.char}» в «{name}»: пишите Ӏ (U+04C0)",
            *at,
            "name",
            "ce",
        )


_SCHEMAS: dict[str, dict[str, Any]] = {
    "platforms.yml": _KINDS_SCHEMA,
    "activities.yml": _KINDS_SCHEMA,
    "terms.yml": _TERMS_SCHEMA,
    "consent.yml": _CONSENT_SCHEMA,
}
