"""Read a YAML data file, check it against a JSON schema, and say where it is wrong.

Every problem names the line of the value at fault, `FILE:LINE: message`, so
a teacher editing data/ on GitHub can find it. Used for every file in data/
and for the front matter of pages. Problems are told in Russian, as teachers
and the coordinator read them (in `make check`, the build, CI); `lang="en"`
keeps jsonschema's own English. A file that cannot be read or is not UTF-8
is told by common/textfile.py, in Russian always.

Data is bounded: a file is at most MAX_BYTES, and YAML's anchors and aliases
(&name, *name) are refused, so that a few lines cannot expand into billions
of values (the «billion laughs»). Data files never need them. mkdocs.yml is
read with a loader of its own (common/site_config.py), which allows them.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from yaml.composer import ComposerError

from common import textfile, urls
from common.problem import Problem, Problems
from common.schema import PATTERNS_RU

Key = str | int
TIMESTAMP = "tag:yaml.org,2002:timestamp"
# The largest data file is about 16 KB; PyYAML reads some 1 MB a second.
MAX_BYTES = 1_000_000
ALIAS = "no YAML anchors or aliases (&name, *name) in data: write each value out"
ALIAS_RU = "ссылки YAML (&имя, *имя) в данных не используются: напишите значение целиком"


class DataLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases, which data never needs and
    which let a few lines stand for an exponential number of values. Raises
    a yaml.YAMLError (ComposerError) at the anchor or alias, so a reader that
    catches YAMLError tells it by line as any other YAML mistake."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.NodeEvent):  # an alias, scalar or collection
            event: yaml.NodeEvent = self.peek_event()  # type: ignore[no-untyped-call]
            if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
                mark: yaml.Mark | None = getattr(event, "start_mark", None)
                raise ComposerError(None, None, ALIAS, mark)
        return super().compose_node(parent, index)


class _TextDatesLoader(DataLoader):
    """DataLoader that leaves dates as the text that was written, for data
    whose dates are parsed later (ДД.ММ.ГГГГ as well as YYYY-MM-DD)."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Document:
    """A loaded data file, with the line of every value in it."""

    shown: str  # the path as problems name it
    data: Any
    root: yaml.Node | None
    first_line: int = 1  # the file's line where the YAML text starts (front matter: 2)

    def line(self, *path: Key) -> int:
        """The 1-based line of the value at `path`, or of its nearest parent."""
        node = self.root
        if node is None:
            return self.first_line
        line = node.start_mark.line
        for key in path:
            found = _child(node, key)
            if found is None:
                break
            # A mapping's value is named by its key's line: «cost:», not
            # the first line under it.
            key_node, node = found
            line = (key_node or node).start_mark.line
        return line + self.first_line

    def problem(self, message: str, *path: Key) -> Problem:
        return Problem(self.shown, self.line(*path), message)


def _child(node: yaml.Node, key: Key) -> tuple[yaml.Node | None, yaml.Node] | None:
    """The (key node, value node) of `key` in a mapping or sequence node."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if key_node.value == key:
                return key_node, value
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return None, node.value[key]
    return None


def where(path: tuple[Key, ...] | list[Key], lang: str = "ru") -> str:
    """A readable name for a value: terms[3].ce"""
    text = ""
    for key in path:
        text += f"[{key}]" if isinstance(key, int) else f".{key}"
    return text.lstrip(".") or _MESSAGES[lang]["file"]


def load(
    path: Path,
    schema: dict[str, Any],
    shown: str,
    *,
    dates_as_text: bool = False,
    loader: type[yaml.SafeLoader] | None = None,
    lang: str = "ru",
) -> Document:
    """Load `path` and check it against `schema`; raise Problems when wrong.

    `loader` reads a file with tags of its own (mkdocs.yml's !ENV); by
    default the DataLoader, which leaves dates as text with `dates_as_text`.
    `lang` is the language of the problems: "ru" or "en".

    The build reads some files many times (the words, the registries): a
    text already parsed and checked the same way is not parsed again, and
    each caller gets data of its own to change. Not with a `loader` of the
    caller's, whose tags may read more than the text (!ENV).
    """
    text = textfile.read(path, shown, limit=MAX_BYTES)
    if loader is not None:
        document = parse(text, shown, loader=loader, lang=lang)
        check(document, schema, lang)
        return document
    try:
        key = (text, json.dumps(schema, sort_keys=True), shown, dates_as_text, lang)
    except TypeError:  # a schema JSON cannot write: not kept
        key = None
    known = _PARSED.get(key) if key is not None else None
    if known is None:
        known = parse(text, shown, dates_as_text=dates_as_text, lang=lang)
        check(known, schema, lang)
        if key is not None:
            if len(_PARSED) >= _KEPT:
                del _PARSED[next(iter(_PARSED))]
            _PARSED[key] = known
    return Document(known.shown, copy.deepcopy(known.data), known.root, known.first_line)


_PARSED: dict[tuple[str, str, str, bool, str], Document] = {}
_KEPT = 64


def parse(
    text: str,
    shown: str,
    *,
    first_line: int = 1,
    dates_as_text: bool = False,
    loader: type[yaml.SafeLoader] | None = None,
    lang: str = "ru",
) -> Document:
    """The YAML `text` (from line `first_line` of the file `shown`) with its
    lines, unchecked; raise Problems when it is not YAML or has an alias."""
    chosen = loader or (_TextDatesLoader if dates_as_text else DataLoader)
    fast = _FAST.get(chosen) if loader is None else None  # a loader asked for is used
    if fast is not None and (parsed := _parsed_fast(text, fast)):
        return Document(shown, parsed[1], parsed[0], first_line)
    reader = chosen(text)
    try:
        root = reader.get_single_node()
        data = reader.construct_document(root) if root is not None else None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + first_line if mark else first_line
        problem = yaml_reason(err) if lang == "ru" else getattr(err, "problem", None) or str(err)
        raise Problems(
            [Problem(shown, line, _MESSAGES[lang]["yaml"].format(problem=problem))]
        ) from None
    finally:
        reader.dispose()
    return Document(shown, data, root, first_line)


# libyaml's loaders, where PyYAML has them: the same documents, read several
# times faster. A document with an anchor or an alias, or that they refuse,
# is read again by the Python loader, whose problems (and their lines) are
# the ones told.
_FAST: dict[type[yaml.SafeLoader], Any] = {}
if yaml.__with_libyaml__:

    class _FastTextDatesLoader(yaml.CSafeLoader):
        yaml_implicit_resolvers = _TextDatesLoader.yaml_implicit_resolvers

    _FAST = {DataLoader: yaml.CSafeLoader, _TextDatesLoader: _FastTextDatesLoader}


def _parsed_fast(text: str, fast: Any) -> tuple[yaml.Node | None, Any] | None:
    """(root, data) of `text` read by the libyaml loader `fast`; None if the
    text has an anchor or an alias, or is no YAML it reads."""
    try:
        for event in yaml.parse(text, Loader=fast):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return None
        reader = fast(text)
        try:
            root = reader.get_single_node()
            data = reader.construct_document(root) if root is not None else None
        finally:
            reader.dispose()
    except yaml.YAMLError:
        return None
    _python_styles(root)
    return root, data


def _python_styles(root: yaml.Node | None) -> None:
    """A plain scalar's style: None, as PyYAML's own nodes say it ("" in libyaml's)."""
    nodes = [root] if root is not None else []
    while nodes:
        node = nodes.pop()
        if isinstance(node, yaml.ScalarNode) and not node.style:
            node.style = None
        elif isinstance(node, yaml.SequenceNode):
            nodes += node.value
        elif isinstance(node, yaml.MappingNode):
            nodes += [part for pair in node.value for part in pair]


def compose(text: str) -> yaml.Node | None:
    """The node tree of `text` as PyYAML's SafeLoader composes it, anchors
    and aliases kept as shared nodes: by libyaml where PyYAML has it, else
    or when libyaml refuses the text, by the Python loader, whose
    yaml.YAMLError (and its line) is the one raised."""
    if yaml.__with_libyaml__:
        try:
            root = yaml.compose(text, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            pass
        else:
            _python_styles(root)
            return root
    return yaml.compose(text, Loader=yaml.SafeLoader)


def read_node(path: Path, shown: str) -> yaml.Node | None:
    """The YAML node tree of the data file `path` (for readers that walk the
    text itself, with its lines); raise Problems as load() does."""
    text = textfile.read(path, shown, limit=MAX_BYTES)
    return parse(text, shown).root


def check(document: Document, schema: dict[str, Any], lang: str = "ru") -> None:
    """Raise Problems, by line, where `document` breaks `schema` or repeats a key."""
    problems = list(_duplicate_keys(document, document.root, _MESSAGES[lang]["twice"]))
    explain = russian if lang == "ru" else _english
    validator = jsonschema.Draft202012Validator(schema, format_checker=urls.FORMATS)
    for error in validator.iter_errors(document.data):
        at: list[Key] = list(error.absolute_path)
        problems.append(document.problem(f"{where(at, lang)}: {explain(error)}", *at))
    if problems:
        raise Problems(sorted(set(problems)))


_MESSAGES = {
    "en": {
        "file": "the file",
        "yaml": "not valid YAML: {problem}",
        "twice": "the key «{key}» is given twice",
    },
    "ru": {
        "file": "файл",
        "yaml": "ошибка в записи YAML: {problem}",
        "twice": "ключ «{key}» записан дважды",
    },
}


def _english(error: jsonschema.ValidationError) -> str:
    return error.message


_TYPES_RU = {
    "string": "текст",
    "object": "набор полей «ключ: значение»",
    "array": "список (строки, начинающиеся с «- »)",
    "boolean": "true или false",
    "integer": "целое число",
    "number": "число",
    "null": "пусто",
}
_QUOTED = re.compile(r"^'(.*?)'")


def russian(error: jsonschema.ValidationError) -> str:
    """The schema problem in Russian, for each check our schemas use."""
    kind, value, instance = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = _QUOTED.match(error.message)
        return f"нет обязательного поля «{missing[1] if missing else value}»"
    if kind == "type":
        wanted = (
            [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        )
        return "должно быть: " + " или ".join(_TYPES_RU.get(t, t) for t in wanted)
    if kind == "additionalProperties" and isinstance(instance, dict):
        schema = error.schema if isinstance(error.schema, dict) else {}
        known = set(schema.get("properties", {}))
        extra = ", ".join(f"«{key}»" for key in instance if key not in known)
        return f"лишнее поле {extra}: такого поля в этом файле нет"
    if kind == "minLength":
        return "не может быть пустым"
    if kind == "minItems":
        return "список не может быть пустым" if value == 1 else f"нужно не меньше {value}"
    if kind == "pattern":
        told = PATTERNS_RU.get(str(value), f"записано не по образцу ({value})")
        return f"«{instance}» — {told}"
    if kind == "format" and value in urls.SCHEMES and isinstance(instance, str):
        return urls.problem(instance, urls.SCHEMES[value]) or error.message
    if kind in ("enum", "const"):
        allowed = value if isinstance(value, list) else [value]
        return "допустимо только: " + ", ".join(f"«{item}»" for item in allowed)
    if kind in ("oneOf", "anyOf"):
        return "значение не подходит ни под один из допустимых видов"
    return error.message


# PyYAML's reasons, as a person who wrote the file can act on them.
_YAML_RU = (
    (ALIAS, ALIAS_RU),
    (
        "mapping values are not allowed",
        "двоеточие «:» внутри значения: возьмите значение в кавычки",
    ),
    ("could not find expected ':'", "не хватает двоеточия «:» после ключа"),
    (
        "cannot start any token",
        "знак табуляции или «@», «`» в начале значения: пишите пробелы, "
        "значение возьмите в кавычки",
    ),
    ("found unexpected end of stream", "файл обрывается: не закрыта кавычка или скобка"),
    ("found unknown escape character", "неизвестная последовательность с «\\» в кавычках"),
    (
        "did not find expected key",
        "неверный отступ: ключи одного уровня пишутся с одинаковым отступом",
    ),
    ("expected <block end>", "неверный отступ: ключи одного уровня пишутся с одинаковым отступом"),
    ("did not find expected '-' indicator", "неверный отступ в списке"),
    ("found undefined alias", "ссылка * на якорь &, которого нет"),
    ("found duplicate anchor", "якорь & назван дважды"),
    (
        "could not determine a constructor",
        "неизвестный тег «!»: уберите его или возьмите значение в кавычки",
    ),
    ("while scanning a quoted scalar", "не закрыта кавычка"),
    ("while parsing a flow", "не закрыта скобка [ или {"),
    ("expected the node content", "после «-» или «:» не хватает значения"),
    ("special characters are not allowed", "недопустимый знак в файле"),
)


def yaml_reason(err: yaml.YAMLError) -> str:
    """What is wrong with the YAML, in Russian."""
    said = " ".join(str(getattr(err, name, "") or "") for name in ("context", "problem"))
    said = said.strip() or str(err)
    for english, russian_reason in _YAML_RU:
        if english in said:
            return russian_reason
    return "запись не читается как YAML: проверьте отступы, двоеточия и кавычки"


def _duplicate_keys(document: Document, node: yaml.Node | None, message: str) -> Iterator[Problem]:
    """YAML keeps the last of two equal keys silently; a person meant one."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value in node.value:
            if key_node.value in seen:
                yield Problem(
                    document.shown,
                    key_node.start_mark.line + document.first_line,
                    message.format(key=key_node.value),
                )
            seen.add(key_node.value)
            yield from _duplicate_keys(document, value, message)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _duplicate_keys(document, item, message)


def strings_in(value: Any) -> Iterator[str]:
    """Every string in a value loaded from YAML or JSON, however nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)
