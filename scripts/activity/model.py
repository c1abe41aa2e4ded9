"""The records the statistics pass around."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# The activity modules take them from here.
from common.problem import Problem as Problem
from common.problem import Problems as Problems

from .values import teacher_key

FIELDS = ("date", "teacher", "platform", "activity", "title", "url")


@dataclass(frozen=True, order=True)
class Activity:
    """One activity of one teacher, normalised: ids from the registries.

    The field order is the log's sort order.
    """

    date: date
    platform: str
    activity: str
    teacher: str
    title: str = ""
    url: str = ""

    def key(self) -> tuple[object, ...]:
        """What makes two records the same activity, whatever the spelling."""
        return (
            self.date,
            self.platform,
            self.activity,
            teacher_key(self.teacher),
            fold(self.title),
            self.url,
        )


def fold(text: str) -> str:
    """Text compared without regard to case, ё/е or runs of spaces."""
    return " ".join(text.casefold().replace("ё", "е").split())
