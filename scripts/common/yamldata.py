"""Read a YAML data file, check it against a JSON schema, and say where it is wrong.

Every problem names the line of the value at fault, `FILE:LINE: message`, so
a teacher editing data/ on GitHub can find it. Used for every file in data/.
Problems are told in Russian, as teachers and the coordinator read them (in
`make check`, the build, CI); `lang="en"` keeps jsonschema's own English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from common.os_errors import reason as os_reason
from common.problem import Problem, Problems

Key = str | int
TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _TextDatesLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as the text that was written, for data
    whose dates are parsed later (ДД.ММ.ГГГГ as well as YYYY-MM-DD)."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# libyaml's loaders, where PyYAML has them: the same documents, read many
# times faster. A document they refuse is read again by the Python loader,
# whose problems (and their lines) are the ones told.
_FAST: dict[type[yaml.SafeLoader], Any] = {}
if yaml.__with_libyaml__:

    class _FastTextDatesLoader(yaml.CSafeLoader):
        yaml_implicit_resolvers = _TextDatesLoader.yaml_implicit_resolvers

    _FAST = {yaml.SafeLoader: yaml.CSafeLoader, _TextDatesLoader: _FastTextDatesLoader}


@dataclass
class Document:
    """A loaded data file, with the line of every value in it."""

    shown: str  # the path as problems name it
    data: Any
    root: yaml.Node | None

    def line(self, *path: Key) -> int:
        """The 1-based line of the value at `path`, or of its nearest parent."""
        node = self.root
        if node is None:
            return 1
        line = node.start_mark.line
        for key in path:
            found = _child(node, key)
            if found is None:
                break
            # A mapping's value is named by its key's line: «cost:», not
            # the first line under it.
            key_node, node = found
            line = (key_node or node).start_mark.line
        return line + 1

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
    default the safe loader, which leaves dates as text with `dates_as_text`.
    `lang` is the language of the problems: "ru" or "en".
    """
    words = _MESSAGES[lang]
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        reason = os_reason(err, lang) if isinstance(err, OSError) else words["not_utf8"]
        raise Problems([Problem(shown, 1, words["unreadable"].format(err=reason))]) from None
    chosen = loader or (_TextDatesLoader if dates_as_text else yaml.SafeLoader)
    if fast := _FAST.get(chosen):
        reader = fast(text)
        try:
            root = reader.get_single_node()
            data = reader.construct_document(root) if root is not None else None
        except yaml.YAMLError:
            pass  # told below, as the Python loader tells it
        else:
            document = Document(shown, data, root)
            check(document, schema, lang)
            return document
        finally:
            reader.dispose()
    reader = chosen(text)
    try:
        root = reader.get_single_node()
        data = reader.construct_document(root) if root is not None else None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = yaml_reason(err) if lang == "ru" else getattr(err, "problem", None) or str(err)
        raise Problems([Problem(shown, line, words["yaml"].format(problem=problem))]) from None
    finally:
        reader.dispose()
    document = Document(shown, data, root)
    check(document, schema, lang)
    return document


def check(document: Document, schema: dict[str, Any], lang: str = "ru") -> None:
    """Raise Problems, by line, where `document` breaks `schema` or repeats a key."""
    problems = list(_duplicate_keys(document, document.root, _MESSAGES[lang]["twice"]))
    explain = russian if lang == "ru" else _english
    for error in jsonschema.Draft202012Validator(schema).iter_errors(document.data):
        at: list[Key] = list(error.absolute_path)
        problems.append(document.problem(f"{where(at, lang)}: {explain(error)}", *at))
    if problems:
        raise Problems(sorted(set(problems)))


_MESSAGES = {
    "en": {
        "file": "the file",
        "unreadable": "cannot read the file: {err}",
        "not_utf8": "not UTF-8 text",
        "yaml": "not valid YAML: {problem}",
        "twice": "the key «{key}» is given twice",
    },
    "ru": {
        "file": "файл",
        "unreadable": "не удаётся прочитать файл: {err}",
        "not_utf8": "файл не в кодировке UTF-8",
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
        return f"«{instance}» записано не по образцу ({value})"
    if kind in ("enum", "const"):
        allowed = value if isinstance(value, list) else [value]
        return "допустимо только: " + ", ".join(f"«{item}»" for item in allowed)
    if kind in ("oneOf", "anyOf"):
        return "значение не подходит ни под один из допустимых видов"
    return error.message


# PyYAML's reasons, as a person who wrote the file can act on them.
_YAML_RU = (
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
                    key_node.start_mark.line + 1,
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
