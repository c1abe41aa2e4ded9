"""A problem found in a file or other source, as every tool here reports it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong at a line: printed as SOURCE:LINE: message.

    SOURCE is a file as a person names it (docs/ce/policy.md) or an address
    the data came from; LINE counts from 1.
    """

    source: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.message}"


class Problems(Exception):
    """Raised with every problem found, when none of the work may go on."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems
