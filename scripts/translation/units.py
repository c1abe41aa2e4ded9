"""Every Chechen text of the project, each beside its Russian source.

    pages    docs/ce/**.md, block by block (translation.blocks), each beside
             the Russian page's block at the same place
    strings  the interface strings of the templates: Material's strings
             (overrides/partials/languages/ce.html, beside Material's ru.html)
             and the site's own (overrides/partials/site-strings.html), the
             404 page's among them
    labels   every Chechen value in data/*.yml: any mapping that holds both
             `ru` and `ce` (a text or a list of texts), wherever it stands,
             so a new data file is covered without a change here; and
             mkdocs.yml's: its `extra` the same way, and the site name,
             description and menu titles its i18n plugin gives Chechen
    terms    the glossary's terms (data/glossary.yml, terms[])

A text is reviewed when the ledger (translation.ledger) holds its
fingerprint, so a text whose Chechen or Russian wording changed since is not
reviewed any more; a glossary term when it is confirmed. A page flagged
reviewed by hand (translation_review: reviewed) whose blocks the ledger has
never seen counts as reviewed as it stands: the reviewer's word for it.

A page also shows the generated parts it includes (`--8<-- "…"`): what
texts each part shows is declared in render/shows.py. A page is reviewed
whole only when its own blocks and every text its parts show are.
"""

from __future__ import annotations

import difflib
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

import yaml

from common import textfile, yamldata
from common.problem import Problem, Problems
from common.source_pages import read_page, written_pages
from common.yamldata import yaml_reason
from render.shows import SHOWS
from translation import ledger
from translation.blocks import KIND_NAMES, Block, blocks, front_matter_span, has_text
from translation.theme_strings import TemplateString
from translation.theme_strings import strings as template_strings

SOURCE, TARGET = "ru", "ce"
GLOSSARY = "data/glossary.yml"
REVIEW_KEY = "translation_review"
# Templates whose dict literals hold Chechen strings, and where each one's
# Russian strings are: None for the same file (a "ru" dict beside "ce").
CONFIG = "mkdocs.yml"  # its `extra` holds ru/ce texts too (the coordinator's role)
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
SNIPPET = re.compile(r"""^[ \t]*-+8<-+[ \t]+(["'])([^"'\n]+)\1[ \t]*$""", re.MULTILINE)


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
    parts: tuple[str, ...] = ()  # the generated parts it includes: "contacts/channels.ce.md"
    ledgered: bool = False  # the ledger holds some of its blocks (it went through an import)


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

    def shown_by(self, part: str) -> list[Unit] | None:
        """The texts a generated part shows (render/shows.py); None when
        some of them are not in the inventory, or the part is not declared."""
        if part not in self._parts:
            self._parts[part] = self._shown_by(part)
        return self._parts[part]

    def _shown_by(self, part: str) -> list[Unit] | None:
        for pattern, globs in SHOWS.items():
            found = re.fullmatch(pattern, part)
            if found is None:
                continue
            shown: list[Unit] = []
            for glob in globs:
                wanted = _glob(glob.format(**found.groupdict()))
                matched = [
                    u for u in self.units if u.sheet != "terms" and wanted.fullmatch(u.where)
                ]
                if not matched:
                    return None
                shown += matched
            return shown
        return None

    def parts_reviewed(self, page: Page) -> bool:
        """Whether every text the page's generated parts show is reviewed."""
        for part in page.parts:
            shown = self.shown_by(part)
            if shown is None or not all(unit.reviewed for unit in shown):
                return False
        return True

    @cached_property
    def _parts(self) -> dict[str, list[Unit] | None]:
        return {}


def _glob(pattern: str) -> re.Pattern[str]:
    """A «Где» glob: * is any text, everything else (brackets too) itself."""
    return re.compile(".*".join(re.escape(piece) for piece in pattern.split("*")))


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


