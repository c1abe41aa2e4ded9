"""Read a YAML data file and check it against a JSON schema, naming lines.

Dates stay text (the registries parse them themselves, so that ДД.ММ.ГГГГ
works as well as YYYY-MM-DD), and every problem points at the line of the
value that is wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .model import Problem, Problems

TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as the text that was written."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YamlFile:
    """A loaded YAML file: its data, and the line of any value in it."""

    def __init__(self, path: Path, shown: str, schema: dict) -> None:
        self.shown = shown
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise Problems([Problem(shown, 1, f"cannot read the file: {err}")]) from None
        loader = _Loader(text)
        try:
            self._root = loader.get_single_node()
            self.data: Any = loader.construct_document(self._root) if self._root else None
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = mark.line + 1 if mark else 1
            problem = getattr(err, "problem", None) or str(err)
            raise Problems([Problem(shown, line, f"not valid YAML: {problem}")]) from None
        finally:
            loader.dispose()
        errors = sorted(
            jsonschema.Draft202012Validator(schema).iter_errors(self.data),
            key=lambda err: self.line(*err.absolute_path),
        )
        if errors:
            raise Problems([self.problem(err.message, *err.absolute_path) for err in errors])

    def line(self, *path: str | int) -> int:
        """The line of the value at `path` (keys and list indexes), 1-based."""
        node = self._root
        for step in path:
            if isinstance(node, yaml.MappingNode):
                found = [value for key, value in node.value if key.value == step]
                if not found:
                    break
                node = found[0]
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                node = node.value[step]
            else:
                break
        return node.start_mark.line + 1 if node else 1

    def problem(self, message: str, *path: str | int) -> Problem:
        return Problem(self.shown, self.line(*path), message)
