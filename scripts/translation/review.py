"""The review workbook round trip: export what awaits review, import the verdicts.

export  every Chechen text not yet reviewed (translation.units) into one
        workbook (translation.workbook), each beside its Russian source.
import  each row's «Исправление» replaces its text in its own file (the
        Markdown block, the YAML value, the template string) and nothing
        else; «Проверено: да» records the text as reviewed. A page is flagged
        reviewed (translation_review: reviewed, reviewed_by, reviewed_on)
        once all its blocks are; a glossary term is confirmed (source
        «школа, <дата>») by its own row.

Every row is checked before anything is written: a row whose texts changed
since the export (stale), a correction that loses or adds a link, code or
{placeholder}, a value that is not «да» — each is a problem, by row, and
then nothing is written. Importing the same workbook again changes nothing.
"""

from __future__ import annotations

import fcntl
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from chechen import palochka
from checks.source import ANONYMOUS_REVIEWER, Rules, fold
from common import textfile, yamldata, yamledit
from common.atomic import write_text
from common.problem import Problem, Problems
from common.words import load as load_words
from translation import ledger, trial, workbook
from translation.blocks import Block, front_matter_span
from translation.blocks import apply as apply_blocks
from translation.blocks import blocks as page_blocks
from translation.theme_strings import TemplateString, quote
from translation.theme_strings import strings as template_strings
from translation.units import REVIEW_KEY, Inventory, Unit, YamlValue, inventory

# What a correction must keep as it was: link targets, code, HTML tags and
# {placeholders}, and the characters that make Markdown or a template work.
PROTECTED = re.compile(
    r"\]\([^)]*\)"  # a link's or image's target
    r"|(`+).+?\1"  # code
    r"|<[^<>]*>"  # an HTML tag
    r"|\{[^{}]*\}"  # {term}, {#id}
)
SPECIAL = "*[]`<>{}#\\|"
KEEP = "ссылки, код, подстановки {…} и звёздочки ** оставляйте как были"


def protected(text: str, kind: str) -> Counter[str]:
    """The parts of `text` a correction may not change."""
    found: Counter[str] = Counter(m.group(0) for m in PROTECTED.finditer(text))
    rest = PROTECTED.sub(" ", text)
    found.update(char for char in rest if char in SPECIAL)
    if kind == "пример кода":  # lines with no Chechen in them are code
        found.update(
            line.strip()
            for line in text.split("\n")
            if line.strip() and not re.search(r"[\u0400-\u04ff]", line)
        )
    return found


def reviewer_allowed(project: Path, reviewer: str) -> bool:
    """A reviewer is named only with recorded consent (152-FZ); else by role."""
    return fold(reviewer) in {fold(ANONYMOUS_REVIEWER), *Rules.load(project).named}


# ---------------------------------------------------------------- export


def export(project: Path, path: Path) -> dict[str, int]:
    """Write the workbook of what awaits review; return the rows per kind."""
    found = inventory(project)
    words = load_words(project)
    ru, ce = words.of("review_sheet", "ru"), words.of("review_sheet", "ce")
    instructions = list(zip(ru.list("steps"), ce.list("steps"), strict=True))
    rows = {
        sheet: [(u.where, u.ru, u.ce) for u in found.unreviewed(sheet)]
        for sheet in workbook.SHEET_TITLES
    }
    workbook.write(path, instructions, ANONYMOUS_REVIEWER, rows)
    return {sheet: len(items) for sheet, items in rows.items()}


# ---------------------------------------------------------------- import


@dataclass
class Verdict:
    """What one row asks for, once checked."""

    row: workbook.Row
    unit: Unit
    correction: str | None  # the new Chechen text, None to keep it
    checked: bool

    @property
    def final(self) -> str:
        return self.correction if self.correction is not None else self.unit.ce


