"""The report pages, rendered from the canonical log before MkDocs runs.

For each term with activity, in each language, a page at
docs/<lang>/reports/<term-id>.md (git ignores it): totals, tables and
charts by platform and by activity kind, the change against the previous
term, the materials of teachers who consented to be named, and the text
people write in docs/<lang>/reports/notes/<term-id>.md. The trend across
terms goes to a snippet that docs/<lang>/reports/index.md includes:

    --8<-- "reports-trend.ru.md"

Everything that comes from a spreadsheet is escaped: a title cannot add an
element to a page or break a table, and only http(s) links are made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from activity import labels as report_labels
from activity import log as activity_log
from activity import registries as registry
from activity.labels import Labels
from activity.model import Activity, Problems
from activity.registries import Registries
from activity.summary import Line, TermSummary, lines, summarise, with_activity
from common.site_config import LANGS
from render import mdtext
from render.charts import Group, bar_chart
from render.core import GENERATED, NOTICE, RenderError
from render.mdtext import markdown_text

NOTES = "docs/{lang}/reports/notes"


@dataclass(frozen=True)
class Reports:
    """All a report page is made from."""

    registries: Registries
    labels: dict[str, Labels]
    activities: list[Activity]
    example: bool
    summaries: list[TermSummary]
    notes: dict[tuple[str, str], str]  # (lang, term id) → Markdown people wrote

    def previous(self, summary: TermSummary) -> TermSummary | None:
        """The summary of the term before, with activity or not."""
        index = self.summaries.index(summary)
        return self.summaries[index - 1] if index else None


def render(project: Path) -> dict[Path, str]:
    """The renderer: every report page and trend snippet of `project`."""
    data = project / "data"
    try:
        registries = registry.load(data)
        labels = report_labels.load(data)
        log = activity_log.read(data, registries, label="data/activity-log.csv")
    except Problems as err:
        raise RenderError(str(err)) from None
    reports = Reports(
        registries,
        labels,
        log.activities,
        log.example,
        summarise(registries, log.activities),
        _notes(project, registries),
    )
    outputs: dict[Path, str] = {}
    shown = with_activity(reports.summaries)
    for lang in LANGS:
        outputs[GENERATED / f"reports-trend.{lang}.md"] = trend(reports, lang)
        for index, summary in enumerate(shown):
            before = shown[index - 1] if index else None
            after = shown[index + 1] if index + 1 < len(shown) else None
            path = Path("docs", lang, "reports", f"{summary.term.id}.md")
            _refuse_hand_written(project, path, summary.term.id, lang)
            outputs[path] = term_page(reports, summary, lang, (before, after))
    return outputs


def _notes(project: Path, registries: Registries) -> dict[tuple[str, str], str]:
    notes, problems = {}, []
    for lang in LANGS:
        folder = project / NOTES.format(lang=lang)
        for path in sorted(folder.glob("*.md")) if folder.is_dir() else ():
            if path.name.lower() == "readme.md":
                continue
            if registries.term(path.stem) is None:
                known = ", ".join(term.id for term in registries.terms)
                problems.append(
                    f"{path.relative_to(project)}:1: no term {path.stem} in data/terms.yml; "
                    f"name the file after a term: {known}"
                )
                continue
            notes[lang, path.stem] = path.read_text("utf-8").strip()
    if problems:
        raise RenderError("\n".join(problems))
    return notes


def _refuse_hand_written(project: Path, path: Path, term_id: str, lang: str) -> None:
    if (project / path).exists() and NOTICE not in (project / path).read_text("utf-8"):
        raise RenderError(
            f"{path}:1: a hand-written page where the report of {term_id} is generated: "
            f"move its text to {NOTES.format(lang=lang)}/{term_id}.md"
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
    series = [name] + ([previous.term.name[lang]] if previous else [])
    parts = [
        _front_matter(
            lang,
            term.id,
            labels["description"].format(
                term=name, activities=summary.activities, teachers=summary.teachers
            ),
            has_notes=(lang, term.id) in reports.notes,
        ),
        # The heading comes first: the search index takes the page's entry from it.
        f"# {markdown_text(labels['title'].format(term=name))}",
        NOTICE.strip(),
        f"<!-- The text of the report: {NOTES.format(lang=lang)}/{term.id}.md -->",
        _example_notice(reports, labels),
        markdown_text(labels["period"].format(start=_day(term.start), end=_day(term.end))),
        f"## {markdown_text(labels['totals'])}",
        _totals(summary, previous, labels),
        markdown_text(
            labels["compared"].format(previous=previous.term.name[lang])
            if previous
            else labels["no_previous"]
        ),
    ]
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
    parts.append(_consented(reports, summary, lang))
    parts.append(f"## {markdown_text(labels['notes'])}")
    parts.append(_notes_text(reports, term.id, lang))
    parts.append(_links(neighbours, labels, lang))
    parts.append(f"<small>{escape(' '.join(labels['generated'].split()))}</small>")
    return "\n\n".join(part for part in parts if part) + "\n"


def trend(reports: Reports, lang: str) -> str:
    """The snippet at the end of /reports/: every term so far, as a chart and a table."""
    labels = reports.labels[lang]
    heading = f"## {markdown_text(labels['trend'])} {{#trend}}"
    shown = with_activity(reports.summaries)
    if not shown:
        return f"{NOTICE}{heading}\n\n{markdown_text(labels['no_data'])}\n"
    first, last = reports.summaries.index(shown[0]), reports.summaries.index(shown[-1])
    terms = reports.summaries[first : last + 1]
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
            _term_link(s, lang) if s.activities else markdown_text(s.term.name[lang]),
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
    return "\n\n".join(part for part in parts if part) + "\n"


def _front_matter(lang: str, term_id: str, description: str, has_notes: bool) -> str:
    """A report page has its own preview card and a PDF for the district
    office; its edit button opens the notes people write, not this file,
    or creates them when there are none yet."""
    meta = {
        "description": description,
        "og_card": True,
        "pdf": True,
        "edit_path": f"{NOTES.format(lang=lang)}/{term_id}.md",
    }
    if not has_notes:
        meta["edit_new"] = True
    if lang != "ru":
        # Chechen text nobody has reviewed yet carries the site's visible note.
        meta["translation_review"] = "needed"
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---"


def _example_notice(reports: Reports, labels: Labels) -> str:
    if not reports.example:
        return ""
    text = " ".join(labels["example"].split())
    return f'!!! warning "{labels["example_title"]}"\n    {markdown_text(text)}'


def _totals(summary: TermSummary, previous: TermSummary | None, labels: Labels) -> str:
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


def _notes_text(reports: Reports, term_id: str, lang: str) -> str:
    labels = reports.labels[lang]
    own = reports.notes.get((lang, term_id))
    if own:
        return own
    russian = reports.notes.get(("ru", term_id))
    if russian:
        lead = markdown_text(labels["notes_in_russian"])
        return f'{lead}\n\n<div lang="ru" markdown>\n\n{russian}\n\n</div>'
    return markdown_text(labels["no_notes"])


def _links(
    neighbours: tuple[TermSummary | None, TermSummary | None], labels: Labels, lang: str
) -> str:
    before, after = neighbours
    links = []
    if before:
        links.append(_term_link(before, lang, labels["previous_report"]))
    links.append(f"[{markdown_text(labels['all_reports'])}](index.md)")
    if after:
        links.append(_term_link(after, lang, labels["next_report"]))
    return " · ".join(links)


def _term_link(summary: TermSummary, lang: str, template: str = "{term}") -> str:
    text = markdown_text(template.format(term=summary.term.name[lang]))
    return f"[{text}]({summary.term.id}.md)"


def _change(now: int, before: int | None) -> str:
    if before is None:
        return "—"
    diff = now - before
    return f"+{diff}" if diff > 0 else f"−{-diff}" if diff < 0 else "0"


def _day(day: date) -> str:
    return day.strftime("%d.%m.%Y")
