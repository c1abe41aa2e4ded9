"""A look-alike of the palochka Ӏ in Chechen text (the rule: scripts/chechen/palochka.py)."""

from __future__ import annotations

from collections.abc import Iterator

from chechen import palochka

from .source import Problem, Rules, Source


def check(source: Source, rules: Rules) -> Iterator[Problem]:
    if not source.is_chechen:
        return
    for number, line in enumerate(source.lines, start=1):
        for found in palochka.find_lookalikes(line):
            word = _word_at(line, found.index)
            yield Problem(
                source.label,
                number,
                f"палочка набрана как {found.name} в «{word}»: пишите Ӏ (U+04C0) "
                "или запустите `make fix`",
            )


def _word_at(line: str, index: int) -> str:
    start = index
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    end = index
    while end < len(line) and not line[end].isspace():
        end += 1
    return line[start:end]
