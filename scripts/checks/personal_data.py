"""Personal data in a source file: phones, e-mail addresses, SNILS, passports,
a name with a birth date, as the one detector (common/personal_data.py) sees
them. The problem line names the kind, the column and a masked form, never
the value itself: CI logs are public too.
"""

from __future__ import annotations

from collections.abc import Iterator

from common.personal_data import Kind, find

from .source import Problem, Rules, Source

REMOVE = "remove it, or list it in data/checks.yml if the school publishes it itself"
ADVICE = {Kind.PHONE: REMOVE, Kind.EMAIL: REMOVE}


def check(source: Source, rules: Rules) -> Iterator[Problem]:
    for number, line in enumerate(source.lines, start=1):
        for found in find(line, rules.contacts):
            advice = ADVICE.get(found.kind, "remove it")
            yield Problem(
                source.label,
                number,
                f"personal data: {found.kind.value} at column {found.start + 1} "
                f"({found.masked}): {advice}",
            )