def _pairs(ce_text: str, ru_text: str) -> Iterator[tuple[int, Block, str]]:
    """(index, Chechen block, its Russian block's text) of the blocks with words."""
    ce_blocks = blocks(ce_text)
    russian = _aligned(ce_blocks, blocks(ru_text))
    for index, block in enumerate(ce_blocks):
        if has_text(block.text):
            yield index, block, russian[index].text if index in russian else ""


def _pages(project: Path, reviewed: set[str], ledgered: set[str]) -> Iterator[Page]:
    docs = project / "docs"
    for path in written_pages(project, TARGET):
        relative = path.relative_to(docs / TARGET)
        file = path.relative_to(project).as_posix()
        ru_path = docs / SOURCE / relative
        text = read_page(path, file)  # its front matter checked: no YAML bomb
        ru_file = ru_path.relative_to(project).as_posix()
        ru_text = read_page(ru_path, ru_file) if ru_path.exists() else ""
        flagged = _front_matter(text).get(REVIEW_KEY) == "reviewed"
        here = reviewed
        vouched = False
        if flagged and file not in ledgered:
            # Flagged by hand, never through an import: reviewed as the page
            # stood when the flag was set, by git history; as it stands when
            # git cannot tell.
            as_flagged = _as_flagged(project, file, ru_file)
            vouched = as_flagged is None
            if as_flagged is not None:
                here = {
                    ledger.fingerprint(file, "", ru, block.text)
                    for _, block, ru in _pairs(*as_flagged)
                }
        units = []
        for index, block, ru in _pairs(text, ru_text):
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
                vouched,
                block,
            )
            if not vouched and unit.fingerprint in here:
                unit = _reviewed(unit)
            units.append(unit)
        parts = tuple(found[2] for found in SNIPPET.finditer(text))
        yield Page(file, flagged, units, parts, file in ledgered)


FLAG_LINES = f"^({REVIEW_KEY}|reviewed_on):"


