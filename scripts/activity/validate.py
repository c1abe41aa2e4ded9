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

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import astuple, dataclass
from datetime import date
from urllib.parse import urlsplit

from common import personal_data, site_config
from common.joined import Joined

from . import sources
from .columns import HEADER_ROWS, REQUIRED, Columns, find_columns, header_score, no_header
from .mentions import Mentions, masked
from .model import FIELDS, Activity, Problem, Problems
from .pseudonyms import is_pseudonym
from .registries import Kind, Registries, year_id
from .sources import READ_ERRORS, Cell, Source, Table, open_table
from .values import (
    EARLIEST,
    BadValue,
    alias_key,
    clean_name,
    clean_text,
    mixed_letter,
    one_line,
    parse_date,
    restored,
    teacher_key,
)

# An http(s) address with a host, no spaces and nothing that could end the
# link it is written into (common/urls.py; brackets pass: a report writes
# the link as escaped HTML, where they end nothing): the only links stored.
_WHOLE_URL = re.compile(r"https?://[^\s/?#@<>\"'`\\]+(?:[/?#][^\s<>\"'`\\]*)?", re.IGNORECASE)
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


@dataclass(frozen=True)
class Merged:
    """A spelling counted as the teacher first written otherwise."""

    spelling: str
    at: tuple[str, int]  # its first source and line
    first: str  # the spelling seen first
    first_at: tuple[str, int]

    def __str__(self) -> str:
        source, line = self.first_at
        where = f"строка {line}" if source == self.at[0] else f"{source}:{line}"
        return (
            f"{self.at[0]}:{self.at[1]}: один педагог: «{self.spelling}» считается тем же, "
            f"что «{self.first}» ({where})"
        )


