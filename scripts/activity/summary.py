"""Counts per term and per school year: activities, distinct teachers, by
platform and by kind; and, within each term, its holidays.

Teachers are counted distinct within the period (a term, its holidays, a
year), never summed over shorter ones. `as_json` gives what
`stats.py summary --json` prints and the site publishes at
/reports/summary.json.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from .model import Activity
from .registries import TERMS_FILE, Kind, Registries, SchoolYear, Term, year_id
from .values import teacher_key


@dataclass(frozen=True)
class Counts:
    """What a period counts."""

    activities: int
    teachers: int
    by_platform: dict[str, int]  # every platform of the registry, in its order
    by_activity: dict[str, int]  # every kind of the registry, in its order
    teachers_by_platform: dict[str, int]
    teachers_by_activity: dict[str, int]

    def counts_json(self) -> dict[str, Any]:
        return {
            "teachers": self.teachers,
            "activities": self.activities,
            "by_platform": self.by_platform,
            "by_activity": self.by_activity,
        }


P = TypeVar("P", Term, SchoolYear)


@dataclass(frozen=True)
class Summary(Counts, Generic[P]):
    """The counts of a period: a term or a school year."""

    period: P

    @property
    def start(self) -> date:
        return self.period.start

    @property
    def end(self) -> date:
        return self.period.end

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.period.id,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            **self.counts_json(),
        }


@dataclass(frozen=True)
class TermSummary(Summary[Term]):
    holidays: Counts | None  # the days after the last lesson, if the term has any

    @property
    def term(self) -> Term:
        return self.period


@dataclass(frozen=True)
class YearSummary(Summary[SchoolYear]):
    terms: list[TermSummary]

    @property
    def year(self) -> SchoolYear:
        return self.period

    def as_json(self) -> dict[str, Any]:
        return super().as_json() | {
            "terms": [summary.term.id for summary in self.terms],
            "calendar": self.year.calendar,
        }


def summarise_years(registries: Registries, activities: Iterable[Activity]) -> list[YearSummary]:
    """One summary for every school year with a calendar or with activity, in order."""
    by_year: dict[str, list[Activity]] = defaultdict(list)
    for activity in activities:
        by_year[year_id(activity.date)].append(activity)
    ids = sorted({year.id for year in registries.years} | set(by_year))
    return [_year(registries, registries.year(id_), by_year.get(id_, [])) for id_ in ids]


def summarise(registries: Registries, activities: Iterable[Activity]) -> list[TermSummary]:
    """One summary for every term of the registry, in its order."""
    return [term for year in summarise_years(registries, activities) for term in year.terms]


def as_json(years: list[YearSummary]) -> str:
    """The counts of every term and year, as `stats.py summary --json` prints them."""
    data = {
        "terms": [term.as_json() for year in years for term in year.terms],
        "years": [year.as_json() for year in years],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _year(registries: Registries, year: SchoolYear, items: list[Activity]) -> YearSummary:
    in_term: dict[str, list[Activity]] = {term.id: [] for term in year.terms}
    for item in items:
        if term := registries.term_of(item.date):
            in_term[term.id].append(item)
    terms = [_term(registries, term, in_term[term.id]) for term in year.terms]
    return YearSummary(**vars(_counts(registries, items)), period=year, terms=terms)


def _term(registries: Registries, term: Term, items: list[Activity]) -> TermSummary:
    holidays = None
    if days := term.holidays:
        holidays = _counts(registries, [item for item in items if days[0] <= item.date])
    return TermSummary(**vars(_counts(registries, items)), period=term, holidays=holidays)


def _counts(registries: Registries, items: list[Activity]) -> Counts:
    platforms = [kind.id for kind in registries.platforms]
    kinds = [kind.id for kind in registries.activities]
    return Counts(
        activities=len(items),
        teachers=len({teacher_key(item.teacher) for item in items}),
        by_platform=_counts_of(platforms, Counter(item.platform for item in items)),
        by_activity=_counts_of(kinds, Counter(item.activity for item in items)),
        teachers_by_platform=_counts_of(platforms, _teachers_by(items, "platform")),
        teachers_by_activity=_counts_of(kinds, _teachers_by(items, "activity")),
    )


def _counts_of(ids: list[str], counter: Counter[str]) -> dict[str, int]:
    return {id_: counter.get(id_, 0) for id_ in ids}


def _teachers_by(items: list[Activity], field: str) -> Counter[str]:
    pairs = {(getattr(item, field), teacher_key(item.teacher)) for item in items}
    return Counter(group for group, _ in pairs)


C = TypeVar("C", bound=Counts)


def with_activity(summaries: list[C]) -> list[C]:
    return [summary for summary in summaries if summary.activities]


@dataclass(frozen=True)
class Line:
    """One row of a period's table: a platform or a kind, and its counts."""

    kind: Kind
    activities: int
    teachers: int
    previous: int | None  # activities in the period before; None if there is none


def lines(
    field: str, summary: Counts, previous: Counts | None, registries: Registries
) -> list[Line]:
    """The rows of the table by `field`, "platform" or "activity"."""
    kinds = registries.platforms if field == "platform" else registries.activities
    counts = getattr(summary, f"by_{field}")
    teachers = getattr(summary, f"teachers_by_{field}")
    before = getattr(previous, f"by_{field}") if previous else None
    return [
        Line(kind, counts[kind.id], teachers[kind.id], before[kind.id] if before else None)
        for kind in kinds
    ]


def as_text(years: list[YearSummary], registries: Registries, term: str | None = None) -> str:
    """The counts as `stats.py summary` prints them for the coordinator: each
    year, then its terms (only `term`, if given) and their holidays."""
    out: list[str] = []
    for year in years:
        if term is None:
            out += _text(f"{year.year.id}  {year.year.name} учебный год", year, registries)
            if not year.year.calendar:
                out.append(f"  сроки четвертей не внесены в {TERMS_FILE}")
        for summary in year.terms:
            if term in (None, summary.term.id):
                out += _text(f"{summary.term.id}  {summary.term.name['ru']}", summary, registries)
                if summary.holidays and (days := summary.term.holidays):
                    out.append(
                        f"  в том числе каникулы {days[0]:%d.%m.%Y}–{days[1]:%d.%m.%Y}: "
                        f"активностей {summary.holidays.activities}, "
                        f"педагогов {summary.holidays.teachers}"
                    )
        out.append("")
    return "".join(line + "\n" for line in out)


def _text(title: str, summary: Summary[Any], registries: Registries) -> list[str]:
    out = [
        f"{title}  {summary.start:%d.%m.%Y}–{summary.end:%d.%m.%Y}",
        f"  активностей {summary.activities}, педагогов {summary.teachers}",
    ]
    for heading, kinds, numbers in (
        ("платформа", registries.platforms, summary.by_platform),
        ("вид активности", registries.activities, summary.by_activity),
    ):
        names = [kind.name["ru"] for kind in kinds]
        width = max(map(len, [heading, *names])) + 2
        out.append(f"  {heading:<{width}}{'активностей':>12}")
        out += [
            f"  {name:<{width}}{numbers[kind.id]:>12}"
            for kind, name in zip(kinds, names, strict=True)
        ]
    return out
