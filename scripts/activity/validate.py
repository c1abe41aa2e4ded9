"""Turn the rows of a source into activities, or into problems with lines.

A source has tens of thousands of rows but few distinct dates, teachers,
platforms and kinds, so each distinct cell is judged once and the verdict
is looked up after that: this keeps `check` close to the speed of reading
the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import astuple
from datetime import date
from urllib.parse import urlsplit

from .columns import Columns, find_columns
from .model import Activity, Problem, Problems
from .pseudonyms import is_pseudonym
from .registries import Kind, Registries
from .sources import READ_ERRORS, Cell, Table, open_table
from .values import BadValue, alias_key, clean_text, contact_in, parse_date

# An http(s) address with a host and no spaces: the only links stored.
_WHOLE_URL = re.compile(r"https?://[^\s/?#@]+(?:[/?#]\S*)?", re.IGNORECASE)


class Validator:
    """Checks sources against the registries, remembering each verdict.

    A verdict is the value read (a date, a name, an id) or, for a cell that
    is wrong, a 1-tuple with the problem.
    """

    def __init__(self, registries: Registries) -> None:
        self.registries = registries
        self._dates = _Verdicts(self._date)
        self._teachers = _Verdicts(self._teacher)
        self._platforms = _Verdicts(
            _KindJudge("platform", registries.platforms, registries.platform_aliases)
        )
        self._activities = _Verdicts(
            _KindJudge("activity", registries.activities, registries.activity_aliases)
        )

    def read(
        self,
        source: str,
        sheet: str | None = None,
        into: list[Activity] | None = None,
        label: str | None = None,
        empty_ok: bool = False,
    ) -> Iterator[Problem]:
        """Yield every problem of `source`; add its activities to `into`.

        `label` names the source in problems, when not as it was given; a
        source with no rows is a problem unless `empty_ok`.
        """
        label = label or source
        try:
            with open_table(source, sheet, label) as table:
                columns = find_columns(label, table.header)
                if isinstance(columns, list):
                    yield from columns
                    return
                yield from self._rows(label, table, columns, into, empty_ok)
        except Problems as err:
            yield from err.problems

    def _rows(
        self,
        label: str,
        table: Table,
        columns: Columns,
        into: list[Activity] | None,
        empty_ok: bool,
    ) -> Iterator[Problem]:
        # The hot loop of `check`: locals only, and the slow path for bad rows.
        d, t, p, a, ti, u = astuple(columns)
        width = max(d, t, p, a, ti, u) + 1
        dates, teachers = self._dates, self._teachers
        platforms, activities = self._platforms, self._activities
        lines_read, whole_url = table.lines_read, _WHOLE_URL.fullmatch
        before = lines_read()
        any_rows = False
        try:
            for row in table.rows:
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
                    for message in (day, teacher, platform, activity):
                        if message.__class__ is tuple:
                            yield Problem(label, line, message[0])
                    if title and (found := contact_in(title)):
                        yield Problem(
                            label,
                            line,
                            f"the title seems to hold {found}: contacts are never stored",
                        )
                    if url and not whole_url(url):
                        yield Problem(label, line, _bad_url(url))
                elif into is not None:
                    # Every verdict above is a value here, not a (message,) tuple.
                    into.append(Activity(day, platform, activity, teacher, title, url))  # type: ignore[arg-type]
        except READ_ERRORS as err:
            yield Problem(label, before + 1, f"cannot read the rest of the file: {err}")
        if not any_rows and not empty_ok:
            yield Problem(label, 1, "no activity rows under the header")

    def _date(self, cell: Cell) -> date | tuple[str]:
        if cell == "":
            return ("the date is empty",)
        try:
            day = parse_date(cell)
        except BadValue as err:
            return (str(err),)
        if self.registries.term_of(day) is None:
            return (f"{day:%d.%m.%Y} is in no term of data/terms.yml",)
        return day

    def _teacher(self, cell: Cell) -> str | tuple[str]:
        name = clean_text(str(cell))
        if not name:
            return ("the teacher is empty",)
        # A pseudonym is ours (ten hex digits): its digits are no phone number.
        if not is_pseudonym(name) and (found := contact_in(name)):
            return (f"the teacher column seems to hold {found}: contacts are never stored",)
        return name


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

    def __init__(self, what: str, kinds: list[Kind], aliases: dict[str, str]) -> None:
        self._what = what
        self._aliases = aliases
        self._known = ", ".join(f"{kind.id} ({kind.name['ru']})" for kind in kinds)

    def __call__(self, cell: Cell) -> str | tuple[str]:
        text = str(cell)
        if not text.strip():
            return (f"the {self._what} is empty; known: {self._known}",)
        kind = self._aliases.get(alias_key(text))
        if kind is None:
            return (f"unknown {self._what} «{clean_text(text)}»; known: {self._known}",)
        return kind


def _bad_url(url: str) -> str:
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return f"the link «{url}» is not an http:// or https:// address"
    return f"the link «{url}» is not a whole address"
