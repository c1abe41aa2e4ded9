"""Tables for the district office, as XLSX or CSV (in Russian).

A term's export has a sheet per table (totals, by platform, by kind), under
the report's heading. A school year's export is one workbook: a sheet for
the year (totals, each term and its holidays, by platform, by kind, against
the year before) and a sheet per term, each under a title row naming the
school and the period. In CSV the sheets follow one another.

Exports hold counts only, but they are files for the office, not the
repository: they go to exports/ (git ignores it) or wherever
activity/outputs.py allows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from common.atomic import write_bytes

from .labels import Labels
from .registries import Registries, SchoolYear, Term
from .summary import Counts, TermSummary, YearSummary, lines
from .validate import Rejected
from .values import neutralised

Table = tuple[str, list[str], list[list[object]]]  # title, header, rows


@dataclass(frozen=True)
class Sheet:
    name: str  # at most 31 characters, none of \\ / ? * [ ] :
    heading: list[str]  # rows of one cell above the tables
    tables: list[Table]


def tables(
    summary: Counts,
    previous: Counts | None,
    previous_name: str | None,
    registries: Registries,
    labels: Labels,
) -> list[Table]:
    """Totals, by platform and by activity kind; changes against the period before."""
    change = f"{labels['change']} ({previous_name})" if previous_name else labels["change"]

    def diff(now: int, before: int | None) -> object:
        return "" if before is None else now - before

    totals = [
        [
            labels[key],
            getattr(summary, key),
            diff(getattr(summary, key), getattr(previous, key) if previous else None),
        ]
        for key in ("activities", "teachers")
    ]
    result: list[Table] = [(labels["totals"], [labels["measure"], labels["count"], change], totals)]
    for key in ("platform", "activity"):
        header = [labels[key], labels["activities"], labels["teachers"], change]
        rows = [
            [
                line.kind.name["ru"],
                line.activities,
                line.teachers,
                diff(line.activities, line.previous),
            ]
            for line in lines(key, summary, previous, registries)
        ]
        result.append((labels[f"by_{key}"], header, rows))
    return result


def period_sheets(
    years: list[YearSummary],
    registries: Registries,
    labels: Labels,
    heading: HeadingWords,
    *,
    term: str | None = None,
    year: str | None = None,
) -> list[Sheet]:
    """The export of one term (its id) or one school year, compared with
    the period before; `years` are every year of the log (summary.summarise_years)."""
    terms = [summary for each in years for summary in each.terms]
    if term is not None:
        index = next(i for i, summary in enumerate(terms) if summary.term.id == term)
        return term_sheets(
            terms[index], terms[index - 1] if index else None, registries, labels, heading
        )
    index = next(i for i, each in enumerate(years) if each.year.id == year)
    chosen = years[index]
    first = terms.index(chosen.terms[0]) if chosen.terms else 0
    return year_sheets(
        chosen,
        years[index - 1] if index else None,
        terms[first - 1] if first else None,
        registries,
        labels,
        heading,
    )


def rejects_csv(rejected: Sequence[Rejected]) -> bytes:
    """The rows `pull --partial` refused, under headers stats.py reads, with
    why («Причина») and where they were («Откуда»): fixed, the file is
    pulled again as it is."""
    rows: list[list[object]] = [[*REJECTS_HEADER, "Причина", "Откуда"]]
    rows += [[*row.cells, "; ".join(row.reasons), f"{row.source}:{row.line}"] for row in rejected]
    return csv_bytes(rows)


# The log's fields (model.FIELDS) as a school's sheet names them.
REJECTS_HEADER = ("Дата", "ФИО педагога", "Платформа", "Вид активности", "Название", "Ссылка")


def term_sheets(
    summary: TermSummary,
    previous: TermSummary | None,
    registries: Registries,
    labels: Labels,
    heading: HeadingWords,
) -> list[Sheet]:
    """A term's export: one sheet per table, each under the title rows that
    name the school and the period, as a year's sheets are."""
    name = previous.term.name["ru"] if previous else None
    rows = heading.rows(
        summary.term.name["ru"], summary.start, summary.end, _notes(summary, labels)
    )
    return [
        Sheet(table[0], rows, [table])
        for table in tables(summary, previous, name, registries, labels)
    ]


def year_sheets(
    year: YearSummary,
    previous: YearSummary | None,
    before_first_term: TermSummary | None,
    registries: Registries,
    labels: Labels,
    heading: HeadingWords,
) -> list[Sheet]:
    """A school year's workbook: the year's sheet, then one per term."""
    year_name = labels["year_name"].format(year=year.year.name)
    previous_name = labels["year_name"].format(year=previous.year.name) if previous else None
    parts = tables(year, previous, previous_name, registries, labels)
    if year.terms:
        parts.insert(1, _terms_table(year, labels))
    notes = [] if year.year.calendar else [labels["no_calendar"].format(year=year.year.name)]
    sheets = [
        Sheet(
            f"Учебный год {year.year.id}",
            heading.rows(year_name, year.start, year.end, notes),
            parts,
        )
    ]
    before = before_first_term
    for term in year.terms:
        name = before.term.name["ru"] if before else None
        sheets.append(
            Sheet(
                term_sheet_name(term.term, year.year),
                heading.rows(term.term.name["ru"], term.start, term.end, _notes(term, labels)),
                tables(term, before, name, registries, labels),
            )
        )
        before = term
    return sheets


