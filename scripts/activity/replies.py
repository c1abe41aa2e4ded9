"""What the GitHub workflows post, in Russian, for teachers and the coordinator.

    issue_reply    the one reply to a report issue (report-intake.yml): either
                   «принято к проверке» with the activity as it will be
                   stored, or the problems and how to edit the issue. MARKER,
                   a hidden line, is how the workflow finds the reply to edit it.
    pull_request   the description of the one pull request that adds rows to
                   the log (branch activity/intake, both workflows): a
                   «Closes #N» line for each report issue it carries, the new
                   rows, each touched term's counts before and after, and the
                   spreadsheet rows refused.

The issue is public and shows the teacher's name, so nothing posted shows
the teacher of a row: not the pseudonym, which would tie the name to every
row the log keeps under it, and not a name. A row is shown by its date,
platform, kind and title (`listed`). A refused spreadsheet row is told by
its line, column and a generic reason (activity/refusals.py), never by a
cell's value, and the spreadsheet's address never (it is a secret).
Everything that came from a teacher goes into code blocks: GitHub then
shows it as it is, with no Markdown, no HTML, no @mention and no #reference
made of it. Long lists are cut at SHOWN. The templates are beside this
module, in templates/.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from render.mdtext import cell
from render.templating import render_template

from . import log as activity_log
from .issue_form import Form, Report, read_bounded, visible
from .model import Activity, Problem, Problems
from .refusals import generic
from .registries import Registries
from .sources import csv_error as _csv_error
from .summary import Counts, lines, summarise_years

MARKER = "<!-- stats.py from-issue: the reply to this report -->"
TEMPLATES = Path(__file__).parent / "templates"
SHOWN = 50  # rows and refusals listed in a description; the rest are counted
MAX_REJECTS = 1 << 20  # bytes of a list of refused rows read back
REASON, WHERE = "Причина", "Откуда"  # the columns stats.py pull adds to refused rows


@dataclass(frozen=True)
class Refused:
    """A spreadsheet row refused: its line there, and the columns and
    generic reasons (refusals.generic) that may be published."""

    line: str
    reasons: tuple[str, ...]


def issue_reply(report: Report, form: Form, registries: Registries) -> str:
    """The reply to the report issue: accepted for review, or what to fix."""
    activity = report.activity
    return render_template(
        "issue-reply.md.jinja",
        folder=TEMPLATES,
        marker=MARKER,
        row=_fenced(listed([activity], registries)) if activity else "",
        named=bool(activity and registries.consent_name(activity.teacher)),
        problems=_fenced(
            f"«{p.field}»: {p.message}" if p.field else p.message for p in report.problems
        ),
        first=form.fields[0].label,
    )


def pull_request(
    before: activity_log.Log,
    after: activity_log.Log,
    registries: Registries,
    refused: list[Refused],
    closes: Sequence[int] = (),
) -> str:
    """The description of the pull request that turns `before` into `after`."""
    old = [] if before.example else before.activities
    known = {activity.key() for activity in old}
    new = [activity for activity in after.activities if activity.key() not in known]
    return render_template(
        "pull-request.md.jinja",
        folder=TEMPLATES,
        closes=sorted(set(closes)),
        example=before.example and bool(before.activities),
        new=len(new),
        rows=_fenced(listed(new[:SHOWN], registries)) if new else "",
        refused=len(refused),
        refusals=_fenced(f"строка {r.line}: {'; '.join(r.reasons)}" for r in refused[:SHOWN]),
        shown=SHOWN,
        periods=_periods(registries, old, after.activities, new),
    )


def read_refused(path: Path) -> list[Refused]:
    """The rows `stats.py pull --rejects` wrote to `path`, each by its line
    and what may be published of its reasons; raise Problems if it is not
    such a list."""
    shown = str(path)
    data = read_bounded(path, MAX_REJECTS, f"файл больше {MAX_REJECTS // 2**20} МБ")
    text = data.decode("utf-8-sig", errors="replace")
    # Written with semicolons (export.csv_bytes); with commas once saved elsewhere.
    head = text.partition("\n")[0]
    delimiter = ";" if head.count(";") >= head.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as err:
        raise Problems(
            [Problem(shown, 1, f"файл не читается как CSV ({_csv_error(err)})")]
        ) from None
    header = rows[0] if rows else []
    if REASON not in header or WHERE not in header:
        raise Problems(
            [Problem(shown, 1, f"нет столбцов «{REASON}» и «{WHERE}»: это не список отказов")]
        )
    reason, where = header.index(REASON), header.index(WHERE)
    refused = []
    for row in rows[1:]:
        if len(row) != len(header):
            continue
        line = row[where].rsplit(":", 1)[-1]  # the source is a secret address
        refused.append(Refused(line if line.isdigit() else "?", tuple(generic(row[reason]))))
    return refused


def listed(activities: Iterable[Activity], registries: Registries) -> list[str]:
    """Each activity as it may be shown in public: its date, platform, kind
    and title, never its teacher (a name, or a pseudonym that a public issue
    would tie to a name)."""
    platforms = {kind.id: kind.name["ru"] for kind in registries.platforms}
    kinds = {kind.id: kind.name["ru"] for kind in registries.activities}
    return [
        " · ".join(
            part
            for part in (
                f"{item.date:%d.%m.%Y}",
                platforms.get(item.platform, item.platform),
                kinds.get(item.activity, item.activity),
                item.title,
            )
            if part
        )
        for item in activities
    ]


def _periods(
    registries: Registries, old: list[Activity], now: list[Activity], new: list[Activity]
) -> list[dict[str, object]]:
    """Each term (or, without a calendar, school year) the new rows fall in:
    its name and its counts, before and after."""
    years_before = {y.year.id: y for y in summarise_years(registries, old)}
    periods: dict[str, tuple[str, Counts, Counts | None]] = {}
    for year in summarise_years(registries, now):
        days = {activity.date for activity in new if activity.date in year.year}
        for term in year.terms:
            if any(day in term.term for day in days):
                before = years_before.get(year.year.id)
                was = (
                    next((t for t in before.terms if t.term.id == term.term.id), None)
                    if before
                    else None
                )
                periods[term.term.id] = (term.term.name["ru"], term, was)
        if days and not year.terms:
            periods[year.year.id] = (
                f"{year.year.name} учебный год",
                year,
                years_before.get(year.year.id),
            )
    return [
        {"name": cell(name), "rows": _count_rows(registries, after, before)}
        for name, after, before in periods.values()
    ]


def _count_rows(registries: Registries, after: Counts, before: Counts | None) -> list[list[str]]:
    """Показатель, было, стало: the totals, then each platform and kind that has any."""
    rows = [
        ["Участий", before.activities if before else 0, after.activities],
        ["Педагогов", before.teachers if before else 0, after.teachers],
    ]
    for field in ("platform", "activity"):
        rows += [
            [line.kind.name["ru"], line.previous or 0, line.activities]
            for line in lines(field, after, before, registries)
            if line.activities or line.previous
        ]
    return [[cell(str(name)), str(was), str(now)] for name, was, now in rows]


def _fenced(lines_: Iterable[str]) -> str:
    """A code block of `lines_`, fenced so that nothing in them can end it."""
    text = "\n".join(visible(line) for line in lines_)
    if not text:
        return ""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"
