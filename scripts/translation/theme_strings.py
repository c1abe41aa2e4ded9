"""The interface strings written in templates as a Jinja dict literal.

    {{ { "search": "Лахар", … }[key] }}                 languages/ce.html
    {% set strings = { "ce": { "draft": "…", … } } %}   site-strings.html

Each string is found with its key path and the characters its value takes
in the file, so a corrected text replaces that value and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN = re.compile(r'"((?:[^"\\\n]|\\.)*)"|(\{)|(\})|(:)|(,)')
COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
ESCAPE = re.compile(r"\\(.)")


@dataclass(frozen=True)
class TemplateString:
    path: tuple[str, ...]  # the keys from the outermost dict in: ("ce", "draft")
    value: str
    start: int  # the value's characters, between its quotes
    end: int
    line: int


def unquote(raw: str) -> str:
    return ESCAPE.sub(r"\1", raw)


def quote(value: str) -> str:
    """`value` as the characters between a Jinja string's double quotes."""
    return " ".join(value.split()).replace("\\", "\\\\").replace('"', '\\"')


def strings(text: str) -> list[TemplateString]:
    """Every `"key": "value"` of the dict literals in a template."""
    blanked = COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    out: list[TemplateString] = []
    keys: list[tuple[str, int]] = []  # open dicts: their key and the depth they opened at
    depth = 0
    pending: str | None = None  # a key whose ":" was read
    previous = ""
    for found in TOKEN.finditer(blanked):
        raw, opening, closing, colon = (
            found.group(1),
            found.group(2),
            found.group(3),
            found.group(4),
        )
        if raw is not None:
            if previous == ":" and pending is not None:
                start, end = found.start(1), found.end(1)
                path = (*(key for key, _ in keys), pending)
                out.append(
                    TemplateString(path, unquote(raw), start, end, text.count("\n", 0, start) + 1)
                )
                pending = None
                previous = "value"
            else:
                pending = unquote(raw)
                previous = "key"
            continue
        if colon:
            previous = ":" if previous == "key" else ""
            continue
        if opening:
            depth += 1
            if previous == ":" and pending is not None:
                keys.append((pending, depth))
            pending = None
        elif closing:
            if keys and keys[-1][1] == depth:
                keys.pop()
            depth -= 1
            pending = None
        previous = "{" if opening else "}" if closing else ","
    return out
