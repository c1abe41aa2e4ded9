"""Personal data in a source file: phones, e-mail addresses, SNILS, passports,
birth certificates, a name with a birth date, as the one detector
(common/personal_data.py) sees them. The problem line names the kind, the
column and a masked form, never the value itself: CI logs are public too.
"""

from __future__ import annotations

from collections.abc import Iterator

from common.personal_data import Kind, find

from .source import Problem, Rules, Source

REMOVE = "уберите это или внесите в data/checks.yml, если школа публикует это сама"
ADVICE = {Kind.PHONE: REMOVE, Kind.EMAIL: REMOVE}


def check(source: Source, rules: Rules) -> Iterator[Problem]:
    for number, line in enumerate(source.lines, start=1):
        for found in find(line, rules.contacts):
            advice = ADVICE.get(found.kind, "уберите это")
            yield Problem(
                source.label,
                number,
                f"личные данные: {found.kind.ru} в {found.start + 1}-м знаке строки "
                f"({found.masked}): {advice}",
            )
