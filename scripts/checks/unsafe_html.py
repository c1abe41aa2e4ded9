"""Unsafe HTML in a page: what the build's sanitiser would remove from it.

Markdown has too many ways to hide HTML from a checker that reads the
source (an attribute list `{: href=… }`, an escaped backtick, an indented
fence line, an entity inside javascript:…), so this check renders each page
as MkDocs does, with the Markdown extensions of mkdocs.yml, and passes the
result through the very sanitiser the build uses (postbuild/sanitise.py).
Whatever it removes is reported at the first source line holding a clue of
it: a script, an event handler (on…=), a javascript:, vbscript: or data:
address, an iframe, object, embed, base, form, meta or style, an image from
another site, an id the theme keeps for its own elements. Code examples
(code spans, fenced blocks) are text, not HTML, and pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import markdown
from mkdocs.utils import meta
from mkdocs.utils.yaml import yaml_load

from common.site_config import ROOT
from common.words import message
from postbuild.sanitise import clean, clue_line

from .source import Problem, Rules, Source

# MkDocs adds these to the extensions mkdocs.yml names.
MKDOCS_EXTENSIONS = ["toc", "tables", "fenced_code"]


def check(source: Source, rules: Rules) -> Iterator[Problem]:
    if not source.is_markdown:
        return
    body, _ = meta.get_data(source.text)
    renderer = _markdown(_docs_of(source.path))
    renderer.reset()
    _, removals = clean(renderer.convert(body))
    taken: dict[str, int] = {}
    for removal in removals:
        line = _line_of(source.lines, removal.clues, taken)
        yield Problem(source.label, line, message("unsafe_html", what=removal.what))


def _line_of(lines: list[str], clues: tuple[str, ...], taken: dict[str, int]) -> int:
    """The first line holding a clue, after the lines earlier finds of the
    same clue took (two scripts on a page are told at their own lines)."""
    for clue in clues:
        if number := clue_line(lines, clue, taken.get(clue, 0)) or clue_line(lines, clue):
            taken[clue] = number
            return number
    return 1


def _docs_of(path: Path) -> Path:
    """The docs/ folder a page lives in (its snippets are in docs/.generated/)."""
    for parent in path.resolve().parents:
        if parent.name == "docs":
            return parent
    return ROOT / "docs"


@cache
def _markdown(docs: Path) -> markdown.Markdown:
    """Markdown as MkDocs runs it with mkdocs.yml: same extensions and settings."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        config = yaml_load(f)
    extensions: list[str] = list(MKDOCS_EXTENSIONS)
    configs: dict[str, Any] = {}
    for item in config.get("markdown_extensions") or []:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        extensions.append(name)
        if options:
            configs[name] = dict(options)
    if "pymdownx.snippets" in configs:
        # A page's snippets are made by the build; before one, they are empty.
        configs["pymdownx.snippets"].update(base_path=[str(docs / ".generated")], check_paths=False)
    return markdown.Markdown(extensions=list(dict.fromkeys(extensions)), extension_configs=configs)
