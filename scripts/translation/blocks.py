"""A Markdown page cut into the blocks a reviewer reads one at a time.

A block is a heading, a paragraph, a list item, a table cell, an
admonition's title or text, a code example, or a front-matter value
(title, description). Each block knows where its text stands in the file,
so a corrected text replaces that block and nothing else: the file's other
bytes stay as they were. Paragraphs and list items are wrapped again to
the width they had, with the same indentation and list marker.

Covered: the Markdown the site's pages use (ATX headings with {#id},
lists, pipe tables, `!!!` admonitions, fenced code, front matter). Lines
that carry no text to translate (snippet includes, HTML blocks, rules) are
left out.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field

import yaml

from common import yamldata, yamledit

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+(\{[^{}]*\}))?(?:[ \t]+#+)?[ \t]*$")
ITEM = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])([ \t]+)")
ADMONITION = re.compile(
    r'^(\s*)(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+"([^"]*)")?\s*$'
)
RULE = re.compile(r"^\s*([-*_])(?:[ \t]*\1){2,}\s*$")
HTML_BLOCK = re.compile(
    r"^\s*<(?:!--|/?(?:div|p|table|figure|details|section|aside|iframe|script|style|svg|"
    r"h[1-6]|ul|ol|dl|pre|form|hr|br|nav|header|footer|main)\b)",
    re.IGNORECASE,
)
SNIPPET = re.compile(r"^\s*-{1,2}8<-{1,2}")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# A line starting with one of these would begin another block, so wrapping
# never puts such a word first on a continuation line.
LINE_START_HAZARD = re.compile(r"^(?:[-*+>|#=]|\d{1,9}[.)]$|!!!|\?\?\?|`{3}|~{3}|<)")

KIND_NAMES = {
    "title": "заголовок страницы",
    "description": "описание страницы",
    "summary": "краткое содержание новости",
    "heading": "заголовок",
    "paragraph": "абзац",
    "item": "пункт списка",
    "cell": "ячейка таблицы",
    "admonition-title": "заголовок врезки",
    "admonition": "врезка",
    "code": "пример кода",
}


@dataclass(frozen=True)
class Layout:
    """How a corrected text is written back into the file."""

    mode: str  # "wrap", "inline", "cell", "quoted", "code", "yaml"
    first: str = ""  # prefix of the first line (wrap)
    rest: str = ""  # prefix of the other lines (wrap, code)
    width: int = 80
    lines: tuple[str, ...] = ()  # the block's lines as they are (wrap)
    yaml_node: yaml.ScalarNode | None = field(default=None, compare=False)
    yaml_source: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class Block:
    kind: str
    text: str  # what the reviewer reads and corrects
    line: int  # first line, from 1
    start: int  # character offsets in the file of the text that a correction replaces
    end: int
    layout: Layout
    signature: str  # what the Russian block at the same place looks like

    def render(self, text: str) -> str:
        """The file's characters [start, end) for the corrected `text`."""
        layout = self.layout
        if layout.mode == "wrap":
            return rewrap(" ".join(text.split()), layout)
        if layout.mode == "cell":
            return re.sub(r"(?<!\\)\|", r"\\|", " ".join(text.split()))
        if layout.mode == "code":
            lines = text.replace("\r\n", "\n").split("\n")
            return "\n".join(layout.rest + line if line.strip() else "" for line in lines)
        if layout.mode == "yaml":
            assert layout.yaml_node is not None
            return yamledit.scalar_text(layout.yaml_source, layout.yaml_node, text, flow=False)
        return " ".join(text.split())  # inline, quoted


def has_text(text: str) -> bool:
    """Whether a block holds words to translate (Cyrillic letters)."""
    return bool(CYRILLIC.search(text))


def wrap(text: str, first: str, rest: str, width: int) -> str:
    """`text` in lines of at most `width` characters (a long word overruns),
    never starting a line with something Markdown reads as a new block."""
    words = split_words(text)
    lines: list[str] = []
    current = first
    has_word = False
    for word in words:
        fits = len(current) + 1 + len(word) <= width
        if has_word and not fits and not LINE_START_HAZARD.match(word):
            lines.append(current)
            current = rest + word
        else:
            current = current + (" " if has_word else "") + word
        has_word = True
    lines.append(current)
    return "\n".join(line.rstrip() for line in lines)


