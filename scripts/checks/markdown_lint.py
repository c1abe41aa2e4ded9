"""Markdown lint with a small agreed rule set (pymarkdownlnt, .pymarkdown.json).

The rules keep a page's structure sound for readers and screen readers:
  MD001  heading levels go down one at a time (## then ###, not ####);
  MD003  headings are written with #, not underlined;
  MD018, MD019, MD023  a heading is «# Text» at the start of its line;
  MD024  no two sibling headings alike (their anchors would clash);
  MD025  one top-level heading (# …) per page;
  MD011, MD042  no reversed (text)[link] and no empty [link]().
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from pymarkdown.api import PyMarkdownApi

from common.site_config import ROOT

from .source import Problem, Rules, Source

CONFIG = ROOT / ".pymarkdown.json"


@cache
def linter() -> PyMarkdownApi:
    return PyMarkdownApi().configuration_file_path(str(CONFIG))


# Each rule's message in Russian; a rule missing here is told by its id.
RULES = {
    "MD001": "уровни заголовков идут по одному: после ## — ###, а не ####",
    "MD003": "заголовок пишется с # в начале, а не подчёркиванием === или ---",
    "MD011": "ссылка записана наоборот: нужно [текст](адрес), а не (текст)[адрес]",
    "MD018": "после # в заголовке нужен пробел",
    "MD019": "после # в заголовке — один пробел",
    "MD023": "заголовок начинается с начала строки, без отступа",
    "MD024": "два одинаковых заголовка в одном разделе: их якоря совпадут",
    "MD025": "заголовок первого уровня (# …) на странице один",
    "MD042": "пустая ссылка: у [текста]() нет адреса",
}
# pymarkdown's details: «[Expected: h2; Actual: h4]», «[(text)[url]]».
EXPECTED = re.compile(r"\[Expected: (.+?); Actual: (.+?)\]")


def _detail(text: str) -> str:
    found = EXPECTED.search(text)
    if found:
        return f" (нужно {found[1]}, а стоит {found[2]})"
    return f" ({text.strip().removeprefix('[').removesuffix(']')})" if text.strip() else ""


def check(source: Source, rules: Rules) -> Iterator[Problem]:
    if not source.is_markdown or not source.text.strip():
        return
    for failure in linter().scan_string(source.text).scan_failures:
        message = RULES.get(failure.rule_id, failure.rule_description.rstrip("."))
        detail = _detail(failure.extra_error_information or "")
        yield Problem(source.label, failure.line_number, f"{failure.rule_id}: {message}{detail}")
