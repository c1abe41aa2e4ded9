"""Reading Markdown the way the checks need it: prose apart from code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def without_code(lines: list[str]) -> list[str]:
    """The lines with fenced code blocks and code spans blanked out.

    A guide may show `<script>` or `![](…)` as an example of what not to
    write; examples in code are not what the page does. Line numbers stay.
    """
    out = []
    fence = ""
    for line in lines:
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            out.append("")
        elif opening:
            fence = opening.group(1)
            out.append("")
        else:
            out.append(CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
    return out


def front_matter_end(lines: list[str]) -> int:
    """The number of lines the front matter takes (0 when there is none)."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in ("---", "..."):
            return number
    return 0


@dataclass(frozen=True)
class Tag:
    """An HTML start tag written in a Markdown file."""

    line: int
    name: str
    attrs: dict[str, str | None]


def html_tags(lines: list[str]) -> list[Tag]:
    """Every HTML start tag in the prose of a Markdown file, with its line."""
    collector = _TagCollector()
    collector.feed("\n".join(without_code(lines)))
    collector.close()
    return collector.tags


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[Tag] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(Tag(self.getpos()[0], tag, dict(attrs)))

    handle_startendtag = handle_starttag
