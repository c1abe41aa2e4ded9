"""Turn the rows of a source into activities, or into problems with lines.

A source has tens of thousands of rows but few distinct dates, teachers,
platforms and kinds, so each distinct cell is judged once and the verdict
is looked up after that: this keeps `check` close to the speed of reading
the file.

Besides problems, a validator notes what the coordinator should see without
anything being wrong: spellings of one teacher it counts as one
(`merged_names`), and school years that data/terms.yml gives no calendar yet
(`uncalendared`).
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import Any
from urllib.parse import urlsplit

from common import personal_data, site_config
from common.joined import SEPARATOR, Joined

from . import sources
from .columns import (
    HEADER_ROWS,
    REQUIRED,
    Columns,
    find_columns,
    header_score,
    no_header,
    two_row_header,
)
from .mentions import Mentions, masked
from .model import FIELDS, Activity, Problem, Problems
from .names import LogNames, Merged, Parsed, Resolved, Where, abbreviates, resolve
from .registries import Kind, Registries, year_id
from .sources import READ_ERRORS, Cell, Source, Table, csv_error, open_table
from .values import (
    EARLIEST,
    BadValue,
    alias_key,
    clean_name,
    clean_text,
    is_pseudonym,
    mixed_letter,
    one_line,
    parse_date,
    restored,
    teacher_key,
)

# An http(s) address with a host, no spaces and nothing that could end the
# link it is written into (common/urls.py; brackets pass: a report writes
# the link as escaped HTML, where they end nothing): the only links stored.
_URL = r"[hH][tT][tT][pP][sS]?://[^\s/?#@<>\"'`\\\x00]+(?:[/?#][^\s<>\"'`\\\x00]*)?"
_WHOLE_URL = re.compile(_URL)
# Every one of many links joined by SEPARATOR, each empty or whole.
_EVERY_URL = re.compile(f"(?:{_URL})?(?:\x00(?:{_URL})?)*")
_NAMED = (
    "{where}, похоже, фамилия педагога без согласия на публикацию («{masked}»): такие "
    "педагоги хранятся под псевдонимом — сократите {what}, убрав фамилию"
)


@dataclass(frozen=True)
class Rejected:
    """A row refused: where it was, its cells as written, and why."""

    source: str
    line: int
    cells: tuple[str, ...]  # date, teacher, platform, activity, title, url
    reasons: tuple[str, ...]


class Validator:
    """Checks sources against the registries, remembering each verdict.

    A verdict is the value read (a date, a name, an id) or, for a cell that
    is wrong, a 1-tuple with the problem. Dates after `today` are typos.

    `known` are names known besides the sources (data/consent.yml, the log)
    and where; `log` the log's pseudonyms and the key's hasher: with them,
    `finish` tells which spellings name one teacher (activity/names.py).
    """

    def __init__(
        self,
        registries: Registries,
        today: date | None = None,
        known: Mapping[str, Where] | None = None,
        log: LogNames | None = None,
    ) -> None:
        self.registries = registries
        self.today = today or site_config.today()  # the school's date, not the runner's
        self._dates = _Verdicts(self._date)
        self._teachers = _Verdicts(self._teacher)
        self._platforms = _Verdicts(
            _KindJudge(
                ("не указана платформа", "неизвестная платформа"),
                registries.platforms,
                registries.platform_aliases,
            )
        )
        self._activities = _Verdicts(
            _KindJudge(
                ("не указан вид активности", "неизвестный вид активности"),
                registries.activities,
                registries.activity_aliases,
            )
        )
        self._uncalendared_days: set[date] = set()
        self.uncalendared: Counter[str] = Counter()  # year id → activities
        self._first_seen: dict[str, Where] = {}  # spelling → source, line
        self._mentions = Mentions()  # the teachers without consent read so far
        self._consented = [Parsed.of(key) for key in registries.consented]
        self._known = dict(known or {})
        self._log = log
        self._read: list[_Read] = []  # what finish() still needs of each source
        self.resolved = Resolved()
        self.notices: list[Problem] = []  # what is not wrong, but said: rows skipped

    def read(
        self,
        source: Source,
        sheet: str | None = None,
        into: list[Activity] | None = None,
        label: str | None = None,
        empty_ok: bool = False,
        rejects: list[Rejected] | None = None,
    ) -> Iterator[Problem]:
        """Yield every problem of `source`, in the order of its lines; add its
        activities to `into`, and its refused rows to `rejects`.

        `label` names the source in problems, when not as it was given; a
        source with no rows is a problem unless `empty_ok`. Once every
        source is read, `finish` finds what only all of them together tell.
        """
        label = label or str(source)
        try:
            with _collector_paused(), open_table(source, sheet, label) as table:
                problems = self._rows(label, table, into, empty_ok, rejects)
        except Problems as err:
            problems = err.problems
        yield from sorted(problems, key=lambda problem: problem.line)

    def finish(
        self, into: list[Activity] | None = None, rejects: list[Rejected] | None = None
    ) -> list[Problem]:
        """What the sources read tell together: which spellings name one
        teacher (merged_names), the rows of a short name that could be two
        teachers or more (refused, and taken out of `into`), and rows that
        repeat one another (notices)."""
        with _collector_paused():
            return self._finish(into, rejects)

    def _finish(self, into: list[Activity] | None, rejects: list[Rejected] | None) -> list[Problem]:
        self.resolved = resolve(self._first_seen, self._known, self._log)
        problems: list[Problem] = []
        ambiguous = self.resolved.ambiguous
        if ambiguous and any(not ambiguous.keys().isdisjoint(read.teachers) for read in self._read):
            for read in self._read:
                refused = [i for i, teacher in enumerate(read.teachers) if teacher in ambiguous]
                for index in refused:
                    why = _ambiguous(read.teachers[index], ambiguous[read.teachers[index]])
                    problems.append(Problem(read.label, read.lines[index], why))
                    if rejects is not None and read.rows:
                        rejects.append(
                            Rejected(read.label, read.lines[index], read.cells(index), (why,))
                        )
                read.drop(refused, self)
            if into is not None:
                into[:] = [item for item in into if item.teacher not in ambiguous]
            if rejects is not None:
                rejects.sort(key=lambda rejected: (rejected.source, rejected.line))
        self._note_repeats()
        return problems

    def merged_names(self) -> list[Merged]:
        """Every spelling read that counts as a teacher written otherwise
        (first, or in data/consent.yml, or in the log), in the order read."""
        return self.resolved.merged

    def record(
        self, cells: Mapping[str, Cell], at: tuple[str, int]
    ) -> Activity | list[tuple[str, str]]:
        """One activity given field by field (FIELDS; an issue form's answers),
        found at `at` (source, line): the activity, or each field's problem.

        The same judges as a source's rows: every rule of `read` applies.
        """
        day = self._dates[cells.get("date", "")]
        teacher = self._teachers[cells.get("teacher", "")]
        platform = self._platforms[cells.get("platform", "")]
        activity = self._activities[cells.get("activity", "")]
        title = clean_text(str(cells.get("title", "")))
        url = str(cells.get("url", "")).strip()
        reasons = _reasons(day, teacher, platform, activity, title, url)
        named_titles, named_links = self._mentions.find(Joined([title]), Joined([url]))
        if 0 in named_titles:
            reasons.append(("title", _named("в названии", "название", named_titles[0])))
        if 0 in named_links:
            reasons.append(("url", _named("в ссылке", "ссылку", named_links[0])))
        if isinstance(teacher, str) and not is_pseudonym(teacher):
            found = resolve({teacher: at}, self._known, self._log)
            if teacher in found.ambiguous:
                reasons.append(("teacher", _ambiguous(teacher, found.ambiguous[teacher])))
        if reasons:
            return reasons
        self._first_seen.setdefault(teacher, at)  # type: ignore[arg-type]
        if day in self._uncalendared_days:
            self.uncalendared[year_id(day)] += 1  # type: ignore[arg-type]
        # Every verdict is a value here, not a (message,) tuple.
        return Activity(day, platform, activity, teacher, title, url)  # type: ignore[arg-type]

    def _header(
        self, label: str, table: Table, rows: Iterator[Sequence[Cell]]
    ) -> tuple[Columns | list[Problem], int]:
        """The columns named by the header, the first row of the first
        HEADER_ROWS that names every required one, or the first two rows
        that do together (a header over sub-headers, in merged cells); the
        lines read."""
        seen: list[tuple[int, Sequence[Cell]]] = []
        before = table.lines_read()
        for row in rows:
            line, before = before + 1, table.lines_read()
            if header_score(row) == len(REQUIRED):
                return find_columns(label, row, line), before
            if seen and seen[-1][0] == line - 1 and (both := two_row_header(seen[-1][1], row)):
                return find_columns(label, both, line), before
            seen.append((line, row))
            if len(seen) == HEADER_ROWS:
                break
        if not seen:
            return [Problem(label, 1, table.empty)], before
        return no_header(label, seen), before

    def _rows(
        self,
        label: str,
        table: Table,
        into: list[Activity] | None,
        empty_ok: bool,
        rejects: list[Rejected] | None,
    ) -> list[Problem]:
        rows = iter(table.rows)
        try:
            columns, before = self._header(label, table, rows)
        except READ_ERRORS as err:
            return [Problem(label, table.lines_read() or 1, _unreadable(err))]
        if isinstance(columns, list):
            return columns
        problems: list[Problem] = []
        read = _Read(label, columns, keep_rows=rejects is not None, start=len(into or ()))
        any_rows = False
        while True:
            chunk: list[Sequence[Cell]] = []
            failed = None
            try:
                chunk.extend(itertools.islice(rows, _CHUNK))
            except READ_ERRORS as err:
                failed = err
            after = table.lines_read()
            lines = _lines(chunk, before, after)
            if lines and lines[-1] > sources.MAX_ROWS:
                over = bisect.bisect_right(lines, sources.MAX_ROWS)
                problems.append(Problem(label, lines[over], _too_many_rows(sources.MAX_ROWS)))
                chunk, lines, failed = chunk[:over], lines[:over], None
                last = lines[-1] if lines else before
                any_rows |= self._chunk(read, table, chunk, lines, last, problems, rejects)
                break
            any_rows |= self._chunk(read, table, chunk, lines, after, problems, rejects)
            if failed is not None:
                where = _lines([*chunk, ()], before, -1)[-1]  # the line after the last row read
                problems.append(Problem(label, where, _unreadable(failed)))
                break
            if len(chunk) < _CHUNK:
                break
            before = after
        for line, reasons, cells in read.later(self._mentions, self):
            problems.extend(Problem(label, line, reason) for reason in reasons)
            if rejects is not None:
                rejects.append(Rejected(label, line, cells, tuple(reasons)))
        if into is not None:
            into.extend(read.activities())
        read.first_seen(self._first_seen)
        self._read.append(read)
        if rejects is not None:
            rejects.sort(key=lambda rejected: (rejected.source != label, rejected.line))
        if not any_rows and not empty_ok:
            problems.append(Problem(label, 1, "под строкой заголовков нет ни одной активности"))
        return problems

    def _chunk(
        self,
        read: _Read,
        table: Table,
        chunk: list[Sequence[Cell]],
        lines: list[int],
        last: int,
        problems: list[Problem],
        rejects: list[Rejected] | None,
    ) -> bool:
        """Judge a chunk of rows a column at a time (each distinct cell once),
        and keep what passes in `read`; say whether any row was not blank.
        Rows that are wrong take the slow way, one by one."""
        if not chunk:
            return False
        columns = read.columns
        d, t, p, a, ti, u = columns.indexes
        unsafe = _unsafe_rows(table.bad, lines, last) if table.bad else {}
        try:
            days = list(map(self._dates.__getitem__, map(itemgetter(d), chunk)))
            teachers = list(map(self._teachers.__getitem__, map(itemgetter(t), chunk)))
            platforms = list(map(self._platforms.__getitem__, map(itemgetter(p), chunk)))
            activities = list(map(self._activities.__getitem__, map(itemgetter(a), chunk)))
            raw_titles = list(map(itemgetter(ti), chunk)) if ti >= 0 else None
            raw_links = list(map(itemgetter(u), chunk)) if u >= 0 else [""] * len(chunk)
        except IndexError:  # a row shorter than the header: its missing cells are empty
            width = max(d, t, p, a, ti, u) + 1
            chunk = [
                row if len(row) >= width else [*row, *[""] * (width - len(row))] for row in chunk
            ]
            return self._chunk(read, table, chunk, lines, last, problems, rejects)
        texts_only = table.texts_only
        if raw_titles is not None:
            titles, joined_titles = _titles(raw_titles, texts_only)
        else:
            titles, joined_titles = [""] * len(chunk), SEPARATOR * (len(chunk) - 1)
        links, bad_links, joined_links = _links(raw_links, texts_only)
        wrong = set(unsafe) | bad_links
        for column, verdicts in (
            (days, self._dates),
            (teachers, self._teachers),
            (platforms, self._platforms),
            (activities, self._activities),
        ):
            if verdicts.wrong and tuple in map(type, column):
                wrong.update(i for i, verdict in enumerate(column) if verdict.__class__ is tuple)
        blank = 0  # rows without a date, teacher, platform or kind: skipped
        for index in sorted(wrong):
            if index not in unsafe and not any(itemgetter(d, t, p, a)(chunk[index])):
                blank += 1
                if total := _footer(chunk[index]):
                    self.notices.append(Problem(read.label, lines[index], _skipped(total)))
                continue
            if days[index].__class__ is tuple and (total := _footer(chunk[index])):
                self.notices.append(Problem(read.label, lines[index], _skipped(total)))
                continue
            reasons = [
                why
                for _, why in _reasons(
                    days[index],
                    teachers[index],
                    platforms[index],
                    activities[index],
                    titles[index],
                    links[index],
                )
            ]
            if index in unsafe:
                reasons.insert(0, unsafe[index])
            problems.extend(Problem(read.label, lines[index], reason) for reason in reasons)
            if rejects is not None:
                cells = _cells(chunk[index], columns)
                rejects.append(Rejected(read.label, lines[index], cells, tuple(reasons)))
        passing: list[list[Any]] = [
            days,
            teachers,
            platforms,
            activities,
            titles,
            links,
            lines,
            chunk,
        ]
        if wrong:
            passed = [i not in wrong for i in range(len(chunk))]
            passing = [list(itertools.compress(column, passed)) for column in passing]
            joined_titles = SEPARATOR.join(passing[4])
            joined_links = SEPARATOR.join(passing[5])
        if passing[0]:
            read.add(*passing)
            read.joined_titles.append(joined_titles)
            read.joined_links.append(joined_links)
        if self._uncalendared_days:
            passed_days = passing[0]
            for day, count in Counter(
                filter(self._uncalendared_days.__contains__, passed_days)
            ).items():
                self.uncalendared[year_id(day)] += count
        return blank < len(chunk)

    def _note_repeats(self) -> None:
        """A notice for each row that repeats an earlier one exactly: one
        teacher (however spelled), day, platform and kind, the same title and
        link. The log keeps it once (as it keeps once a row whose title
        differs only in case: model.Activity.key).

        Most rows repeat none, which a set of their keys tells at C speed;
        only the rows that do are gone through one by one."""
        identity = self.resolved.of
        seen: dict[tuple[object, ...], Where] = {}  # key → where first read
        for read in self._read:
            ids_of = {teacher: identity(teacher) for teacher in set(read.teachers)}
            if len(self._read) == 1 and len(set(read.titles)) == len(read.titles):
                continue  # no two titles alike, so no two rows
            ids = list(map(ids_of.__getitem__, read.teachers))
            columns = (read.days, read.platforms, read.activities_, ids, read.titles, read.links)
            if len(self._read) == 1 and len(set(zip(*columns, strict=True))) == len(ids):
                continue  # no row repeats another: a set told it, no list of keys made
            keys = list(zip(*columns, strict=True))
            # Within one source, the rows that repeat; else every row, which
            # may repeat one of another source.
            alike = _alike(keys) if len(self._read) == 1 else range(len(keys))
            for index in alike:
                at = (read.label, read.lines[index])
                if (first := seen.setdefault(keys[index], at)) != at:
                    self.notices.append(Problem(*at, _repeats(read.label, first)))

    def _date(self, cell: Cell) -> date | tuple[str]:
        if not str(cell).strip():
            return ("не указана дата",)
        try:
            day = parse_date(cell)
        except BadValue as err:
            return (str(err),)
        if day > self.today:
            return (
                f"{day:%d.%m.%Y} — дата в будущем (сегодня {self.today:%d.%m.%Y}): "
                "проверьте день, месяц и год",
            )
        if day < EARLIEST:
            return (
                f"{day:%d.%m.%Y} — слишком ранняя дата (учёт ведётся с {EARLIEST:%d.%m.%Y}): "
                "проверьте год",
            )
        if not self.registries.year_of(day).calendar:
            self._uncalendared_days.add(day)
        return day

    def _teacher(self, cell: Cell) -> str | tuple[str]:
        name = clean_name(restored(str(cell)))
        if not name:
            return ("не указан педагог",)
        # A pseudonym is ours (ten hex digits): its digits are no phone number.
        if is_pseudonym(name):
            return name
        if found := personal_data.first_kind(name):
            return (f"в столбце педагога, похоже, {found.ru}: контакты не сохраняются",)
        if mixed := mixed_letter(name):
            letter, script = mixed
            return (
                f"в имени «{name}» смешаны латинские и русские буквы: {script} «{letter}»; "
                "наберите имя в одной раскладке",
            )
        if not self._consented_to(name):
            self._mentions.add(name)
        return name

    def _consented_to(self, name: str) -> bool:
        """Whether `name` is, or may stand for, a teacher who consented: such
        a name is not looked for in titles and links."""
        if self.registries.has_consent(name):
            return True
        mine = Parsed.of(teacher_key(name))
        return any(abbreviates(mine, consented) for consented in self._consented)


_CHUNK = 1024  # rows judged a column at a time


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a source is read: its rows
    are many small containers in no cycle (freed as ever when no longer
    used), and a collection over them all, again and again as they pile up,
    would cost a sixth of a check."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _lines(chunk: list[Sequence[Cell]], before: int, after: int) -> list[int]:
    """The line each row of `chunk` starts on: rows read from line `before`+1
    to line `after`. A row takes one line unless a quoted cell holds line
    breaks, which are counted then."""
    if after - before == len(chunk):
        return list(range(before + 1, after + 1))
    lines, line = [], before + 1
    for row in chunk:
        lines.append(line)
        line += 1 + sum(len(_BREAK.findall(cell)) for cell in row if isinstance(cell, str))
    return lines


_BREAK = re.compile("\r\n|\r|\n")


def _unsafe_rows(bad: dict[int, str], lines: list[int], last: int) -> dict[int, str]:
    """Row index → the problem of its first unsafe line, for the rows of a
    chunk (which start on `lines` and end on line `last`) that hold an
    unsafe character."""
    found: dict[int, str] = {}
    for line in sorted(bad):
        if lines and lines[0] <= line <= last:
            found.setdefault(bisect.bisect_right(lines, line) - 1, bad[line])
    return found


def _titles(titles: list[Cell], texts_only: bool) -> tuple[list[str], str]:
    """Titles as the log keeps them (values.clean_text), and joined by
    SEPARATOR: most are tidy already, which one look over them all tells.
    `texts_only`: every cell is a str (CSV), which need not be looked at."""
    if not texts_only and not all(title.__class__ is str for title in titles):
        titles = [_written(title) if title.__class__ is not str else title for title in titles]
    texts: list[str] = titles  # type: ignore[assignment]
    joined = SEPARATOR.join(texts)
    if "'" in joined:
        texts = [restored(text) if text[:1] == "'" else text for text in texts]
        joined = SEPARATOR.join(texts)
    # Tidy: printable (no invisible character, no whitespace but spaces), no
    # runs of spaces, no space at either end.
    if (
        joined.replace(SEPARATOR, "x").isprintable()
        and "  " not in joined
        and SEPARATOR + " " not in joined
        and " " + SEPARATOR not in joined
        and joined.strip(" ") is joined
    ):
        return texts, joined
    texts = [
        text if text.isprintable() and "  " not in text and text.strip() is text else one_line(text)
        for text in texts
    ]
    return texts, SEPARATOR.join(texts)


def _links(links: list[Cell], texts_only: bool) -> tuple[list[str], set[int], str]:
    """Links as the log keeps them (on one line, without spaces around), the
    indexes of those that are no http(s) address, and the links joined by
    SEPARATOR."""
    if not texts_only and not all(link.__class__ is str for link in links):
        links = [str(link) for link in links]
    texts: list[str] = links  # type: ignore[assignment]
    joined = SEPARATOR.join(texts)
    if not joined.isascii() or any(space in joined for space in " \t\r\n\x0b\x0c"):
        texts = [one_line(text) if not text.isascii() else text.strip() for text in texts]
        joined = SEPARATOR.join(texts)
    if _every_url(texts, joined):
        return texts, set(), joined
    whole = _WHOLE_URL.fullmatch
    return texts, {i for i, text in enumerate(texts) if text and not whole(text)}, joined


def _every_url(texts: list[str], joined: str) -> bool:
    """Whether each of `texts` (joined by SEPARATOR in `joined`) is empty or a
    whole http(s) address, as _WHOLE_URL says. Most links are plain ASCII
    addresses, which counts over them all tell many times faster than the
    expression; anything else is left to it."""
    if not joined.isascii() or "@" in joined:
        return _EVERY_URL.fullmatch(joined) is not None
    raw = joined.encode("ascii")
    separated = SEPARATOR.encode("ascii")
    # A space or a control character, or a separator inside a text.
    if raw.translate(None, _PRINTABLE_OR_SEPARATOR) or raw.count(separated) != len(texts) - 1:
        return _EVERY_URL.fullmatch(joined) is not None
    lowered = raw.lower()
    starts = lowered.count(separated + b"http://") + lowered.count(separated + b"https://")
    starts += lowered.startswith((b"http://", b"https://"))
    # Each address starts once, its "://" is the only one, and a host follows it.
    if starts != len(texts) - texts.count("") or lowered.count(b"://") != starts:
        return _EVERY_URL.fullmatch(joined) is not None
    if lowered.endswith(b"://") or any(
        b"://" + after in lowered for after in (separated, b"/", b"?", b"#")
    ):
        return _EVERY_URL.fullmatch(joined) is not None
    return True


# What an ASCII address may hold, and the separator between addresses.
_PRINTABLE_OR_SEPARATOR = bytes(range(0x21, 0x7F)) + SEPARATOR.encode("ascii")


def _alike(keys: list[tuple[object, ...]]) -> Sequence[int]:
    """The indexes of the keys that occur more than once, in order."""
    if len(set(keys)) == len(keys):
        return ()
    shared = {key for key, count in Counter(keys).items() if count > 1}
    return list(itertools.compress(range(len(keys)), map(shared.__contains__, keys)))


def _repeats(label: str, first: Where) -> str:
    where = f"строку {first[1]}" if first[0] == label else f"{first[0]}:{first[1]}"
    return (
        f"замечание: строка повторяет {where} (тот же педагог, дата, платформа, вид, "
        "название и ссылка): в журнал она попадёт один раз"
    )


# A total under the rows, not an activity: «Итого: 9», «Всего», «Total».
_TOTAL = re.compile(r"\s*(итого|итог|всего|total|сумма|количество)\b", re.IGNORECASE)


def _footer(row: Sequence[Cell]) -> str | None:
    """The cell that makes `row` a total under the rows, if it is one."""
    for cell in row:
        if isinstance(cell, str) and cell and _TOTAL.match(cell):
            return one_line(cell)
    return None


def _skipped(total: str) -> str:
    shown = total if len(total) <= 40 else total[:40] + "…"
    return f"замечание: строка итогов «{shown}» пропущена — это не активность"


def _ambiguous(name: str, candidates: list[str]) -> str:
    names = ", ".join(f"«{candidate}»" for candidate in candidates)
    return (
        f"«{name}» может быть любым из педагогов: {names}; напишите имя полностью "
        "(фамилия, имя, отчество), чтобы не посчитать двух педагогов одним"
    )


@dataclass
class _Read:
    """What passed of one source, column by column, for the checks that
    need all of it: personal data and names in titles and links, then
    (Validator.finish) names that may be two teachers and repeated rows."""

    label: str
    columns: Columns
    keep_rows: bool
    start: int
    days: list[date] = field(default_factory=list)
    teachers: list[str] = field(default_factory=list)
    platforms: list[str] = field(default_factory=list)
    activities_: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    rows: list[Sequence[Cell]] = field(default_factory=list)
    # The titles and the links of each chunk, joined by SEPARATOR: joined
    # again, the whole source's, without joining each text once more.
    joined_titles: list[str] = field(default_factory=list)
    joined_links: list[str] = field(default_factory=list)

    def add(self, *columns: list[Any]) -> None:
        days, teachers, platforms, activities, titles, links, lines, rows = columns
        self.days += days
        self.teachers += teachers
        self.platforms += platforms
        self.activities_ += activities
        self.titles += titles
        self.links += links
        self.lines += lines
        if self.keep_rows:
            self.rows += rows

    def activities(self) -> Iterator[Activity]:
        return map(
            Activity,
            self.days,
            self.platforms,
            self.activities_,
            self.teachers,
            self.titles,
            self.links,
        )

    def cells(self, index: int) -> tuple[str, ...]:
        return _cells(self.rows[index], self.columns) if self.rows else ()

    def first_seen(self, seen: dict[str, Where]) -> None:
        """Note where each teacher not seen before was first read."""
        firsts = dict(zip(reversed(self.teachers), reversed(self.lines), strict=True))
        for teacher, line in sorted(firsts.items(), key=lambda item: item[1]):
            seen.setdefault(teacher, (self.label, line))

    def later(
        self, mentions: Mentions, validator: Validator
    ) -> list[tuple[int, list[str], tuple[str, ...]]]:
        """(line, reasons, cells) of each row whose title or link holds
        personal data or names a teacher without consent, in the order read;
        such rows are dropped."""
        joined_titles = Joined(self.titles, SEPARATOR.join(self.joined_titles))
        joined_links = Joined(self.links, SEPARATOR.join(self.joined_links))
        self.joined_titles = self.joined_links = []
        contacts = personal_data.first_kinds(joined_titles)
        link_contacts = personal_data.first_kinds(joined_links, links=True)
        named_titles, named_links = mentions.find(joined_titles, joined_links)
        indexes = sorted(
            contacts.keys() | link_contacts.keys() | named_titles.keys() | named_links.keys()
        )
        refused = []
        for index in indexes:
            reasons = []
            if kind := contacts.get(index):
                reasons.append(_contact("в названии", kind))
            if index in named_titles:
                reasons.append(_named("в названии", "название", named_titles[index]))
            if kind := link_contacts.get(index):
                reasons.append(_contact("в ссылке", kind))
            if index in named_links:
                reasons.append(_named("в ссылке", "ссылку", named_links[index]))
            refused.append((self.lines[index], reasons, self.cells(index)))
        self.drop(indexes, validator)
        return refused

    def drop(self, indexes: Sequence[int], validator: Validator) -> None:
        """Take the rows at `indexes` out of what passed."""
        if not indexes:
            return
        gone = set(indexes)
        for index in gone:
            day = self.days[index]
            if day in validator._uncalendared_days:
                validator.uncalendared[year_id(day)] -= 1
        passed = [i not in gone for i in range(len(self.lines))]
        for name in ("days", "teachers", "platforms", "activities_", "titles", "links", "lines"):
            setattr(self, name, list(itertools.compress(getattr(self, name), passed)))
        if self.rows:
            self.rows = list(itertools.compress(self.rows, passed))


def _reasons(
    day: object, teacher: object, platform: object, activity: object, title: str, url: str
) -> list[tuple[str, str]]:
    """Why a row is refused: each cell's field (of FIELDS) and problem, in
    the order of the columns; none for a row that is right."""
    verdicts = zip(FIELDS, (day, teacher, platform, activity), strict=False)
    reasons = [(field, verdict[0]) for field, verdict in verdicts if isinstance(verdict, tuple)]
    if title and (found := personal_data.first_kind(title)):
        reasons.append(("title", _contact("в названии", found)))
    if url and not _WHOLE_URL.fullmatch(url):
        reasons.append(("url", _bad_url(url)))
    elif url and (found := personal_data.first_kind(url)):
        reasons.append(("url", _contact("в ссылке", found)))
    return reasons


def _contact(where: str, kind: personal_data.Kind) -> str:
    return f"{where}, похоже, {kind.ru}: личные данные не сохраняются — сократите текст"


def _named(where: str, what: str, name: str) -> str:
    return _NAMED.format(where=where, what=what, masked=masked(name))


def _cells(row: Sequence[Cell], columns: Columns) -> tuple[str, ...]:
    """A row's cells as written, in the log's order of fields; a date as
    ДД.ММ.ГГГГ, also one Excel gave as its day number."""
    cells = [_written(row[i]) if i >= 0 else "" for i in columns.indexes]
    day = row[columns.date]
    if isinstance(day, int | float):
        with contextlib.suppress(BadValue):
            cells[0] = _written(parse_date(day))
    return tuple(cells)


def _too_many_rows(limit: int) -> str:
    return f"в таблице больше {limit} строк: разделите её по учебным годам и загрузите по частям"


def _written(cell: Cell) -> str:
    """A cell as a person would type it again."""
    return f"{cell:%d.%m.%Y}" if isinstance(cell, date) else str(cell)


def _unreadable(err: Exception) -> str:
    if isinstance(err, UnicodeDecodeError):
        return "дальше файл не читается: текст не в UTF-8 и не в Windows-1251"
    return f"дальше файл не читается: {csv_error(err)}"


class _Verdicts(dict[Cell, object]):
    """Cell → verdict, judging each distinct cell once; `wrong`: how many
    distinct cells were wrong (until one is, no column need be looked over
    for problems)."""

    def __init__(self, judge: Callable[[Cell], object]) -> None:
        super().__init__()
        self._judge = judge
        self.wrong = 0

    def __missing__(self, cell: Cell) -> object:
        verdict = self[cell] = self._judge(cell)
        if verdict.__class__ is tuple:
            self.wrong += 1
        return verdict


class _KindJudge:
    """Recognises a platform or an activity kind by any of its aliases."""

    def __init__(self, words: tuple[str, str], kinds: list[Kind], aliases: dict[str, str]) -> None:
        self._empty, self._unknown = words
        self._aliases = aliases
        self._known = ", ".join(f"{kind.id} ({kind.name['ru']})" for kind in kinds)

    def __call__(self, cell: Cell) -> str | tuple[str]:
        text = str(cell)
        if not text.strip():
            return (f"{self._empty}; известные: {self._known}",)
        kind = self._aliases.get(alias_key(text))
        if kind is None:
            return (f"{self._unknown} «{clean_text(text)}»; известные: {self._known}",)
        return kind


def _bad_url(url: str) -> str:
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return f"ссылка «{url}» — не адрес http:// или https://"
    if breaking := next((char for char in url if char in "<>\"'`\\"), None):
        return f"ссылка «{url}» — в адресе знак «{breaking}», на нём ссылка оборвётся"
    return f"ссылка «{url}» — неполный адрес"
