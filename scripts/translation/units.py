"""Every Chechen text of the project, each beside its Russian source.

    pages    docs/ce/**.md, block by block (translation.blocks), each beside
             the Russian page's block at the same place
    strings  the interface strings of the templates: Material's strings
             (overrides/partials/languages/ce.html, beside Material's ru.html)
             and the site's own (overrides/partials/site-strings.html), the
             404 page's among them
    labels   every Chechen value in data/*.yml: any mapping that holds both
             `ru` and `ce` (a text or a list of texts), wherever it stands,
             so a new data file is covered without a change here
    terms    the glossary's terms (data/glossary.yml, terms[])

A text is reviewed when its page is flagged reviewed, its glossary term is
confirmed, or the ledger (translation.ledger) holds its fingerprint.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

import yaml

from common.problem import Problem, Problems
from common.source_pages import written_pages
from translation import ledger
from translation.blocks import KIND_NAMES, Block, blocks, front_matter_span, has_text
from translation.theme_strings import TemplateString
from translation.theme_strings import strings as template_strings

SOURCE, TARGET = "ru", "ce"
GLOSSARY = "data/glossary.yml"
REVIEW_KEY = "translation_review"
# Templates whose dict literals hold Chechen strings, and where each one's
# Russian strings are: None for the same file (a "ru" dict beside "ce").
THEME_CE = "overrides/partials/languages/ce.html"
SITE_STRINGS = "overrides/partials/site-strings.html"
TEMPLATES: dict[str, str | None] = {
    THEME_CE: "overrides/partials/languages/ru.html",
    SITE_STRINGS: None,
}
# The 404 page's words are site strings under this prefix.
NOT_FOUND_PREFIX = "notfound."
NOT_FOUND = "overrides/404.html"
SHEETS = ("pages", "strings", "labels", "terms")


@dataclass(frozen=True)
class YamlValue:
    """A Chechen value in a data file, and the mapping that holds it."""

    node: yaml.ScalarNode
    flow: bool
    owner: yaml.MappingNode  # the mapping with ru and ce (a glossary term, say)
    path: tuple[str | int, ...]  # where the value is in the loaded data


Handle = Block | TemplateString | YamlValue


@dataclass(frozen=True)
class Unit:
    sheet: str  # one of SHEETS
    where: str  # the stable id a reviewer sees in «Где»
    file: str  # the Chechen text's file, relative to the project
    group: str  # what the status page counts it under (a page, a file, the 404 page)
    ru: str
    ce: str
    line: int
    detail: str  # what kind of text: абзац, заголовок…
    key: str  # its place for the fingerprint: "" for page blocks (they move), else `where`
    reviewed: bool
    handle: Handle = field(compare=False, repr=False)

    @property
    def fingerprint(self) -> str:
        return ledger.fingerprint(self.file, self.key, self.ru, self.ce)

    def fingerprint_with(self, ce: str) -> str:
        return ledger.fingerprint(self.file, self.key, self.ru, ce)


@dataclass
class Page:
    file: str  # docs/ce/…md
    reviewed: bool  # translation_review: reviewed in its front matter
    units: list[Unit]


@dataclass
class Inventory:
    project: Path
    units: list[Unit]
    pages: dict[str, Page]
    entries: list[ledger.Entry]

    @cached_property
    def by_where(self) -> dict[str, Unit]:
        return {unit.where: unit for unit in self.units}

    def unreviewed(self, sheet: str) -> list[Unit]:
        return [u for u in self.units if u.sheet == sheet and not u.reviewed]


def _front_matter(text: str) -> dict[str, object]:
    span = front_matter_span(text)
    if span is None:
        return {}
    try:
        meta = yaml.safe_load(text[span[0] : span[1]])
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def _aligned(ce_blocks: list[Block], ru_blocks: list[Block]) -> dict[int, Block]:
    """For each Chechen block (by index), the Russian block at the same place:
    the two pages are matched by the shape of their blocks, not their words."""
    matcher = difflib.SequenceMatcher(
        a=[b.signature for b in ce_blocks], b=[b.signature for b in ru_blocks], autojunk=False
    )
    pairs: dict[int, Block] = {}
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and a1 - a0 == b1 - b0):
            for offset in range(a1 - a0):
                pairs[a0 + offset] = ru_blocks[b0 + offset]
    return pairs


def _pages(project: Path, reviewed: set[str]) -> Iterator[Page]:
    docs = project / "docs"
    for path in written_pages(project, TARGET):
        relative = path.relative_to(docs / TARGET)
        file = path.relative_to(project).as_posix()
        text = path.read_text("utf-8")
        flagged = _front_matter(text).get(REVIEW_KEY) == "reviewed"
        ce_blocks = blocks(text)
        ru_path = docs / SOURCE / relative
        ru_blocks = blocks(ru_path.read_text("utf-8")) if ru_path.exists() else []
        russian = _aligned(ce_blocks, ru_blocks)
        units = []
        for index, block in enumerate(ce_blocks):
            if not has_text(block.text):
                continue
            ru = russian[index].text if index in russian else ""
            unit = Unit(
                "pages",
                f"{file} #{index + 1}",
                file,
                file,
                ru,
                block.text,
                block.line,
                KIND_NAMES[block.kind],
                "",
                flagged,
                block,
            )
            if not flagged and unit.fingerprint in reviewed:
                unit = _reviewed(unit)
            units.append(unit)
        yield Page(file, flagged, units)


def _reviewed(unit: Unit) -> Unit:
    return Unit(**{**unit.__dict__, "reviewed": True})


def _material_russian() -> str:
    return (
        resources.files("material")
        .joinpath("templates/partials/languages/ru.html")
        .read_text("utf-8")
    )


def _strings(project: Path, reviewed: set[str]) -> Iterator[Unit]:
    for file, russian_file in TEMPLATES.items():
        path = project / file
        if not path.exists():
            continue
        found = template_strings(path.read_text("utf-8"))
        if russian_file is None:
            russian = {s.path: s.value for s in found}
        else:
            ru_path = project / russian_file
            ru_text = ru_path.read_text("utf-8") if ru_path.exists() else _material_russian()
            russian = {s.path: s.value for s in template_strings(ru_text)}
        for string in found:
            if russian_file is None and TARGET not in string.path:
                continue
            if not has_text(string.value):
                continue
            ru_path_key = tuple(SOURCE if k == TARGET else k for k in string.path)
            key = ".".join(k for k in string.path if k != TARGET)
            where = f"{file}: {key}"
            group = NOT_FOUND if key.startswith(NOT_FOUND_PREFIX) else file
            unit = Unit(
                "strings",
                where,
                file,
                group,
                russian.get(ru_path_key, ""),
                string.value,
                string.line,
                "строка интерфейса",
                where,
                False,
                string,
            )
            yield _reviewed(unit) if unit.fingerprint in reviewed else unit


def _mapping(node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    return {str(k.value): (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def _item_label(node: yaml.Node, index: int) -> str:
    if isinstance(node, yaml.MappingNode):
        keys = _mapping(node)
        for name in ("id", SOURCE):
            if name in keys and isinstance(keys[name][1], yaml.ScalarNode):
                return str(keys[name][1].value)
    return str(index)


def _texts(node: yaml.Node) -> list[tuple[str, yaml.ScalarNode, bool]]:
    """A ru or ce value's texts: (suffix, node, in flow style)."""
    if isinstance(node, yaml.ScalarNode):
        return [("", node, False)]
    if isinstance(node, yaml.SequenceNode):
        return [
            (f"[{i}]", item, bool(node.flow_style))
            for i, item in enumerate(node.value)
            if isinstance(item, yaml.ScalarNode)
        ]
    return []


