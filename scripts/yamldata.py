"""Read a YAML data file, check it against a JSON schema, and say where it is wrong.

Problems are reported one per line as `FILE:LINE: message`, where LINE is the
line of the value at fault, so a teacher editing data/ on GitHub can find it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

Key = str | int


class DataError(Exception):
    """A data file is wrong; the message has one `FILE:LINE: message` a line."""


@dataclass
class Document:
    """A loaded data file, with the line of every value in it."""

    shown: str  # the path as problems name it
    data: Any
    root: yaml.Node | None
    error: type[Exception] = DataError  # raised with the problems
    problems: list[str] = field(default_factory=list)

    def line(self, path: tuple[Key, ...] | list[Key]) -> int:
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

    def report(self, path: tuple[Key, ...] | list[Key], message: str) -> None:
        self.problems.append(f"{self.shown}:{self.line(path)}: {message}")

    def raise_problems(self) -> None:
        if self.problems:
            raise self.error("\n".join(self.problems))


def _child(node: yaml.Node, key: Key) -> tuple[yaml.Node | None, yaml.Node] | None:
    """The (key node, value node) of `key` in a mapping or sequence node."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if key_node.value == key:
                return key_node, value
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return None, node.value[key]
    return None


def where(path: tuple[Key, ...] | list[Key]) -> str:
    """A readable name for a value: terms[3].ce"""
    text = ""
    for key in path:
        text += f"[{key}]" if isinstance(key, int) else f".{key}"
    return text.lstrip(".") or "the file"


def load(
    path: Path, schema: dict, shown: str | None = None, error: type[Exception] = DataError
) -> Document:
    """Load `path` and check it against `schema`; raise `error` when wrong.

    The returned Document collects further problems the caller finds
    (`report`), to be raised together, as `error` too (`raise_problems`).
    """
    shown = shown or str(path)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise error(f"{shown}:1: cannot read the file: {err}") from None
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(err, "problem", None) or str(err)
        raise error(f"{shown}:{line}: not valid YAML: {problem}") from None
    finally:
        loader.dispose()
    document = Document(shown, data, root, error)
    _report_duplicate_keys(document, root)
    validator = jsonschema.Draft202012Validator(schema)
    errors = validator.iter_errors(data)
    for error in sorted(errors, key=lambda e: document.line(list(e.absolute_path))):
        document.report(list(error.absolute_path), f"{where(error.absolute_path)}: {error.message}")
    document.raise_problems()
    return document


def _report_duplicate_keys(document: Document, node: yaml.Node | None) -> None:
    """YAML keeps the last of two equal keys silently; a person meant one."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value in node.value:
            if key_node.value in seen:
                document.problems.append(
                    f"{document.shown}:{key_node.start_mark.line + 1}: "
                    f"the key «{key_node.value}» is given twice"
                )
            seen.add(key_node.value)
            _report_duplicate_keys(document, value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _report_duplicate_keys(document, item)
