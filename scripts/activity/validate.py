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

from .columns import HEADER_ROWS, REQUIRED, Columns, find_columns, header_score, no_header
from .model import FIELDS, Activity, Problem, Problems
from .pseudonyms import is_pseudonym
from .registries import Kind, Registries, year_id
from .sources import READ_ERRORS, Cell, Table, open_table
from .values import (
    EARLIEST,
    BadValue,
    alias_key,
    clean_name,
    clean_text,
    contact_in,
    mixed_letter,
    parse_date,
    teacher_key,
)

# An http(s) address with a host and no spaces: the only links stored.
_WHOLE_URL = re.compile(r"https?://[^\s/?#@]+(?:[/?#]\S*)?", re.IGNORECASE)
# What values.contact_in names, in the coordinator's words.
_CONTACTS = {
    "a phone number": "номер телефона",
    "an e-mail address": "адрес электронной почты",
    "a SNILS number": "номер СНИЛС",
    "a passport number": "номер паспорта",
    "a name with a birth date": "имя с датой рождения",
}


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
        self.today = today or date.today()
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

    def read(
        self,
        source: str,
        sheet: str | None = None,
        into: list[Activity] | None = None,
        label: str | None = None,
        empty_ok: bool = False,
        rejects: list[Rejected] | None = None,
    ) -> Iterator[Problem]:
        """Yield every problem of `source`; add its activities to `into`,
        and its refused rows to `rejects`.

        `label` names the source in problems, when not as it was given; a
        source with no rows is a problem unless `empty_ok`.
        """
        label = label or source
        try:
            with open_table(source, sheet, label) as table:
                yield from self._rows(label, table, into, empty_ok, rejects)
        except Problems as err:
            yield from err.problems

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
        if reasons := _reasons(day, teacher, platform, activity, title, url):
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
    ) -> Iterator[Problem]:
        rows = iter(table.rows)
        try:
            columns, before = self._header(label, table, rows)
        except READ_ERRORS as err:
            yield Problem(label, table.lines_read() or 1, _unreadable(err))
            return
        if isinstance(columns, list):
            yield from columns
            return
        # The hot loop of `check`: locals only, and the slow path for bad rows.
        d, t, p, a, ti, u = astuple(columns)
        width = max(d, t, p, a, ti, u) + 1
        dates, teachers = self._dates, self._teachers
        platforms, activities = self._platforms, self._activities
        lines_read, whole_url = table.lines_read, _WHOLE_URL.fullmatch
        first_seen, uncalendared_days = self._first_seen, self._uncalendared_days
        any_rows = False
        try:
            for row in rows:
                line, before = before + 1, lines_read()
                if len(row) < width:
                    row = [*row, *[""] * (width - len(row))]
                if not (row[d] or row[t] or row[p] or row[a]):
                    continue  # a blank line, or notes in other columns
                any_rows = True
                day, teacher = dates[row[d]], teachers[row[t]]
                platform, activity = platforms[row[p]], activities[row[a]]
                title = clean_text(str(row[ti])) if ti >= 0 else ""
                url = str(row[u]).strip() if u >= 0 else ""
                if (
                    day.__class__ is tuple
                    or teacher.__class__ is tuple
                    or platform.__class__ is tuple
                    or activity.__class__ is tuple
                    or (title and contact_in(title))
                    or (url and not whole_url(url))
                ):
                    reasons = [
                        why for _, why in _reasons(day, teacher, platform, activity, title, url)
                    ]
                    for reason in reasons:
                        yield Problem(label, line, reason)
                    if rejects is not None:
                        cells = tuple(
                            _written(row[i]) if i >= 0 else "" for i in (d, t, p, a, ti, u)
                        )
                        rejects.append(Rejected(label, line, cells, tuple(reasons)))
                    continue
                if teacher not in first_seen:
                    first_seen[teacher] = (label, line)  # type: ignore[index]
                if day in uncalendared_days:
                    self.uncalendared[year_id(day)] += 1  # type: ignore[arg-type]
                if into is not None:
                    # Every verdict above is a value here, not a (message,) tuple.
                    into.append(Activity(day, platform, activity, teacher, title, url))  # type: ignore[arg-type]
        except READ_ERRORS as err:
            yield Problem(label, before + 1, _unreadable(err))
        if not any_rows and not empty_ok:
            yield Problem(label, 1, "под строкой заголовков нет ни одной активности")

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
        name = clean_name(str(cell))
        if not name:
            return ("не указан педагог",)
        # A pseudonym is ours (ten hex digits): its digits are no phone number.
        if is_pseudonym(name):
            return name
        if found := contact_in(name):
            return (
                f"в столбце педагога, похоже, {_CONTACTS.get(found, found)}: "
                "контакты не сохраняются",
            )
        if mixed := mixed_letter(name):
            letter, script = mixed
            return (
                f"в имени «{name}» смешаны латинские и русские буквы: {script} «{letter}»; "
                "наберите имя в одной раскладке",
            )
        return name


def _reasons(
    day: object, teacher: object, platform: object, activity: object, title: str, url: str
) -> list[tuple[str, str]]:
    """Why a row is refused: each cell's field (of FIELDS) and problem, in
    the order of the columns; none for a row that is right."""
    verdicts = zip(FIELDS, (day, teacher, platform, activity), strict=False)
    reasons = [(field, verdict[0]) for field, verdict in verdicts if isinstance(verdict, tuple)]
    if title and (found := contact_in(title)):
        reasons.append(
            ("title", f"в названии, похоже, {_CONTACTS.get(found, found)}: контакты не сохраняются")
        )
    if url and not _WHOLE_URL.fullmatch(url):
        reasons.append(("url", _bad_url(url)))
    return reasons


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
    return f"ссылка «{url}» — неполный адрес"