def rewrap(text: str, layout: Layout) -> str:
    """`text` in the block's layout. The lines before the first changed word
    stay as they were, so a one-word correction changes one line or a few."""
    words = split_words(text)
    kept: list[str] = []
    used = 0
    for number, line in enumerate(layout.lines):
        prefix = layout.first if number == 0 else layout.rest
        if not line.startswith(prefix) and number:
            break
        line_words = split_words(line[len(prefix) :].strip() if number else line[len(prefix) :])
        if words[used : used + len(line_words)] != line_words or used + len(line_words) >= len(
            words
        ):
            break
        kept.append(line)
        used += len(line_words)
    rest = wrap(
        " ".join(words[used:]), layout.rest if kept else layout.first, layout.rest, layout.width
    )
    return "\n".join([*kept, rest])


def split_words(text: str) -> list[str]:
    """Words at spaces, keeping HTML tags, code spans and link targets whole."""
    words: list[str] = []
    current = ""
    tag = code = url = False
    for index, char in enumerate(text):
        if char == "`":
            code = not code
        elif not code:
            if char == "<":
                tag = True
            elif char == ">":
                tag = False
            elif char == "(" and index and text[index - 1] == "]":
                url = True
            elif char == ")":
                url = False
        if char == " " and not (tag or code or url):
            if current:
                words.append(current)
            current = ""
        else:
            current += char
    if current:
        words.append(current)
    return words


def front_matter_span(text: str) -> tuple[int, int] | None:
    """The character span of the front matter's YAML (between the --- lines)."""
    if not text.startswith("---\n"):
        return None
    found = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if not found:
        return None
    return 4, 4 + found.start()


# The values a reader sees: a news post's summary shows in the news lists.
FRONT_MATTER_TEXTS = ("title", "description", "summary")


def _front_matter_blocks(text: str) -> Iterator[Block]:
    span = front_matter_span(text)
    if span is None:
        return
    start, end = span
    try:
        root = yamldata.compose(text[start:end])
    except yaml.YAMLError:
        return  # `make check` reports it
    if not isinstance(root, yaml.MappingNode):
        return
    for key_node, value in root.value:
        if key_node.value in FRONT_MATTER_TEXTS and isinstance(value, yaml.ScalarNode):
            yield Block(
                kind=key_node.value,
                text=" ".join(str(value.value).split()),
                line=text[:start].count("\n") + value.start_mark.line + 1,
                start=start + value.start_mark.index,
                end=start + yamledit.scalar_end(text[start:end], value),
                layout=Layout("yaml", yaml_node=value, yaml_source=text[start:end]),
                signature=key_node.value,
            )


def blocks(text: str) -> list[Block]:
    """Every block of a Markdown page, in order (text-less ones included)."""
    out = list(_front_matter_blocks(text))
    span = front_matter_span(text)
    body_start = 0
    if span is not None:
        body_start = text.index("\n", span[1]) + 1 if "\n" in text[span[1] :] else len(text)
    out.extend(_body_blocks(text, body_start))
    return out


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    for found in re.finditer("\n", text):
        offsets.append(found.end())
    return offsets


def _body_blocks(text: str, body_start: int) -> Iterator[Block]:
    lines = text.split("\n")
    offsets = _line_offsets(text)
    first = text[:body_start].count("\n")
    admonitions: list[int] = []  # the indentation of the admonitions we are in
    table_row = 0
    number = first
    while number < len(lines):
        line = lines[number]
        if not line.strip():
            number += 1
            continue
        indent = len(line) - len(line.lstrip())
        while admonitions and indent < admonitions[-1] + 4:
            admonitions.pop()
        inside = bool(admonitions)
        fence = FENCE.match(line)
        if fence:
            number = yield from _code(lines, offsets, number, fence)
            continue
        if SNIPPET.match(line) or RULE.match(line) or HTML_BLOCK.match(line):
            number = _skip_paragraph(lines, number)
            continue
        admonition = ADMONITION.match(line)
        if admonition:
            admonitions.append(len(admonition.group(1)))
            if admonition.group(2):
                start = offsets[number] + admonition.start(2)
                yield Block(
                    "admonition-title",
                    admonition.group(2),
                    number + 1,
                    start,
                    start + len(admonition.group(2)),
                    Layout("quoted"),
                    "admonition-title",
                )
            number += 1
            continue
        stripped = line.lstrip()
        heading = HEADING.match(stripped)
        if heading:
            start = offsets[number] + indent + heading.start(2)
            yield Block(
                "heading",
                heading.group(2),
                number + 1,
                start,
                start + len(heading.group(2)),
                Layout("inline"),
                f"h{len(heading.group(1))}{heading.group(3) or ''}",
            )
            number += 1
            continue
        if stripped.startswith("|"):
            table_row = table_row + 1 if number > first and lines[number - 1].strip() else 0
            yield from _cells(line, offsets[number], number + 1, table_row)
            number += 1
            continue
        item = ITEM.match(line)
        if item:
            content = len(item.group(0))
            end = _paragraph_end(lines, number + 1, items_end=True)
            yield _wrapped(
                lines,
                offsets,
                number,
                end,
                "item",
                first=item.group(0),
                rest=" " * content,
                signature=f"item{len(item.group(1))}",
            )
            number = end
            continue
        # Inside a list, an item's next marker ends its paragraph.
        end = _paragraph_end(lines, number + 1, items_end=indent > 0)
        kind = "admonition" if inside else "paragraph"
        prefix = line[:indent]
        quote = re.match(r"^(\s*>\s?)", line)
        if quote:
            prefix = quote.group(1)
        yield _wrapped(lines, offsets, number, end, kind, first=prefix, rest=prefix, signature=kind)
        number = end