def _notes(term: TermSummary, labels: Labels) -> list[str]:
    if days := term.term.holidays:
        return [labels["holidays_period"].format(start=_day(days[0]), end=_day(days[1]))]
    return []


def term_sheet_name(term: Term, year: SchoolYear) -> str:
    """A term's sheet, named in Russian as Excel allows (SHEET_NAME characters,
    none of \\ / ? * [ ] :): «I четверть 2025-26», its name up to the school
    year; else its name cut at a word."""
    name = term.name["ru"]
    if year.name in name:
        name = name[: name.index(year.name) + len(year.name)]
    name = name.translate(_NOT_IN_SHEET_NAMES)
    if len(name) > SHEET_NAME:
        cut = name.rfind(" ", 0, SHEET_NAME + 1)
        name = name[:cut].rstrip() if cut > 0 else name[:SHEET_NAME]
    return name


@dataclass(frozen=True)
class HeadingWords:
    """What the title rows of a year's sheets say besides the period."""

    school: str
    labels: Labels
    example: bool
    today: date

    def rows(self, period: str, start: date, end: date, notes: list[str]) -> list[str]:
        title = self.labels["export_title"].format(
            school=self.school, period=period, start=_day(start), end=_day(end)
        )
        rows = [title]
        if end >= self.today:
            preliminary = self.labels["preliminary"].format(end=_day(end))
            rows.append(f"{self.labels['preliminary_title']}. {_one_line(preliminary)}")
        if self.example:
            rows.append(self.labels["export_example"])
        return rows + [_one_line(note) for note in notes]


def _terms_table(year: YearSummary, labels: Labels) -> Table:
    header = [labels["term"], labels["dates"], labels["activities"], labels["teachers"]]
    rows: list[list[object]] = []
    for term in year.terms:
        rows.append(
            [term.term.name["ru"], _span(term.start, term.end), term.activities, term.teachers]
        )
        if term.holidays and (days := term.term.holidays):
            rows.append(
                [
                    labels["holidays"],
                    _span(*days),
                    term.holidays.activities,
                    term.holidays.teachers,
                ]
            )
    return (labels["by_term"], header, rows)


def write_xlsx(path: Path, sheets: list[Sheet]) -> None:
    """One sheet each, its title rows first; tables one under another."""
    import openpyxl  # imported here: only this command writes XLSX

    book = openpyxl.Workbook()
    for sheet in book.worksheets:  # the empty sheet a new workbook starts with
        book.remove(sheet)
    for part in sheets:
        sheet = book.create_sheet(_sheet_name(part.name))
        for row in part.heading:
            _append(sheet, [row])
        for number, (title, header, rows) in enumerate(part.tables):
            if number:
                sheet.append([])
            if len(part.tables) > 1:  # a sheet of one table is named for it
                _append(sheet, [title])
            _append(sheet, header)
            for cells in rows:
                _append(sheet, cells)
        sheet.column_dimensions["A"].width = 40
        sheet.column_dimensions["B"].width = 24
    out = io.BytesIO()
    book.save(out)
    write_bytes(path, out.getvalue())


def _append(sheet: Any, cells: Sequence[object]) -> None:
    """A row whose text is text: openpyxl would store a string starting with
    = as a formula. A text cell that looks like one is also marked with
    Excel's quote prefix, so that editing it keeps it text."""
    sheet.append(cells)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if neutralised(cell.value) != cell.value:
                cell.quotePrefix = True


def write_csv(path: Path, sheets: list[Sheet]) -> None:
    """The sheets one under another, as Excel in a Russian locale opens them:
    UTF-8 with a BOM, separated by semicolons."""
    write_bytes(path, csv_bytes(_csv_rows(sheets)))


def _csv_rows(sheets: list[Sheet]) -> Iterable[Sequence[object]]:
    heading: list[str] = []
    for part in sheets:
        if part.heading != heading:
            if heading:
                yield []
            yield from ([row] for row in part.heading)
            heading = part.heading
        for title, header, rows in part.tables:
            yield []
            yield [title]
            yield header
            yield from rows


def csv_bytes(rows: Iterable[Iterable[object]], excel: bool = True) -> bytes:
    """Rows as a CSV file. Every CSV the statistics write goes through here,
    and every cell a spreadsheet would run as a formula is guarded
    (values.neutralised; reading it back with stats.py gives the text).

    `excel`: as Excel in a Russian locale opens it as it is: UTF-8 with a
    BOM, semicolons. Else as the log is kept in git: UTF-8, commas, one line
    per row."""
    out = io.StringIO()
    if excel:
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    else:
        writer = csv.writer(out, lineterminator="\n")
    writer.writerows(
        [neutralised(cell) if isinstance(cell, str) else cell for cell in row] for row in rows
    )
    return ("\ufeff" if excel else "").encode("utf-8") + out.getvalue().encode("utf-8")


SHEET_NAME = 31  # characters of a sheet's name, at most, in Excel


def _sheet_name(name: str) -> str:
    """A name Excel accepts: none of \\ / ? * [ ] :, at most SHEET_NAME characters."""
    return name.translate(_NOT_IN_SHEET_NAMES)[:SHEET_NAME]


_NOT_IN_SHEET_NAMES = str.maketrans("\\/?*[]:", "-------")


def _span(start: date, end: date) -> str:
    return f"{_day(start)} — {_day(end)}"


def _day(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def _one_line(text: str) -> str:
    return " ".join(text.split())
