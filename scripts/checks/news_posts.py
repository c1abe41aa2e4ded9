"""News posts (docs/<lang>/news/YYYY-MM-DD-slug.md) as the build reads them.

The same reader as the build (community/news.py): the file's name and
date, its title and summary, its tags from data/news-tags.yml, its text.
Told in Russian, for the coordinator who writes them.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from common.problem import Problems
from common.site_config import ROOT
from community import news

from .source import Problem, Rules, Source


@cache
def _tags() -> dict[str, dict[str, str]]:
    return news.load_tags(ROOT)


def check(source: Source, rules: Rules) -> Iterator[Problem]:
    if not news.is_post(source.path.resolve()):
        return
    try:
        tags = _tags()
    except Problems as err:  # data/news-tags.yml is checked as a data file too
        yield from err.problems
        return
    lang = source.path.resolve().parts[-3]
    try:
        news.read_post(source.path, lang, tags, shown=source.label)
    except Problems as err:
        yield from err.problems