def _skip_paragraph(lines: list[str], number: int) -> int:
    while number < len(lines) and lines[number].strip():
        number += 1
    return number


def _starts_block(line: str) -> bool:
    stripped = line.lstrip()
    return bool(
        FENCE.match(line)
        or HEADING.match(stripped)
        or stripped.startswith("|")
        or ADMONITION.match(line)
        or SNIPPET.match(line)
        or HTML_BLOCK.match(line)
    )


def _paragraph_end(lines: list[str], number: int, items_end: bool) -> int:
    """The line after a paragraph (or list item) that goes on from `number`."""
    while number < len(lines):
        line = lines[number]
        if not line.strip() or _starts_block(line) or (items_end and ITEM.match(line)):
            break
        number += 1
    return number


def _wrapped(
    lines: list[str],
    offsets: list[int],
    number: int,
    end: int,
    kind: str,
    first: str,
    rest: str,
    signature: str,
) -> Block:
    parts = [lines[number][len(first) :]] + [line.strip() for line in lines[number + 1 : end]]
    if kind != "item":
        parts = [line.strip().removeprefix(">").strip() for line in lines[number:end]]
    widths = [len(line.rstrip()) for line in lines[number:end]]
    width = max(widths) if len(widths) > 1 else max(80, widths[0])
    start = offsets[number]
    stop = offsets[end - 1] + len(lines[end - 1].rstrip())
    return Block(
        kind,
        " ".join(" ".join(parts).split()),
        number + 1,
        start,
        stop,
        Layout(
            "wrap",
            first=first,
            rest=rest,
            width=width,
            lines=tuple(line.rstrip() for line in lines[number:end]),
        ),
        signature,
    )


CELL = re.compile(r"(?:\\.|[^|\\])+")


def _cells(line: str, offset: int, number: int, row: int) -> Iterator[Block]:
    if re.fullmatch(r"\s*\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*", line):
        return  # the rule under the header
    for column, found in enumerate(CELL.finditer(line)):
        raw = found.group(0)
        if not raw.strip():
            continue
        lead = len(raw) - len(raw.lstrip())
        start = offset + found.start() + lead
        yield Block(
            "cell",
            raw.strip(),
            number,
            start,
            start + len(raw.strip()),
            Layout("cell"),
            f"cell{row}:{column}",
        )


def _code(
    lines: list[str], offsets: list[int], number: int, fence: re.Match[str]
) -> Generator[Block, None, int]:
    indent, marker = fence.group(1), fence.group(2)
    end = number + 1
    while end < len(lines):
        closing = FENCE.match(lines[end])
        if closing and closing.group(2)[0] == marker[0] and len(closing.group(2)) >= len(marker):
            break
        end += 1
    body = lines[number + 1 : end]
    if body:
        text = "\n".join(
            line[len(indent) :] if line.startswith(indent) else line.strip() for line in body
        )
        start = offsets[number + 1]
        stop = offsets[end - 1] + len(lines[end - 1])
        yield Block("code", text, number + 2, start, stop, Layout("code", rest=indent), "code")
    return end + 1


def apply(text: str, changes: list[tuple[Block, str]]) -> str:
    """`text` with each block's text replaced, the rest of it unchanged."""
    out = text
    for block, new in sorted(changes, key=lambda change: change[0].start, reverse=True):
        if new != block.text:  # an unchanged block keeps its bytes, line breaks and all
            out = out[: block.start] + block.render(new) + out[block.end :]
    return out
