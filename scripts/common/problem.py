"""A problem found in a file or other source, as every tool here reports it."""

from __future__ import annotations

import re
from dataclasses import dataclass

# What a terminal would act on rather than show: C0 and C1 controls (line
# breaks too: a problem is one line), DEL, bidi overrides and isolates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with each control character written as an escape (\\x1b,
    \\u202e): a message never moves the cursor or turns text around."""
    return _UNPRINTABLE.sub(lambda found: ascii(found.group(0))[1:-1], text)


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong at a line: printed as SOURCE:LINE: message.

    SOURCE is a file as a person names it (docs/ce/policy.md) or an address
    the data came from; LINE counts from 1, and 0 means the source as a
    whole (SOURCE: message). Control characters are printed escaped.
    """

    source: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line > 0 else self.source
        return printable(f"{where}: {self.message}")


class Problems(Exception):
    """Raised with every problem found, when none of the work may go on."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems

    def __reduce__(self) -> tuple[type[Problems], tuple[list[Problem]]]:
        # Made again from its problems (a child process sends it pickled).
        return (type(self), (self.problems,))
