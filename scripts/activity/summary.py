"""Counts per term: activities, distinct teachers, by platform and by kind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .model import Activity, fold
from .registries import Kind, Registries, Term


@dataclass(frozen=True)
class TermSummary:
    term: Term
    activities: int
    teachers: int
    by_platform: dict[str, int]  # every platform of the registry, in its order
    by_activity: dict[str, int]  # every kind of the registry, in its order
    teachers_by_platform: dict[str, int]
    teachers_by_activity: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.term.id,
            "start": self.term.start.isoformat(),
            "end": self.term.end.isoformat(),
            "teachers": self.teachers,
            "activities": self.activities,
            "by_platform": self.by_platform,
            "by_activity": self.by_activity,
        }


def summarise(registries: Registries, activities: Iterable[Activity]) -> list[TermSummary]:
    """One summary for every term of the registry, in its order."""
    in_term: dict[str, list[Activity]] = {term.id: [] for term in registries.terms}
    for activity in activities:
        term = registries.term_of(activity.date)
        if term is not None:
            in_term[term.id].append(activity)
    return [_summary(registries, term, in_term[term.id]) for term in registries.terms]


def _summary(registries: Registries, term: Term, items: list[Activity]) -> TermSummary:
    platforms = [kind.id for kind in registries.platforms]
    kinds = [kind.id for kind in registries.activities]
    return TermSummary(
        term=term,
        activities=len(items),
        teachers=len({fold(item.teacher) for item in items}),
        by_platform=_counts(platforms, Counter(item.platform for item in items)),
        by_activity=_counts(kinds, Counter(item.activity for item in items)),
        teachers_by_platform=_counts(platforms, _teachers_by(items, "platform")),
        teachers_by_activity=_counts(kinds, _teachers_by(items, "activity")),
    )


def _counts(ids: list[str], counter: Counter[str]) -> dict[str, int]:
    return {id_: counter.get(id_, 0) for id_ in ids}


def _teachers_by(items: list[Activity], field: str) -> Counter[str]:
    pairs = {(getattr(item, field), fold(item.teacher)) for item in items}
    return Counter(group for group, _ in pairs)


def with_activity(summaries: list[TermSummary]) -> list[TermSummary]:
    return [summary for summary in summaries if summary.activities]


@dataclass(frozen=True)
class Line:
    """One row of a term's table: a platform or a kind, and its counts."""

    kind: Kind
    activities: int
    teachers: int
    previous: int | None  # activities in the previous term; None if there is none


def lines(
    field: str, summary: TermSummary, previous: TermSummary | None, registries: Registries
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
