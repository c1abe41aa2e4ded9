"""The glossary as a linter: a form data/glossary.yml says to avoid, in Chechen text.

A glossary entry may list forms to avoid (`avoid: [...]`), as prose linters
such as Vale do with substitution rules. Each word of a form is a stem: it
matches a word that begins with it, whatever ending follows, so «учётни
запис» catches «учётни записехь» as well. Matching ignores case and ё/е,
takes a look-alike of the palochka for Ӏ, and lets the words of a form be
parted by any spaces, a line break within a paragraph included (not a blank
line). A form given as {form, in: [globs]} is avoided only in those files.
Checked: Chechen pages (not their code), the Chechen values of data files
(any `ce` beside a `ru`), and the Chechen interface strings of the
templates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import yaml

from chechen.palochka import LOOKALIKES, PALOCHKA, SMALL_PALOCHKA
from common import yamldata
from translation.theme_strings import strings as template_strings

from .markdown_text import without_code
from .source import Avoid, Problem, Rules, Source

# Templates whose Chechen strings are checked: Material's strings, the site's own.
TEMPLATES = ("overrides/partials/languages/ce.html", "overrides/partials/site-strings.html")
# Between two words of a form: spaces, at most one line break (a paragraph's).
BETWEEN = r"(?:[^\S\n]*\n[^\S\n]*|[^\S\n]+)"
# The palochka in a stem stands for itself and its look-alikes (palochka.py).
PALOCHKAS = "[" + re.escape(PALOCHKA + SMALL_PALOCHKA + "".join(LOOKALIKES)) + "]"


def _stem(word: str) -> str:
    """A stem's letters as a pattern: ё and е alike, any palochka alike."""
    return "".join(
        PALOCHKAS
        if char in (PALOCHKA, SMALL_PALOCHKA)
        else "[её]"
        if char.casefold() in "её"
        else re.escape(char)
        for char in word
    )


@cache
def pattern(form: str) -> re.Pattern[str]:
    """A form's words as stems, each followed by any ending."""
    stems = [_stem(word) + r"\w*" for word in form.split()]
    return re.compile(r"(?<!\w)" + BETWEEN.join(stems), re.IGNORECASE)


def check(source: Source, rules: Rules) -> Iterator[Problem]:
    avoided = [avoid for avoid in rules.avoid if avoid.applies_to(source.path)]
    if not avoided:
        return
    for first, text in _chechen_texts(source):
        for avoid in avoided:
            for found in pattern(avoid.form).finditer(text):
                line = first + text.count("\n", 0, found.start())
                yield _problem(source, line, " ".join(found.group(0).split()), avoid)


def _problem(source: Source, number: int, found: str, avoid: Avoid) -> Problem:
    return Problem(
        source.label,
        number,
        f"«{found}»: по словарю терминов «{avoid.russian}» по-чеченски — «{avoid.term}» "
        "(data/glossary.yml)",
    )


def _chechen_texts(source: Source) -> Iterator[tuple[int, str]]:
    """(first line number, text) of the Chechen text in `source`: a page
    whole (code blanked, line breaks kept), or each value of a file."""
    suffix = source.path.suffix
    if suffix == ".md" and source.is_chechen:
        yield 1, "\n".join(without_code(source.lines))
    elif suffix in (".yml", ".yaml"):
        yield from _yaml_texts(source)
    elif suffix == ".html":
        whole = source.path.name == "ce.html"
        for string in template_strings(source.text):
            if whole or "ce" in string.path:
                yield string.line, string.value


def _yaml_texts(source: Source) -> Iterator[tuple[int, str]]:
    try:
        root = yamldata.compose(source.text)
    except yaml.YAMLError:
        return  # the file's own check reports it
    lines = source.lines
    for node in _ce_values(root):
        first, last = node.start_mark.line, node.end_mark.line
        if node.style in ("|", ">") or last > first:
            # A value over several lines: the lines themselves, to name the right one.
            yield first + 1, "\n".join(lines[first : last + 1])
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