def _labels_in(
    file: str, node: yaml.Node, path: str, keys_path: tuple[str | int, ...], reviewed: set[str]
) -> Iterator[Unit]:
    if isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            label = _item_label(item, index)
            yield from _labels_in(file, item, f"{path}[{label}]", (*keys_path, index), reviewed)
        return
    if not isinstance(node, yaml.MappingNode):
        return
    keys = _mapping(node)
    if SOURCE in keys and TARGET in keys:
        is_term = file == GLOSSARY and re.fullmatch(r"terms\[[^\]]*\]", path) is not None
        russian = {suffix: n for suffix, n, _ in _texts(keys[SOURCE][1])}
        for index, (suffix, ce_node, in_flow) in enumerate(_texts(keys[TARGET][1])):
            value_path = (*keys_path, TARGET) + ((index,) if suffix else ())
            ce = str(ce_node.value)
            if not has_text(ce):
                continue
            ru_node = russian.get(suffix)
            where = f"{file}: {path}{suffix}" if not is_term else f"{file}: {path}"
            unit = Unit(
                "terms" if is_term else "labels",
                where,
                file,
                file,
                str(ru_node.value) if ru_node is not None else "",
                ce,
                ce_node.start_mark.line + 1,
                "термин" if is_term else "подпись",
                where,
                is_term and "source" in keys,
                YamlValue(ce_node, in_flow or bool(node.flow_style), node, value_path),
            )
            if not is_term and unit.fingerprint in reviewed:
                unit = _reviewed(unit)
            yield unit
    for name, (_, value) in keys.items():
        if name in (SOURCE, TARGET) and SOURCE in keys and TARGET in keys:
            continue
        yield from _labels_in(
            file, value, f"{path}.{name}" if path else name, (*keys_path, name), reviewed
        )


def _labels(project: Path, reviewed: set[str]) -> Iterator[Unit]:
    problems = []
    for path in sorted((project / "data").glob("*.yml")):
        file = path.relative_to(project).as_posix()
        if file == ledger.LEDGER.as_posix():
            continue
        try:
            root = yaml.compose(path.read_text("utf-8"), Loader=yaml.SafeLoader)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            problems.append(Problem(file, mark.line + 1 if mark else 1, f"not valid YAML: {err}"))
            continue
        if root is not None:
            yield from _labels_in(file, root, "", (), reviewed)
    if problems:
        raise Problems(problems)


def inventory(project: Path, sheets: Collection[str] = SHEETS) -> Inventory:
    """Every Chechen text of `project`, or those of some `sheets` alone
    (labels and terms are read together); raise Problems when a file
    cannot be read."""
    entries = ledger.load(project)
    reviewed = {e.text for e in entries}
    pages = {page.file: page for page in _pages(project, reviewed)} if "pages" in sheets else {}
    units = [u for page in pages.values() for u in page.units]
    if "strings" in sheets:
        units += list(_strings(project, reviewed))
    if "labels" in sheets or "terms" in sheets:
        units += list(_labels(project, reviewed))
    return Inventory(project, units, pages, entries)
