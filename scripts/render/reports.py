"""The report pages, rendered from the canonical log before MkDocs runs.

In each language, for each school year and each term with activity, a page
at docs/<lang>/reports/<id>.md (git ignores them):

- a term: totals, tables and charts by platform and by activity kind, the
  change against the previous term, its holidays, the materials of teachers
  who consented to be named;
- a year (01.09–31.08): totals, each term and the holidays within it, by
  platform and by kind, the change against the year before; a year that
  data/terms.yml has no calendar for says its term dates are not entered.

Both carry the text people write in docs/<lang>/reports/notes/<id>.md, and
«Предварительные данные» while their period has not ended. Snippets go to
docs/.generated/ for the pages that include them:

    --8<-- "reports-years.ru.md"     the years, newest first, with their terms (/reports/)
    --8<-- "reports-trend.ru.md"     every term so far, as a chart and a table (/reports/)
    --8<-- "reports-periods.ru.md"   the rule of the reporting periods (/reports/, /policy/)

The open data, /reports/summary.json (what `stats.py summary --json`
prints) and /reports/summary.csv (the same counts), is written to the
default language's docs/<lang>/reports/.

Everything that comes from a spreadsheet is escaped: a title cannot add an
element to a page or break a table, and only http(s) links are made.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from activity import labels as report_labels
from activity import log as activity_log
from activity import registries as registry
from activity.labels import Labels
from activity.model import Activity
from activity.registries import Registries
from activity.summary import (
    Counts,
    Line,
    TermSummary,
    YearSummary,
    as_json,
    lines,
    summarise_years,
    with_activity,
)
from common import site_config, textfile
from common.problem import Problem, Problems
from common.site_config import LANGS
from render import mdtext
from render.charts import Group, bar_chart
from render.core import GENERATED, NOTICE, is_generated
from render.mdtext import markdown_text

NOTES = "docs/{lang}/reports/notes"
OPEN_DATA = Path("docs", LANGS[0], "reports")  # published at /reports/


@dataclass(frozen=True)
class Reports:
    """All a report page is made from."""

    registries: Registries
    labels: dict[str, Labels]
    activities: list[Activity]
    example: bool
    years: list[YearSummary]
    notes: dict[tuple[str, str], str]  # (lang, term or year id) → Markdown people wrote
    today: date

    @property
    def summaries(self) -> list[TermSummary]:
        """Every term with a calendar, in order."""
        return [term for year in self.years for term in year.terms]

    def previous(self, summary: TermSummary) -> TermSummary | None:
        """The summary of the term before, with activity or not."""
        summaries = self.summaries
        index = summaries.index(summary)
        return summaries[index - 1] if index else None

    def previous_year(self, summary: YearSummary) -> YearSummary | None:
        """The school year just before, if the reports have it."""
        index = self.years.index(summary)
        before = self.years[index - 1] if index else None
        return before if before and before.year.first == summary.year.first - 1 else None

    def preliminary(self, end: date) -> bool:
        """A period that has not ended yet: its numbers will change."""
        return end >= self.today


def render(project: Path) -> dict[Path, str]:
    """The renderer: every report page, snippet and open-data file of `project`."""
    data = project / "data"
    registries = registry.load(data)
    labels = report_labels.load(data)
    log = activity_log.read(data, registries, label="data/activity-log.csv")
    years = summarise_years(registries, log.activities)
    reports = Reports(
        registries,
        labels,
        log.activities,
        log.example,
        years,
        _notes(project, registries, years),
        site_config.today(project=project),
    )
    outputs: dict[Path, str] = {
        OPEN_DATA / "summary.json": as_json(years),
        OPEN_DATA / "summary.csv": open_data_csv(years),
    }
    shown = with_activity(reports.summaries)
    shown_years = with_activity(years)
    for lang in LANGS:
        outputs[GENERATED / f"reports-trend.{lang}.md"] = trend(reports, lang)
        outputs[GENERATED / f"reports-years.{lang}.md"] = years_list(reports, lang)
        outputs[GENERATED / f"reports-periods.{lang}.md"] = periods_rule(reports, lang)
        for index, summary in enumerate(shown):
            before = shown[index - 1] if index else None
            after = shown[index + 1] if index + 1 < len(shown) else None
            path = _page(project, lang, summary.term.id)
            outputs[path] = term_page(reports, summary, lang, (before, after))
        for index, year in enumerate(shown_years):
            before_year = shown_years[index - 1] if index else None
            after_year = shown_years[index + 1] if index + 1 < len(shown_years) else None
            path = _page(project, lang, year.year.id)
            outputs[path] = year_page(reports, year, lang, (before_year, after_year))
    return outputs


def _page(project: Path, lang: str, report_id: str) -> Path:
    path = Path("docs", lang, "reports", f"{report_id}.md")
    _refuse_hand_written(project, path, report_id, lang)
    return path


def _notes(
    project: Path, registries: Registries, years: list[YearSummary]
) -> dict[tuple[str, str], str]:
    known = [year.year.id for year in years] + [term.id for term in registries.terms]
    notes: dict[tuple[str, str], str] = {}
    problems: list[Problem] = []
    for lang in LANGS:
        folder = project / NOTES.format(lang=lang)
        for path in sorted(folder.glob("*.md")) if folder.is_dir() else ():
            shown = path.relative_to(project).as_posix()
            if path.name.lower() == "readme.md":
                continue
            if path.stem not in known:
                problems.append(
                    Problem(
                        shown,
                        1,
                        f"нет четверти или учебного года {path.stem} в data/terms.yml и "
                        f"журнале; назовите файл как отчёт: {', '.join(sorted(known))}",
                    )
                )
                continue
            try:
                notes[lang, path.stem] = textfile.read(path, shown).strip()
            except Problems as err:
                problems.extend(err.problems)
    if problems:
        raise Problems(problems)
    return notes


def _refuse_hand_written(project: Path, path: Path, report_id: str, lang: str) -> None:
    if (project / path).exists() and not is_generated(textfile.read(project / path, str(path))):
        raise Problems(
            [
                Problem(
                    str(path),
                    1,
                    f"страница написана вручную там, где создаётся отчёт {report_id}: "
                    f"перенесите её текст в {NOTES.format(lang=lang)}/{report_id}.md",
                )
            ]
        )


def term_page(
    reports: Reports,
    summary: TermSummary,
    lang: str,
    neighbours: tuple[TermSummary | None, TermSummary | None],
) -> str:
    labels = reports.labels[lang]
    term = summary.term
    name = term.name[lang]
    previous = reports.previous(summary)
    previous_name = previous.term.name[lang] if previous else None
    year = reports.registries.year(term.year)
    parts = _head(reports, summary, lang, name)
    if days := term.holidays:
        parts.append(
            markdown_text(labels["holidays_period"].format(start=_day(days[0]), end=_day(days[1])))
        )
    parts += _totals_section(labels, summary, previous, previous_name)
    parts += _kind_sections(reports, summary, previous, previous_name, name, lang)
    parts.append(_consented(reports, summary, lang))
    before, after = neighbours
    links = _links(
        labels,
        (before.term.id, before.term.name[lang]) if before else None,
        (after.term.id, after.term.name[lang]) if after else None,
        (year.id, labels["year_name"].format(year=year.name)),
    )
    return _page_text([*parts, *_tail(reports, term.id, lang, links)])


def year_page(
    reports: Reports,
    summary: YearSummary,
    lang: str,
    neighbours: tuple[YearSummary | None, YearSummary | None],
) -> str:
    labels = reports.labels[lang]
    year = summary.year
    name = labels["year_name"].format(year=year.name)
    previous = reports.previous_year(summary)
    previous_name = labels["year_name"].format(year=previous.year.name) if previous else None
    notice = "" if year.calendar else _no_calendar_notice(labels, year.name)
    parts = _head(reports, summary, lang, name, notice)
    parts += _totals_section(labels, summary, previous, previous_name)
    if summary.terms:
        parts.append(f"## {markdown_text(labels['by_term'])}")
        parts.append(_terms_figure(reports, summary, lang))
    parts += _kind_sections(reports, summary, previous, previous_name, name, lang)

    def link(other: YearSummary | None) -> tuple[str, str] | None:
        if other is None:
            return None
        return other.year.id, labels["year_name"].format(year=other.year.name)

    before, after = neighbours
    links = _links(labels, link(before), link(after))
    return _page_text([*parts, *_tail(reports, year.id, lang, links)])


def _head(
    reports: Reports, summary: TermSummary | YearSummary, lang: str, name: str, notice: str = ""
) -> list[str]:
    """A report page down to its period: front matter, heading, notices."""
    labels = reports.labels[lang]
    report_id = summary.period.id
    preliminary = reports.preliminary(summary.end)
    return [
        _front_matter(reports, lang, report_id, _description(labels, name, summary, preliminary)),
        # The heading comes first: the search index takes the page's entry from it.
        f"# {markdown_text(labels['title'].format(term=name))}",
        NOTICE.strip(),
        f"<!-- The text of the report: {NOTES.format(lang=lang)}/{report_id}.md -->",
        _preliminary_notice(labels, summary.end) if preliminary else "",
        _example_notice(reports, labels),
        notice,
        markdown_text(labels["period"].format(start=_day(summary.start), end=_day(summary.end))),
    ]


def _totals_section(
    labels: Labels, summary: Counts, previous: Counts | None, previous_name: str | None
) -> list[str]:
    compared = (
        labels["compared"].format(previous=previous_name)
        if previous_name
        else labels["no_previous"]
    )
    return [
        f"## {markdown_text(labels['totals'])}",
        _totals(summary, previous, labels),
        markdown_text(compared),
    ]


def _tail(reports: Reports, report_id: str, lang: str, links: str) -> list[str]:
    """A report page from its notes on: the notes, the links, where the numbers come from."""
    labels = reports.labels[lang]
    return [
        f"## {markdown_text(labels['notes'])}",
        _notes_text(reports, report_id, lang),
        links,
        f"<small>{escape(' '.join(labels['generated'].split()))}</small>",
    ]


def _page_text(parts: list[str]) -> str:
    return "\n\n".join(part for part in parts if part) + "\n"


def _description(labels: Labels, name: str, counts: Counts, preliminary: bool) -> str:
    """One sentence for search engines and link previews."""
    text = labels["description"].format(
        term=name,
        activities=labels.count("n_activities", counts.activities),
        teachers=labels.count("n_teachers", counts.teachers),
    )
    return labels["preliminary_description"].format(description=text) if preliminary else text


def _kind_sections(
    reports: Reports,
    summary: Counts,
    previous: Counts | None,
    previous_name: str | None,
    name: str,
    lang: str,
) -> list[str]:
    """By platform and by activity kind: a chart and its table each."""
    labels = reports.labels[lang]
    series = [name] + ([previous_name] if previous_name else [])
    parts = []
    for key in ("platform", "activity"):
        chart, rows = f"chart_{key}", lines(key, summary, previous, reports.registries)
        parts.append(f"## {markdown_text(labels['by_' + key])}")
        svg = bar_chart(
            f"chart-{key}",
            labels[chart].format(term=name),
            labels["chart_desc"].format(series="; ".join(series)),
            series,
            [Group(line.kind.name[lang], _values(line)) for line in rows],
        )
        parts.append(
            _figure(svg, labels[chart].format(term=name), _kind_table(rows, key, labels, lang))
        )
    return parts


def _terms_figure(reports: Reports, summary: YearSummary, lang: str) -> str:
    """Each term of a year, and the holidays within it: a chart and a table."""
    labels = reports.labels[lang]
    name = labels["year_name"].format(year=summary.year.name)
    series = [labels["activities"], labels["in_holidays"]]
    svg = bar_chart(
        "chart-terms",
        labels["chart_terms"].format(term=name),
        labels["chart_desc"].format(series="; ".join(series)),
        series,
        [
            Group(
                term.term.name[lang],
                (term.activities, term.holidays.activities if term.holidays else 0),
            )
            for term in summary.terms
        ],
    )
    rows = []
    for term in summary.terms:
        title = term.term.name[lang]
        link = _link(title, term.term.id) if term.activities else markdown_text(title)
        rows.append([link, _span(term.start, term.end), str(term.activities), str(term.teachers)])
        if term.holidays and (days := term.term.holidays):
            rows.append(
                [
                    markdown_text(f"— {labels['holidays']}"),
                    _span(*days),
                    str(term.holidays.activities),
                    str(term.holidays.teachers),
                ]
            )
    header = [labels["term"], labels["dates"], labels["activities"], labels["teachers"]]
    table = mdtext.table([markdown_text(c) for c in header], rows, numbers=True)
    return _figure(svg, labels["chart_terms"].format(term=name), table)


def trend(reports: Reports, lang: str) -> str:
    """The snippet at the end of /reports/: every term so far, as a chart and a table."""
    labels = reports.labels[lang]
    heading = f"## {markdown_text(labels['trend'])} {{#trend}}"
    summaries = reports.summaries
    shown = with_activity(summaries)
    if not shown:
        return f"{NOTICE}{heading}\n\n{markdown_text(labels['no_data'])}\n"
    first, last = summaries.index(shown[0]), summaries.index(shown[-1])
    terms = summaries[first : last + 1]
    series = [labels["activities"], labels["teachers"]]
    svg = bar_chart(
        "chart-trend",
        labels["chart_trend"],
        labels["chart_desc"].format(series="; ".join(series)),
        series,
        [Group(s.term.name[lang], (s.activities, s.teachers)) for s in terms],
    )
    rows = [
        [
            _link(s.term.name[lang], s.term.id)
            if s.activities
            else markdown_text(s.term.name[lang]),
            str(s.activities),
            str(s.teachers),
            _change(s.activities, before.activities if before else None),
        ]
        for s, before in zip(terms, [None, *terms[:-1]], strict=True)
    ]
    header = [labels["term"], labels["activities"], labels["teachers"], labels["change"]]
    table = mdtext.table([markdown_text(c) for c in header], rows, numbers=True)
    parts = [
        NOTICE.strip(),
        heading,
        _example_notice(reports, labels),
        _figure(svg, labels["chart_trend"], table),
    ]
    return _page_text(parts)


def years_list(reports: Reports, lang: str) -> str:
    """The snippet near the top of /reports/: each year with activity, newest
    first, with its counts and its terms."""
    labels = reports.labels[lang]
    shown = with_activity(reports.years)
    if not shown:
        return NOTICE
    parts = [NOTICE.strip(), f"## {markdown_text(labels['years'])} {{#years}}"]
    for year in reversed(shown):
        name = labels["year_name"].format(year=year.year.name)
        line = (
            f"{_link(labels['title'].format(term=name), year.year.id)} — {_counts(labels, year)}."
        )
        if reports.preliminary(year.end):
            line += f" {markdown_text(labels['preliminary_title'])}."
        if not year.year.calendar:
            line += f" {markdown_text(labels['no_calendar_title'])}."
        items = [
            f"- {_link(term.term.name[lang], term.term.id)} — {_counts(labels, term)}"
            if term.activities
            else f"- {markdown_text(term.term.name[lang])} — {markdown_text(labels['no_activity'])}"
            for term in year.terms
        ]
        # The same anchor in every language: links to /ce/reports/#year-… work.
        parts.append(f"### {markdown_text(name)} {{#year-{year.year.id}}}")
        parts.append(line)
        if items:
            parts.append("\n".join(items))
    return _page_text(parts)


def periods_rule(reports: Reports, lang: str) -> str:
    """The snippet that states the reporting periods, on /reports/ and /policy/."""
    labels = reports.labels[lang]
    keys = ("rule_year", "rule_term", "rule_holidays", "rule_no_calendar", "rule_preliminary")
    rules = [f"- {markdown_text(labels[key])}" for key in (*keys, "rule_dates")]
    return NOTICE + "\n".join(rules) + "\n"


def open_data_csv(years: list[YearSummary]) -> str:
    """The counts of summary.json as one table: a row per year, then its terms."""
    platforms = list(years[0].by_platform) if years else []
    kinds = list(years[0].by_activity) if years else []
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "period",
            "id",
            "year",
            "start",
            "end",
            "teachers",
            "activities",
            *(f"platform_{kind}" for kind in platforms),
            *(f"activity_{kind}" for kind in kinds),
        ]
    )

    def row(period: str, data: dict[str, Any], year: str) -> list[object]:
        return [
            period,
            data["id"],
            year,
            data["start"],
            data["end"],
            data["teachers"],
            data["activities"],
            *(data["by_platform"][kind] for kind in platforms),
            *(data["by_activity"][kind] for kind in kinds),
        ]

    for year in years:
        writer.writerow(row("year", year.as_json(), year.year.id))
        for term in year.terms:
            writer.writerow(row("term", term.as_json(), year.year.id))
    return out.getvalue()


def _front_matter(reports: Reports, lang: str, report_id: str, description: str) -> str:
    """A report page has its own preview card, a PDF for the district
    office and the link to report an activity; its edit button opens the
    notes people write, not this file, or creates them when there are none
    yet."""
    meta: dict[str, object] = {
        "description": description,
        "og_card": True,
        "pdf": True,
        "report_activity": True,
        "edit_path": f"{NOTES.format(lang=lang)}/{report_id}.md",
    }
    if (lang, report_id) not in reports.notes:
        meta["edit_new"] = True
    if lang != "ru":
        # Chechen text nobody has reviewed yet carries the site's visible note.
        meta["translation_review"] = "needed"
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---"


def _admonition(kind: str, title: str, text: str) -> str:
    return f'!!! {kind} "{markdown_text(title)}"\n    {markdown_text(text)}'


def _preliminary_notice(labels: Labels, end: date) -> str:
    text = labels["preliminary"].format(end=_day(end))
    return _admonition("warning", labels["preliminary_title"], text)


def _no_calendar_notice(labels: Labels, year_name: str) -> str:
    return _admonition(
        "info", labels["no_calendar_title"], labels["no_calendar"].format(year=year_name)
    )


def _example_notice(reports: Reports, labels: Labels) -> str:
    if not reports.example:
        return ""
    return _admonition("warning", labels["example_title"], labels["example"])


def _counts(labels: Labels, counts: Counts) -> str:
    return markdown_text(
        labels["counts"].format(
            activities=labels.count("n_activities", counts.activities),
            teachers=labels.count("n_teachers", counts.teachers),
        )
    )


def _totals(summary: Counts, previous: Counts | None, labels: Labels) -> str:
    rows = [
        [
            markdown_text(labels[key]),
            str(getattr(summary, key)),
            _change(getattr(summary, key), getattr(previous, key) if previous else None),
        ]
        for key in ("activities", "teachers")
    ]
    return mdtext.table(
        [markdown_text(labels[key]) for key in ("measure", "count", "change")], rows, numbers=True
    )


def _values(line: Line) -> tuple[int, ...]:
    return (line.activities,) if line.previous is None else (line.activities, line.previous)


def _kind_table(table_lines: list[Line], key: str, labels: Labels, lang: str) -> str:
    header = [labels[key], labels["activities"], labels["teachers"], labels["change"]]
    rows = [
        [
            markdown_text(line.kind.name[lang]),
            str(line.activities),
            str(line.teachers),
            _change(line.activities, line.previous),
        ]
        for line in table_lines
    ]
    return mdtext.table([markdown_text(c) for c in header], rows, numbers=True)


def _figure(svg: str, caption: str, table: str) -> str:
    """The chart and its data table side by side (one under the other on a
    phone): the chart is raw HTML, the table Markdown."""
    return (
        '<div class="stats-figure" markdown>\n'
        f'<figure class="stats-chart">{svg}<figcaption>{escape(caption)}</figcaption></figure>\n\n'
        f"{table}\n\n</div>"
    )


def _consented(reports: Reports, summary: TermSummary, lang: str) -> str:
    """The materials of the teachers who consented: raw HTML, every cell escaped."""
    registries, labels = reports.registries, reports.labels[lang]
    items = [
        item
        for item in reports.activities
        if item.date in summary.term and registries.has_consent(item.teacher)
    ]
    if not items:
        return ""
    platforms = {kind.id: kind.name[lang] for kind in registries.platforms}
    kinds = {kind.id: kind.name[lang] for kind in registries.activities}
    header = "".join(
        f"<th>{escape(labels[key])}</th>"
        for key in ("date", "teacher", "platform", "activity", "material")
    )
    rows = [
        "<tr>"
        + "".join(
            f"<td>{cell}</td>"
            for cell in (
                _day(item.date),
                escape(item.teacher),
                escape(platforms[item.platform]),
                escape(kinds[item.activity]),
                _material(item),
            )
        )
        + "</tr>"
        for item in items
    ]
    table = "\n".join(
        ["<table>", f"<thead><tr>{header}</tr></thead>", "<tbody>", *rows, "</tbody>", "</table>"]
    )
    return f"## {markdown_text(labels['consented'])}\n\n{table}"


def _material(item: Activity) -> str:
    text = escape(item.title or item.url or "—")
    if item.url and urlsplit(item.url).scheme.lower() in ("http", "https"):
        href = escape(item.url, quote=True)
        return f'<a href="{href}" rel="nofollow noopener noreferrer">{text}</a>'
    return text


def _notes_text(reports: Reports, report_id: str, lang: str) -> str:
    labels = reports.labels[lang]
    own = reports.notes.get((lang, report_id))
    if own:
        return own
    russian = reports.notes.get(("ru", report_id))
    if russian:
        lead = markdown_text(labels["notes_in_russian"])
        return f'{lead}\n\n<div lang="ru" markdown>\n\n{russian}\n\n</div>'
    return markdown_text(labels["no_notes"])


def _links(
    labels: Labels,
    before: tuple[str, str] | None,
    after: tuple[str, str] | None,
    up: tuple[str, str] | None = None,
) -> str:
    """Links to the reports before and after, the year's and all: (id, name) each."""
    links = []
    if before:
        links.append(_link(labels["previous_report"].format(term=before[1]), before[0]))
    if up:
        links.append(_link(labels["year_report"].format(term=up[1]), up[0]))
    links.append(f"[{markdown_text(labels['all_reports'])}](index.md)")
    if after:
        links.append(_link(labels["next_report"].format(term=after[1]), after[0]))
    return " · ".join(links)


def _link(text: str, report_id: str) -> str:
    return f"[{markdown_text(text)}]({report_id}.md)"


def _change(now: int, before: int | None) -> str:
    if before is None:
        return "—"
    diff = now - before
    return f"+{diff}" if diff > 0 else f"−{-diff}" if diff < 0 else "0"


def _span(start: date, end: date) -> str:
    return f"{_day(start)} — {_day(end)}"


def _day(day: date) -> str:
    return day.strftime("%d.%m.%Y")
