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

from collections.abc import Iterator
from functools import cache

from pymarkdown.api import PyMarkdownApi

from common.site_config import ROOT

from .source import Problem, Rules, Source

CONFIG = ROOT / ".pymarkdown.json"


@cache
def linter() -> PyMarkdownApi:
    return PyMarkdownApi().configuration_file_path(str(CONFIG))


def check(source: Source, rules: Rules) -> Iterator[Problem]:
    if not source.is_markdown or not source.text.strip():
        return
    for failure in linter().scan_string(source.text).scan_failures:
        detail = (failure.extra_error_information or "").strip()
        message = f"{failure.rule_description.rstrip('.')}{' ' + detail if detail else ''}"
        yield Problem(source.label, failure.line_number, f"{failure.rule_id}: {message}")
