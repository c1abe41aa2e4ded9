"""An image without alt text: a reader who cannot see it learns nothing.

Checked: Markdown images `![alt](src)` and `![alt][ref]`, and HTML <img>.
An image that only decorates belongs in the stylesheet, not in a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .markdown_text import html_tags, without_code
from .source import Problem, Rules, Source

EMPTY_ALT = re.compile(r"!\[\s*\]\s*[(\[]")
MESSAGE = "картинка без описания (alt): опишите, что на ней, например ![Кабинет информатики](…)"


def check(source: Source, rules: Rules) -> Iterator[Problem]:
    if not source.is_markdown:
        return
    for number, line in enumerate(without_code(source.lines), start=1):
        for _ in EMPTY_ALT.finditer(line):
            yield Problem(source.label, number, MESSAGE)
    for tag in html_tags(source.lines):
        if tag.name == "img" and not (tag.attrs.get("alt") or "").strip():
            yield Problem(source.label, tag.line, MESSAGE)
