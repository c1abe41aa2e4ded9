"""Change one value of a YAML file without touching the rest of its text.

A data file is a document people write: comments, key order, quoting and
line wrapping are theirs. So a value is changed by replacing the characters
of its scalar (found through the marks of the node tree that
common/yamldata.py `compose` makes), keeping its style where the new text
allows it; a key or a list item is added as new lines in the indentation
its neighbours use. `apply` makes the edits and checks that the
file still reads as YAML.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str


def scalar_end(source: str, node: yaml.ScalarNode) -> int:
    """Where the scalar's own characters end (a block scalar's trailing
    line breaks belong to the file, not to the value)."""
    start, end = node.start_mark.index, node.end_mark.index
    if node.style in ("|", ">"):
        return start + len(source[start:end].rstrip())
    return end


def _reads_as(candidate: str, value: str, flow: bool) -> bool:
    """Whether `candidate`, written as a value, is read back as `value`."""
    tests = [(f"{{k: {candidate}}}", {"k": value}), (f"[{candidate}]", [value])] if flow else []
    tests.append((f"k: {candidate}", {"k": value}))
    try:
        return all(yaml.safe_load(doc) == want for doc, want in tests)
    except yaml.YAMLError:
        return False


def _double_quoted(value: str) -> str:
    # JSON's escapes are YAML's double-quoted escapes.
    return json.dumps(value, ensure_ascii=False)


def _folded(header: str, indent: str, value: str, width: int) -> str:
    words = value.split()
    lines: list[str] = []
    current = ""
    for word in words:
        if current and len(indent) + len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return header + "\n" + "\n".join(indent + line for line in lines)


def scalar_text(source: str, node: yaml.ScalarNode, value: str, *, flow: bool) -> str:
    """`value` written as the scalar `node` is written in `source`: the same
    style where the text allows it, else double-quoted."""
    start = node.start_mark.index
    if node.style in ("|", ">"):
        header_end = source.index("\n", start)
        header = source[start:header_end]
        body = source[header_end + 1 : scalar_end(source, node)]
        first = next((line for line in body.split("\n") if line.strip()), "  ")
        indent = first[: len(first) - len(first.lstrip())] or "  "
        if node.style == "|":
            return (
                header
                + "\n"
                + "\n".join(indent + line if line else "" for line in value.split("\n"))
            )
        width = max([80, *(len(line) for line in body.split("\n"))])
        return _folded(header, indent, value, width)
    one_line = " ".join(value.split("\n"))
    if node.style == "'":
        return "'" + one_line.replace("'", "''") + "'"
    if node.style is None and one_line == one_line.strip() and _reads_as(one_line, one_line, flow):
        return one_line
    return _double_quoted(one_line)


def replace_scalar(source: str, node: yaml.ScalarNode, value: str, *, flow: bool) -> Edit:
    return Edit(
        node.start_mark.index, scalar_end(source, node), scalar_text(source, node, value, flow=flow)
    )


def node_end(source: str, node: yaml.Node) -> int:
    """Where a node's own text ends: a collection ends with its last value,
    not with the blank lines and comments after it."""
    while (
        isinstance(node, yaml.MappingNode | yaml.SequenceNode)
        and node.value
        and not node.flow_style
    ):
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    if isinstance(node, yaml.ScalarNode):
        return scalar_end(source, node)
    return node.end_mark.index


def _line_after(source: str, index: int) -> int:
    """The start of the line after the one `index` is on (or `index` itself
    when it already starts a line)."""
    if index == 0 or source[index - 1] == "\n":
        return index
    newline = source.find("\n", index)
    return len(source) if newline < 0 else newline + 1


def plain_or_quoted(value: str) -> str:
    """`value` as a block-context scalar: plain when that reads back the same."""
    return (
        value
        if value == value.strip() and _reads_as(value, value, False)
        else _double_quoted(value)
    )


def insert_key(source: str, mapping: yaml.MappingNode, key: str, value: str) -> Edit:
    """A new `key: value` line at the end of a block mapping; `value` is
    YAML as it is to be written (see `plain_or_quoted`)."""
    if mapping.flow_style or not mapping.value:
        raise ValueError("only a non-empty block mapping takes a new key this way")
    column = mapping.value[0][0].start_mark.column
    at = _line_after(source, node_end(source, mapping))
    prefix = "" if at == 0 or source[at - 1] == "\n" else "\n"
    return Edit(at, at, f"{prefix}{' ' * column}{key}: {value}\n")


def append_item(source: str, sequence: yaml.SequenceNode, lines: list[str]) -> Edit:
    """A new item at the end of a block sequence: `lines` are its text, the
    first one after the dash, the others indented as the item's keys."""
    if sequence.flow_style or not sequence.value:
        raise ValueError("only a non-empty block sequence takes a new item this way")
    first = sequence.value[0]
    line_start = source.rfind("\n", 0, first.start_mark.index) + 1
    dash = source.index("-", line_start)
    column = dash - line_start
    key_column = first.start_mark.column
    at = _line_after(source, node_end(source, sequence))
    prefix = "" if at == 0 or source[at - 1] == "\n" else "\n"
    text = " " * column + "-" + " " * (key_column - column - 1) + lines[0] + "\n"
    text += "".join(" " * key_column + line + "\n" for line in lines[1:])
    return Edit(at, at, prefix + text)


def apply(source: str, edits: list[Edit]) -> str:
    """`source` with the edits made (they must not overlap)."""
    out = source
    last_start = len(source) + 1
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        if edit.end > last_start:
            raise ValueError("overlapping YAML edits")
        out = out[: edit.start] + edit.text + out[edit.end :]
        last_start = edit.start
    return out
