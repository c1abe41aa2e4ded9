"""The glossary as a linter: a form data/glossary.yml says to avoid, in Chechen text.

A glossary entry may list forms to avoid (`avoid: [...]`), as prose linters
such as Vale do with substitution rules. Each form is a stem: it matches a
word (or words) that begin with it, whatever ending follows, so one entry
catches a term in every case and number. Checked: Chechen pages (not their
code), the Chechen values of data files (any `ce` beside a `ru`), and the
Chechen interface strings of the templates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import yaml

from translation.theme_strings import strings as template_strings

from .markdown_text import without_code
from .source import Avoid, Problem, Rules, Source

# Templates whose Chechen strings are checked: Material's strings, the site's own.
TEMPLATES = ("overrides/partials/languages/ce.html", "overrides/partials/site-strings.html")


@cache
def _pattern(form: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in form.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"\w*", re.IGNORECASE)


def check(source: Source, rules: Rules) -> Iterator[Problem]:
    if not rules.avoid:
        return
    for number, text in _chechen_lines(source):
        for avoid in rules.avoid:
            for found in _pattern(avoid.form).finditer(text):
                yield _problem(source, number, found.group(0), avoid)


def _problem(source: Source, number: int, found: str, avoid: Avoid) -> Problem:
    return Problem(
        source.label,
        number,
        f"«{found}»: по словарю терминов «{avoid.russian}» по-чеченски — «{avoid.term}» "
        "(data/glossary.yml)",
    )


def _chechen_lines(source: Source) -> Iterator[tuple[int, str]]:
    """(line number, text) of the Chechen text in `source`."""
    suffix = source.path.suffix
    if suffix == ".md" and source.is_chechen:
        yield from enumerate(without_code(source.lines), start=1)
    elif suffix in (".yml", ".yaml"):
        yield from _yaml_lines(source)
    elif suffix == ".html":
        whole = source.path.name == "ce.html"
        for string in template_strings(source.text):
            if whole or "ce" in string.path:
                yield string.line, string.value


def _yaml_lines(source: Source) -> Iterator[tuple[int, str]]:
    try:
        root = yaml.compose(source.text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return  # the file's own check reports it
    lines = source.lines
    for node in _ce_values(root):
        first, last = node.start_mark.line, node.end_mark.line
        if node.style in ("|", ">") or last > first:
            # A value over several lines: the lines themselves, to name the right one.
            for number in range(first, min(last + 1, len(lines))):
                yield number + 1, lines[number]
        else:
            yield first + 1, str(node.value)


def _ce_values(node: yaml.Node | None) -> Iterator[yaml.ScalarNode]:
    """Every Chechen scalar: the `ce` of a mapping that also has `ru`."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _ce_values(item)
    elif isinstance(node, yaml.MappingNode):
        keys = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
        for key, value in keys.items():
            if key == "ce" and "ru" in keys:
                if isinstance(value, yaml.ScalarNode):
                    yield value
                elif isinstance(value, yaml.SequenceNode):
                    yield from (v for v in value.value if isinstance(v, yaml.ScalarNode))
            else:
                yield from _ce_values(value)
