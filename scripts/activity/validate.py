"""Turn the rows of a source into activities, or into problems with lines.

A source has tens of thousands of rows but few distinct dates, teachers,
platforms and kinds, so each distinct cell is judged once and the verdict
is looked up after that: this keeps `check` close to the speed of reading
the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import astuple
from datetime import date
from urllib.parse import urlsplit

from .columns import find_columns
from .model import Activity, Problem, Problems
from .registries import Kind, Registries
from .sources import Cell, open_table
from .values import BadValue, alias_key, clean_text, contact_in, parse_date


class Validator:
    """Checks sources against the registries, remembering each verdict."""

    def __init__(self, registries: Registries) -> None:
        self.registries = registries
        self._dates: dict[Cell, date | str] = {}
        self._teachers: dict[Cell, str | tuple[str]] = {}
        self._platforms = _KindReader("platform", registries.platforms, registries.platform_aliases)
        self._activities = _KindReader(
            "activity", registries.activities, registries.activity_aliases
        )

    def read(
        self,
        source: str,
        sheet: str | None = None,
        into: list[Activity] | None = None,
        label: str | None = None,
    ) -> Iterator[Problem]:
        """Yield every problem of `source`; add its activities to `into`.

        `label` names the source in problems, when not as it was given.
        """
        label = label or source
        try:
            with open_table(source, sheet, label) as table:
                columns = find_columns(label, table.header)
                if isinstance(columns, list):
                    yield from columns
                    return
                yield from self._rows(label, table.rows, columns, into)
        except Problems as err:
            yield from err.problems

    def _rows(self, source, rows, columns, into) -> Iterator[Problem]:
        d, t, p, a, ti, u = astuple(columns)
        width = max(d, t, p, a, ti, u) + 1
        dates, teachers = self._dates, self._teachers
        platform_of, activity_of = self._platforms.get, self._activities.get
        any_rows = False
        for line, row in rows:
            if len(row) < width:
                row = [*row, *[""] * (width - len(row))]
            if not (row[d] or row[t] or row[p] or row[a]):
                continue  # a blank line, or one with notes in other columns
            any_rows = True
            problems = []
            day = dates.get(row[d])
            if day is None:
                day = dates[row[d]] = self._date(row[d])
            if day.__class__ is str:
                problems.append(day)
            teacher = teachers.get(row[t])
            if teacher is None:
                teacher = teachers[row[t]] = self._teacher(row[t])
            if teacher.__class__ is tuple:
                problems.append(teacher[0])
            platform = platform_of(row[p])
            if platform[0] is None:
                problems.append(platform[1])
            activity = activity_of(row[a])
            if activity[0] is None:
                problems.append(activity[1])
            title = clean_text(str(row[ti])) if ti >= 0 else ""
            if title and (found := contact_in(title)):
                problems.append(f"the title seems to hold {found}: contacts are never stored")
            url = str(row[u]).strip() if u >= 0 else ""
            if url and (bad := _bad_url(url)):
                problems.append(bad)
            if problems:
                for message in problems:
                    yield Problem(source, line, message)
            elif into is not None:
                into.append(Activity(day, platform[0], activity[0], teacher, title, url))
        if not any_rows:
            yield Problem(source, 1, "no activity rows under the header")

    def _date(self, cell: Cell) -> date | str:
        if cell == "":
            return "the date is empty"
        try:
            day = parse_date(cell)
        except BadValue as err:
            return str(err)
        if self.registries.term_of(day) is None:
            return f"{day:%d.%m.%Y} is in no term of data/terms.yml"
        return day

    def _teacher(self, cell: Cell) -> str | tuple[str]:
        """The teacher's name on one line, or a 1-tuple with the problem."""
        name = clean_text(str(cell))
        if not name:
            return ("the teacher is empty",)
        if found := contact_in(name):
            return (f"the teacher column seems to hold {found}: contacts are never stored",)
        return name


class _KindReader:
    """Recognises a platform or an activity kind by any of its aliases."""

    def __init__(self, what: str, kinds: list[Kind], aliases: dict[str, str]) -> None:
        self._what = what
        self._aliases = aliases
        self._known = ", ".join(f"{kind.id} ({kind.name['ru']})" for kind in kinds)
        self._seen: dict[Cell, tuple[str | None, str]] = {}

    def get(self, cell: Cell) -> tuple[str | None, str]:
        """(id, "") for a known cell; (None, the problem) for another."""
        verdict = self._seen.get(cell)
        if verdict is None:
            verdict = self._seen[cell] = self._judge(str(cell))
        return verdict

    def _judge(self, text: str) -> tuple[str | None, str]:
        if not text.strip():
            return None, f"the {self._what} is empty; known: {self._known}"
        kind = self._aliases.get(alias_key(text))
        if kind is None:
            return None, f"unknown {self._what} «{clean_text(text)}»; known: {self._known}"
        return kind, ""


def _bad_url(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return f"the link «{url}» is not an http:// or https:// address"
    if not parts.netloc or any(c.isspace() for c in url):
        return f"the link «{url}» is not a whole address"
    return None