def _as_flagged(project: Path, file: str, ru_file: str) -> tuple[str, str] | None:
    """The page and its Russian original as they were in the commit that last
    set its review flag (or its date); None when git does not know it (no
    history, a shallow clone, a flag not committed yet)."""

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(
                ["git", "-C", str(project), *args], capture_output=True, text=True, timeout=60
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout if done.returncode == 0 else None

    if git("diff", "HEAD", "--quiet", "-G", FLAG_LINES, "--", file) is None:
        return None  # the flag changed and is not committed: the page as it stands
    commit = (git("log", "-1", "--format=%H", "-G", FLAG_LINES, "--", file) or "").strip()
    if not commit:
        return None
    ce = git("show", f"{commit}:{file}")
    return None if ce is None else (ce, git("show", f"{commit}:{ru_file}") or "")


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
        found = template_strings(textfile.read(path, file))
        if russian_file is None:
            russian = {s.path: s.value for s in found}
        else:
            ru_path = project / russian_file
            ru_text = (
                textfile.read(ru_path, russian_file) if ru_path.exists() else _material_russian()
            )
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


def _scalars(pair: tuple[yaml.Node, yaml.Node] | None) -> Iterator[yaml.ScalarNode]:
    stack = [pair[1]] if pair else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            yield node
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
        elif isinstance(node, yaml.MappingNode):
            stack += [v for _, v in node.value]


def _site_names(
    file: str, root: yaml.Node | None, seen: set[int], reviewed: set[str]
) -> Iterator[Unit]:
    """The Chechen site name, description and menu titles that mkdocs.yml
    gives the i18n plugin, each beside the Russian it replaces: the top-level
    value of the same key, or a menu title's Russian key. A value that is an
    alias of one in `extra` (the copyright) is reviewed there, once."""
    if not isinstance(root, yaml.MappingNode):
        return
    top = _mapping(root)
    plugins = top.get("plugins")
    if plugins is None or not isinstance(plugins[1], yaml.SequenceNode):
        return
    for p_index, plugin in enumerate(plugins[1].value):
        i18n = _mapping(plugin).get("i18n") if isinstance(plugin, yaml.MappingNode) else None
        if i18n is None or not isinstance(i18n[1], yaml.MappingNode):
            continue
        languages = _mapping(i18n[1]).get("languages")
        if languages is None or not isinstance(languages[1], yaml.SequenceNode):
            continue
        for l_index, language in enumerate(languages[1].value):
            if not isinstance(language, yaml.MappingNode):
                continue
            keys = _mapping(language)
            locale = keys.get("locale")
            if locale is None or getattr(locale[1], "value", None) != TARGET:
                continue
            at = ("plugins", p_index, "i18n", "languages", l_index)
            pairs: list[tuple[str, yaml.Node, yaml.Node, tuple[str | int, ...]]] = []
            for name, (_, value) in keys.items():
                if name in top and isinstance(top[name][1], yaml.ScalarNode):
                    pairs.append((name, top[name][1], value, (*at, name)))
            titles = keys.get("nav_translations")
            if titles is not None and isinstance(titles[1], yaml.MappingNode):
                for russian, (key, value) in _mapping(titles[1]).items():
                    where = f"nav_translations.{russian}"
                    pairs.append((where, key, value, (*at, "nav_translations", russian)))
            for name, ru_node, ce_node, path in pairs:
                if not isinstance(ce_node, yaml.ScalarNode) or id(ce_node) in seen:
                    continue
                ce = str(ce_node.value)
                if not has_text(ce):
                    continue
                where = f"{file}: i18n.{TARGET}.{name}"
                unit = Unit(
                    "labels",
                    where,
                    file,
                    file,
                    str(getattr(ru_node, "value", "")),
                    ce,
                    ce_node.start_mark.line + 1,
                    "подпись",
                    where,
                    False,
                    YamlValue(ce_node, False, language, path),
                )
                yield _reviewed(unit) if unit.fingerprint in reviewed else unit


def _labels(project: Path, reviewed: set[str]) -> Iterator[Unit]:
    problems = []
    files = sorted((project / "data").glob("*.yml"))
    for path in [*files, project / CONFIG]:
        file = path.relative_to(project).as_posix()
        if file == ledger.LEDGER.as_posix() or not path.exists():
            continue
        try:
            if file == CONFIG:
                # Composed, not loaded: mkdocs.yml's tags (!ENV) need no
                # constructor, and its anchors are the maintainers' own
                # (common/site_config.py); data files have none (yamldata).
                root = yamldata.compose(textfile.read(path, file))
            else:
                root = yamldata.read_node(path, file)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = mark.line + 1 if mark else 1
            problems.append(Problem(file, line, f"ошибка в записи YAML: {yaml_reason(err)}"))
            continue
        except Problems as err:  # not UTF-8, too large, not YAML, an alias
            problems.extend(err.problems)
            continue
        if file == CONFIG:  # the site's identity in every language
            extra = _mapping(root).get("extra") if isinstance(root, yaml.MappingNode) else None
            if extra is not None:
                yield from _labels_in(file, extra[1], "extra", ("extra",), reviewed)
            yield from _site_names(file, root, {id(n) for n in _scalars(extra)}, reviewed)
        elif root is not None:
            yield from _labels_in(file, root, "", (), reviewed)
    if problems:
        raise Problems(problems)


def inventory(project: Path) -> Inventory:
    """Every Chechen text of `project`; raise Problems when a file cannot be read."""
    entries = ledger.load(project)
    reviewed = {e.text for e in entries}
    ledgered = {e.file for e in entries}
    pages = {page.file: page for page in _pages(project, reviewed, ledgered)}
    units = [u for page in pages.values() for u in page.units]
    units += list(_strings(project, reviewed))
    units += list(_labels(project, reviewed))
    return Inventory(project, units, pages, entries)
