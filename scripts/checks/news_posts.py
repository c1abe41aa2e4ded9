"""News posts (docs/<lang>/news/YYYY-MM-DD-slug.md) as the build reads them.

The same reader as the build (community/news.py): the file's name and
date, its title and summary, its tags from data/news-tags.yml, its text.
And what only `make check` refuses: a placeholder that `news.py new` wrote
(«[ЗАМЕНИТЕ: …]», «[ПЕРЕВЕДИТЕ: …]») and nobody replaced, so that a post
is not published unwritten, nor a Chechen page in Russian. Told in Russian,
for the coordinator who writes them.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

from common.problem import Problems
from community import news

from .source import Problem, Rules, Source


@cache
def _tags(project: Path) -> dict[str, dict[str, str]]:
    return news.load_tags(project)


def check(source: Source, rules: Rules) -> Iterator[Problem]:
    path = source.path.resolve()
    if not news.is_post(path):
        return
    try:
        tags = _tags(path.parents[3])  # the project of docs/<lang>/news/<post>.md
    except Problems as err:  # data/news-tags.yml is checked as a data file too
        yield from err.problems
        return
    lang = path.parts[-3]
    try:
        news.read_post(source.path, lang, tags, shown=source.label)
    except Problems as err:
        yield from err.problems
    for line, mark in news.placeholders(source.text):
        yield Problem(source.label, line, news.placeholder_problem(mark))