class Validator:
    """Checks sources against the registries, remembering each verdict.

    A verdict is the value read (a date, a name, an id) or, for a cell that
    is wrong, a 1-tuple with the problem. Dates after `today` are typos.
    """

    def __init__(self, registries: Registries, today: date | None = None) -> None:
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
        self._first_seen: dict[str, tuple[str, int]] = {}  # spelling → source, line
        self._mentions = Mentions()  # the teachers without consent read so far

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
        source with no rows is a problem unless `empty_ok`.
        """
        label = label or str(source)
        try:
            with open_table(source, sheet, label) as table:
                problems = self._rows(label, table, into, empty_ok, rejects)
        except Problems as err:
            problems = err.problems
        yield from sorted(problems, key=lambda problem: problem.line)

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
        if reasons:
            return reasons
        self._first_seen.setdefault(teacher, at)  # type: ignore[arg-type]
        if day in self._uncalendared_days:
            self.uncalendared[year_id(day)] += 1  # type: ignore[arg-type]
        # Every verdict is a value here, not a (message,) tuple.
        return Activity(day, platform, activity, teacher, title, url)  # type: ignore[arg-type]

    def merged_names(self) -> list[Merged]:
        """Every spelling read that counts as a teacher first written otherwise,
        in the order read."""
        first: dict[str, str] = {}
        merged = []
        for spelling, at in self._first_seen.items():
            key = teacher_key(spelling)
            earlier = first.setdefault(key, spelling)
            if earlier != spelling:
                merged.append(Merged(spelling, at, earlier, self._first_seen[earlier]))
        return merged

    def _header(
        self, label: str, table: Table, rows: Iterator[Sequence[Cell]]
    ) -> tuple[Columns | list[Problem], int]:
        """The columns named by the header, the first row of the first
        HEADER_ROWS that names every required one; and the lines read."""
        seen: list[tuple[int, Sequence[Cell]]] = []
        before = table.lines_read()
        for row in rows:
            line, before = before + 1, table.lines_read()
            if header_score(row) == len(REQUIRED):
                return find_columns(label, row, line), before
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
        # Titles and links of the rows that passed: personal data and names in
        # them are looked for at the end, in one pass over them all.
        later = _Later(into)
        passed_lines, passed_titles, passed_links = (
            later.lines.append,
            later.titles.append,
            later.links.append,
        )
        passed_rows = later.rows.append
        # The hot loop of `check`: locals only, and the slow path for bad rows.
        d, t, p, a, ti, u = astuple(columns)
        width = max(d, t, p, a, ti, u) + 1
        dates, teachers = self._dates, self._teachers
        platforms, activities = self._platforms, self._activities
        lines_read, whole_url, bad_lines = table.lines_read, _WHOLE_URL.fullmatch, table.bad
        first_seen, uncalendared_days = self._first_seen, self._uncalendared_days
        max_rows = sources.MAX_ROWS
        any_rows = False
        try:
            for row in rows:
                line, before = before + 1, lines_read()
                if before > max_rows:
                    problems.append(Problem(label, line, _too_many_rows(max_rows)))
                    break
                if len(row) < width:
                    row = [*row, *[""] * (width - len(row))]
                unsafe = bad_lines and _unsafe_in(bad_lines, line, before)
                if not (row[d] or row[t] or row[p] or row[a] or unsafe):
                    continue  # a blank line, or notes in other columns
                any_rows = True
                day, teacher = dates[row[d]], teachers[row[t]]
                platform, activity = platforms[row[p]], activities[row[a]]
                # What values.clean_text does, with the fast way first: most
                # titles are tidy already, and most links are ASCII.
                title = row[ti] if ti >= 0 else ""
                if title:
                    if title.__class__ is not str:
                        title = str(title)  # a date cell of an XLSX
                    if title.startswith("'"):
                        title = restored(title)
                    # Tidy already, most often: a printable text holds no
                    # whitespace but spaces, and no invisible character.
                    if not (title.isprintable() and "  " not in title and title.strip() is title):
                        title = one_line(title)
                url = str(row[u]).strip() if u >= 0 else ""
                if not url.isascii():
                    url = one_line(url)
                if (
                    day.__class__ is tuple
                    or teacher.__class__ is tuple
                    or platform.__class__ is tuple
                    or activity.__class__ is tuple
                    or (url and not whole_url(url))
                    or unsafe
                ):
                    reasons = [
                        why for _, why in _reasons(day, teacher, platform, activity, title, url)
                    ]
                    if unsafe:
                        reasons.insert(0, unsafe)
                    problems.extend(Problem(label, line, reason) for reason in reasons)
                    if rejects is not None:
                        rejects.append(Rejected(label, line, _cells(row, columns), tuple(reasons)))
                    continue
                if teacher not in first_seen:
                    first_seen[teacher] = (label, line)  # type: ignore[index]
                if day in uncalendared_days:
                    self.uncalendared[year_id(day)] += 1  # type: ignore[arg-type]
                if into is not None:
                    # Every verdict above is a value here, not a (message,) tuple.
                    into.append(Activity(day, platform, activity, teacher, title, url))  # type: ignore[arg-type]
                passed_lines(line)
                passed_titles(title)
                passed_links(url)
                if rejects is not None:
                    passed_rows(row)
        except READ_ERRORS as err:
            problems.append(Problem(label, before + 1, _unreadable(err)))
        for line, reasons, row in later.refused(self._mentions):
            problems.extend(Problem(label, line, reason) for reason in reasons)
            if rejects is not None:
                rejects.append(Rejected(label, line, _cells(row, columns), tuple(reasons)))
        for day in later.dropped_days:
            if day in uncalendared_days:
                self.uncalendared[year_id(day)] -= 1
        if rejects is not None:
            rejects.sort(key=lambda rejected: (rejected.source != label, rejected.line))
        if not any_rows and not empty_ok:
            problems.append(Problem(label, 1, "под строкой заголовков нет ни одной активности"))
        return problems

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
        if not self.registries.has_consent(name):
            self._mentions.add(name)
        return name


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


class _Later:
    """The titles and links of the rows that passed every other check, read
    at the end of a source in one pass each for personal data and for the
    surnames of teachers without consent. A row refused then leaves `into`
    again.

    The k-th row passed is into[start + k]: each added one activity."""

    def __init__(self, into: list[Activity] | None) -> None:
        self.into = into
        self.start = len(into) if into is not None else 0
        self.lines: list[int] = []
        self.titles: list[str] = []
        self.links: list[str] = []
        self.rows: list[Sequence[Cell]] = []  # their cells, for a list of refused rows
        self.dropped_days: list[date] = []

    def refused(self, mentions: Mentions) -> list[tuple[int, list[str], Sequence[Cell]]]:
        """(line, reasons, cells) of each row refused, in the order read."""
        titles, links = self.titles, self.links
        joined_titles, joined_links = Joined(titles), Joined(links)
        contacts = personal_data.first_kinds(joined_titles)
        link_contacts = personal_data.first_kinds(joined_links, links=True)
        named_titles, named_links = mentions.find(joined_titles, joined_links)
        refused = []
        indexes = sorted(
            contacts.keys() | link_contacts.keys() | named_titles.keys() | named_links.keys()
        )
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
            line = self.lines[index]
            refused.append((line, reasons, self.rows[index] if self.rows else ()))
        if self.into is not None:
            for index in reversed(indexes):
                self.dropped_days.append(self.into.pop(self.start + index).date)
        return refused


def _named(where: str, what: str, name: str) -> str:
    return _NAMED.format(where=where, what=what, masked=masked(name))


def _unsafe_in(bad: dict[int, str], first: int, last: int) -> str | None:
    """The problem of the first unsafe line of a row (lines `first`–`last`)."""
    for line in range(first, last + 1):
        if line in bad:
            return bad[line]
    return None


def _cells(row: Sequence[Cell], columns: Columns) -> tuple[str, ...]:
    """A row's cells as written, in the log's order of fields."""
    return tuple(_written(row[i]) if i >= 0 else "" for i in astuple(columns))


def _too_many_rows(limit: int) -> str:
    return f"в таблице больше {limit} строк: разделите её по учебным годам и загрузите по частям"


def _written(cell: Cell) -> str:
    """A cell as a person would type it again."""
    return f"{cell:%d.%m.%Y}" if isinstance(cell, date) else str(cell)


def _unreadable(err: Exception) -> str:
    if isinstance(err, UnicodeDecodeError):
        return "дальше файл не читается: текст не в UTF-8 и не в Windows-1251"
    if "field larger than field limit" in str(err):
        return "дальше файл не читается: ячейка длиннее допустимого (возможно, не закрыта кавычка)"
    return f"дальше файл не читается: {err}"


class _Verdicts(dict[Cell, object]):
    """Cell → verdict, judging each distinct cell once."""

    def __init__(self, judge: Callable[[Cell], object]) -> None:
        super().__init__()
        self._judge = judge

    def __missing__(self, cell: Cell) -> object:
        verdict = self[cell] = self._judge(cell)
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
