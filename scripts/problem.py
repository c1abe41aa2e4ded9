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