@dataclass
class Outcome:
    corrected: int = 0
    checked: int = 0
    pages: list[str] = field(default_factory=list)  # flagged reviewed
    unflagged: list[str] = field(default_factory=list)  # back to needed: changed since
    terms: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def _normalise(text: str, kind: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    text = palochka.normalise(text)
    if kind == "пример кода":
        return "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))
    return " ".join(text.split())


def _locate(found: Inventory, row: workbook.Row) -> Unit | None:
    unit = found.by_where.get(row.where)
    if unit is not None or not row.where.startswith("docs/"):
        return unit
    # A page block moved (a block was added above it): the same texts in the same file.
    file = row.where.split(" #")[0]
    page = found.pages.get(file)
    matches = [u for u in page.units if u.ru == row.ru and u.ce == row.ce] if page else []
    return matches[0] if len(matches) == 1 else None


def _check_row(found: Inventory, row: workbook.Row, shown: str) -> Verdict | Problem:
    title = workbook.SHEET_TITLES[row.sheet]

    def problem(message: str) -> Problem:
        return Problem(shown, row.number, f"лист «{title}»: {message}")

    if not row.where.strip():
        return problem("пустая ячейка «Где»: строку не узнать")
    if row.seal != workbook.seal(row.where, row.ru, row.ce):
        return problem(
            "изменены «Где», «По-русски» или «По-чеченски»; исправление пишите в «Исправление»"
        )
    checked = row.checked.strip().casefold()
    if checked not in ("", workbook.YES):
        return problem(
            f"в «Проверено» можно только «{workbook.YES}» или пусто, а не «{row.checked}»"
        )
    unit = _locate(found, row)
    if unit is None or unit.sheet != row.sheet:
        return problem(
            f"«{row.where}» больше нет: файл изменился после выгрузки, выгрузите таблицу заново"
        )
    correction = _normalise(row.correction, unit.detail) if row.correction.strip() else None
    if unit.ru != row.ru:
        return problem(
            "русский текст изменился после выгрузки: строка устарела, выгрузите таблицу заново"
        )
    if unit.ce != row.ce and unit.ce != correction:
        return problem(
            "чеченский текст изменился после выгрузки: строка устарела, выгрузите таблицу заново"
        )
    if correction is not None and correction == unit.ce:
        correction = None  # the same text, or already imported
    if correction is not None:
        before, after = protected(unit.ce, unit.detail), protected(correction, unit.detail)
        lost, added = before - after, after - before
        if lost:
            return problem(f"в исправлении потеряно «{next(iter(lost))}»: {KEEP}")
        if added:
            return problem(f"в исправлении лишнее «{next(iter(added))}»: {KEEP}")
        if unit.detail == "заголовок врезки" and '"' in correction:
            return problem('в заголовке врезки не пишите кавычки "; используйте «»')
    return Verdict(row, unit, correction, checked == workbook.YES)


@contextmanager
def _one_writer(project: Path) -> Iterator[None]:
    """One import at a time: a second waits until the first has written.
    The lock is held on the project's folder itself, so no file is made."""
    folder = os.open(project, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        yield
    finally:
        os.close(folder)  # closing releases the lock


def import_workbook(project: Path, path: Path, shown: str, today: date) -> Outcome:
    """Apply a reviewed workbook to `project`; raise Problems (nothing written)."""
    with _one_writer(project):
        return _import(project, path, shown, today)


def _import(project: Path, path: Path, shown: str, today: date) -> Outcome:
    reviewer, rows, problems = workbook.read(path, shown)
    reviewer = reviewer or ANONYMOUS_REVIEWER
    if not reviewer_allowed(project, reviewer):
        problems.append(
            Problem(
                shown,
                1,
                f"лист «{workbook.INSTRUCTIONS}»: «{reviewer}» — имя учителя пишется только с его "
                f"согласием, записанным в data/consent.yml; иначе напишите «{ANONYMOUS_REVIEWER}»",
            )
        )
    found = inventory(project)
    verdicts: list[Verdict] = []
    claimed: dict[str, int] = {}
    for row in rows:
        result = _check_row(found, row, shown)
        if isinstance(result, Problem):
            problems.append(result)
            continue
        where = result.unit.where
        if where in claimed and result.correction is not None:
            problems.append(
                Problem(
                    shown, row.number, f"«{where}» исправлено дважды (и в строке {claimed[where]})"
                )
            )
            continue
        claimed[where] = row.number
        verdicts.append(result)
    if problems:
        raise Problems(sorted(problems, key=lambda p: (p.message.split(":")[0], p.line)))
    outcome = Outcome()
    texts = _apply(project, found, verdicts, reviewer, today, shown, outcome)
    # Every file's new text is ready and checked before the first is written.
    changed = {
        file: text
        for file, text in texts.items()
        if not (project / file).exists() or textfile.read(project / file, file) != text
    }
    # ...and tried, as the build and `make check` would read it.
    broken = trial.problems(project, changed)
    if broken:
        raise Problems([_blame(problem, verdicts, shown) for problem in broken])
    for file, text in changed.items():
        write_text(project / file, text)
    outcome.files = sorted(changed)
    return outcome


def _blame(problem: Problem, verdicts: list[Verdict], shown: str) -> Problem:
    """A problem the import would bring, told at the row most likely to cause
    it: a correction in the same file, nearest to the problem's line; else a
    «да» in that file (a page's review flag); else the first correction."""
    corrected = [v for v in verdicts if v.correction is not None]
    same_file = [v for v in verdicts if v.unit.file == problem.source]
    pool = [v for v in same_file if v.correction is not None] or same_file or corrected or verdicts
    culprit = min(
        pool, key=lambda v: (v.unit.file != problem.source, abs(v.unit.line - problem.line))
    )
    return Problem(
        shown,
        culprit.row.number,
        f"лист «{workbook.SHEET_TITLES[culprit.unit.sheet]}»: после этого исправления сайт "
        f"не пройдёт проверку — {problem}",
    )


def _apply(
    project: Path,
    found: Inventory,
    verdicts: list[Verdict],
    reviewer: str,
    today: date,
    shown: str,
    outcome: Outcome,
) -> dict[str, str]:
    """The new text of every file the verdicts change; raise Problems if a
    change would not read back as intended."""
    texts: dict[str, str] = {}
    by_file: dict[str, list[Verdict]] = {}
    for verdict in verdicts:
        by_file.setdefault(verdict.unit.file, []).append(verdict)
    problems: list[Problem] = []
    for file, items in sorted(by_file.items()):
        source = textfile.read(project / file, file)
        corrections = [v for v in items if v.correction is not None]
        outcome.corrected += len(corrections)
        try:
            if file.startswith("docs/"):
                texts[file] = _page_text(source, corrections)
            elif file.endswith(".html"):
                texts[file] = _template_text(source, corrections)
            else:
                texts[file] = _yaml_text(source, corrections, items, reviewer, today, outcome)
        except _Refused as refused:
            problems.append(Problem(shown, refused.verdict.row.number, refused.message))
    if problems:
        raise Problems(problems)
    _review_flags(project, found, verdicts, reviewer, today, texts, outcome)
    return texts


class _Refused(Exception):
    def __init__(self, verdict: Verdict, message: str) -> None:
        super().__init__(message)
        self.verdict, self.message = verdict, message


def _page_text(source: str, corrections: list[Verdict]) -> str:
    changes: list[tuple[Block, str]] = []
    for verdict in corrections:
        handle = verdict.unit.handle
        assert isinstance(handle, Block)
        changes.append((handle, verdict.final))
    text = apply_blocks(source, changes)
    before, after = page_blocks(source), page_blocks(text)
    wanted = {handle.start: new for handle, new in changes}
    if len(before) != len(after):
        culprit = next(v for v in corrections)
        for verdict in corrections:  # find the correction that changes the page's shape
            alone = page_blocks(apply_blocks(source, [(verdict.unit.handle, verdict.final)]))  # type: ignore[list-item]
            if len(alone) != len(before):
                culprit = verdict
                break
        raise _Refused(
            culprit,
            f"лист «{workbook.SHEET_TITLES[culprit.unit.sheet]}»: исправление меняет разметку "
            "страницы (строка не может начинаться с «-», «#», «>», «1.»)",
        )
    for old, new in zip(before, after, strict=True):
        expected = wanted.get(old.start, old.text)
        if old.kind != new.kind or " ".join(new.text.split()) != " ".join(expected.split()):
            verdict = next((v for v in corrections if v.unit.handle == old), corrections[0])
            raise _Refused(
                verdict,
                f"лист «{workbook.SHEET_TITLES[verdict.unit.sheet]}»: исправление не ложится в "
                "разметку страницы",
            )
    return text


def _template_text(source: str, corrections: list[Verdict]) -> str:
    text = source
    wanted: dict[tuple[str, ...], str] = {}
    for verdict in sorted(corrections, key=lambda v: v.unit.handle.start, reverse=True):  # type: ignore[union-attr]
        handle = verdict.unit.handle
        assert isinstance(handle, TemplateString)
        text = text[: handle.start] + quote(verdict.final) + text[handle.end :]
        wanted[handle.path] = " ".join(verdict.final.split())
    old = {s.path: s.value for s in template_strings(source)}
    new = {s.path: s.value for s in template_strings(text)}
    if new != {**old, **wanted}:
        raise _Refused(corrections[0], "исправление ломает шаблон")
    return text


def _set_in(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


class _AnyTags(yaml.SafeLoader):
    """The safe loader, reading a value with a tag of another tool (mkdocs.yml's
    !ENV, !!python/…) as the plain value it is written as."""


def _untagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_AnyTags.add_multi_constructor("!", _untagged)
_AnyTags.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)


def _load(text: str) -> Any:
    return yaml.load(text, Loader=_AnyTags)  # a safe loader, tags read as text


def _yaml_text(
    source: str,
    corrections: list[Verdict],
    items: list[Verdict],
    reviewer: str,
    today: date,
    outcome: Outcome,
) -> str:
    edits: list[yamledit.Edit] = []
    expected = _load(source)
    for verdict in corrections:
        handle = verdict.unit.handle
        assert isinstance(handle, YamlValue)
        edits.append(yamledit.replace_scalar(source, handle.node, verdict.final, flow=handle.flow))
        old_value = str(handle.node.value)
        tail = "\n" if handle.node.style in ("|", ">") and old_value.endswith("\n") else ""
        _set_in(expected, handle.path, verdict.final + tail)
    confirm = [v for v in items if v.checked and v.unit.sheet == "terms" and not v.unit.reviewed]
    if confirm:
        edits += _confirm_terms(source, confirm, today, expected)
        outcome.terms += [v.unit.ru for v in confirm]
    text = yamledit.apply(source, edits)
    try:
        reread = _load(text)
    except yaml.YAMLError:
        reread = None
    if reread != expected:
        raise _Refused(
            (corrections or confirm)[0], "исправление не читается обратно как то же значение"
        )
    return text


def source_id(today: date) -> str:
    return f"school-{today.isoformat()}"


def _confirm_terms(
    source: str, confirm: list[Verdict], today: date, expected: Any
) -> list[yamledit.Edit]:
    """Edits that confirm the terms by the school's review of `today`."""
    root = yamldata.compose(source)
    assert isinstance(root, yaml.MappingNode)
    sources = next(v for k, v in root.value if k.value == "sources")
    assert isinstance(sources, yaml.SequenceNode)
    known = {item["id"] for item in expected["sources"]}
    ident = source_id(today)
    edits: list[yamledit.Edit] = []
    name = f"школа, {today.strftime('%d.%m.%Y')}"
    if ident not in known:
        lines = [
            f"id: {ident}",
            "name:",
            f"  ru: {yamledit.plain_or_quoted(name)}",
            f"  ce: {yamledit.plain_or_quoted(name)}",
        ]
        edits.append(yamledit.append_item(source, sources, lines))
        expected["sources"].append({"id": ident, "name": {"ru": name, "ce": name}})
    for verdict in confirm:
        handle = verdict.unit.handle
        assert isinstance(handle, YamlValue)
        edits.append(yamledit.insert_key(source, handle.owner, "source", ident))  # an id is plain
        _set_in(expected, (*handle.path[:-1], "source"), ident)
    return edits


def _front_matter(text: str) -> tuple[int, int, str, yaml.MappingNode]:
    """Where a page's front matter is, its text and its node tree."""
    span = front_matter_span(text)
    assert span is not None
    start, end = span
    head = text[start:end]
    root = yamldata.compose(head)
    assert isinstance(root, yaml.MappingNode)
    return start, end, head, root


def _front_matter_flip(text: str, reviewer: str, today: date) -> str:
    """The page with translation_review: reviewed, reviewed_by and reviewed_on."""
    start, end, head, root = _front_matter(text)
    values = {k.value: v for k, v in root.value}
    expected = yaml.safe_load(head)
    edits = [yamledit.replace_scalar(head, values[REVIEW_KEY], "reviewed", flow=False)]
    expected[REVIEW_KEY] = "reviewed"
    # reviewed_on is written as a YAML date, as people write dates there.
    for key, value in (
        ("reviewed_by", yamledit.plain_or_quoted(reviewer)),
        ("reviewed_on", today.isoformat()),
    ):
        if key in values:
            edits.append(
                yamledit.Edit(values[key].start_mark.index, values[key].end_mark.index, value)
            )
        else:
            edits.append(yamledit.insert_key(head, root, key, value))
    expected["reviewed_by"], expected["reviewed_on"] = reviewer, today
    new_head = yamledit.apply(head, _merged(edits))
    assert yaml.safe_load(new_head) == expected
    return text[:start] + new_head + text[end:]


def _merged(edits: list[yamledit.Edit]) -> list[yamledit.Edit]:
    """Inserts at the same place joined into one, in order."""
    out: list[yamledit.Edit] = []
    for edit in edits:
        if out and edit.start == edit.end == out[-1].start == out[-1].end:
            out[-1] = yamledit.Edit(edit.start, edit.end, out[-1].text + edit.text)
        else:
            out.append(edit)
    return out


def _front_matter_unflip(text: str) -> str:
    """The page back to translation_review: needed, without reviewed_by and
    reviewed_on: a text it shows changed since its review."""
    start, end, head, root = _front_matter(text)
    values = {k.value: (k, v) for k, v in root.value}
    expected = yaml.safe_load(head)
    edits = [yamledit.replace_scalar(head, values[REVIEW_KEY][1], "needed", flow=False)]
    expected[REVIEW_KEY] = "needed"
    for key in ("reviewed_by", "reviewed_on"):
        if key in values:
            key_node, value = values[key]
            line_start = head.rfind("\n", 0, key_node.start_mark.index) + 1
            line_end = head.find("\n", yamledit.node_end(head, value))
            edits.append(yamledit.Edit(line_start, len(head) if line_end < 0 else line_end + 1, ""))
            del expected[key]
    new_head = yamledit.apply(head, edits)
    assert yaml.safe_load(new_head) == expected
    return text[:start] + new_head + text[end:]


def _review_flags(
    project: Path,
    found: Inventory,
    verdicts: Iterable[Verdict],
    reviewer: str,
    today: date,
    texts: dict[str, str],
    outcome: Outcome,
) -> None:
    """Record the «да» rows in the ledger, each text by its fingerprint as it
    stands after the corrections, so that a later change to its Chechen or
    Russian wording makes it unreviewed again. A page whose every block is
    reviewed is flagged reviewed (its blocks all go into the ledger); a page
    flagged reviewed whose text changed since goes back to needed."""
    entries = list(found.entries)
    known = {e.text for e in entries}
    final = {v.unit.where: v.final for v in verdicts}
    checked: dict[str, Verdict] = {}
    for verdict in verdicts:
        if verdict.checked and verdict.unit.sheet != "terms" and not verdict.unit.reviewed:
            checked[verdict.unit.where] = verdict
    outcome.checked = len(checked)

    def record(unit: Unit) -> None:
        text = unit.fingerprint_with(final.get(unit.where, unit.ce))
        if text not in known:
            entries.append(ledger.Entry(unit.file, text, unit.where, reviewer, today.isoformat()))
            known.add(text)

    for verdict in checked.values():
        record(verdict.unit)
    for file, page in found.pages.items():
        done = all(u.reviewed or u.where in checked for u in page.units)
        page_text = texts.get(file) or textfile.read(project / file, file)
        if done and any(u.where in checked for u in page.units):
            for unit in page.units:
                record(unit)
            texts[file] = _front_matter_flip(page_text, reviewer, today)
            outcome.pages.append(file)
        elif page.reviewed and not done:
            texts[file] = _front_matter_unflip(page_text)
            outcome.unflagged.append(file)
    if entries != found.entries:
        texts[ledger.LEDGER.as_posix()] = ledger.render(entries)
