"""A term's tables for the district office, as XLSX or CSV (in Russian)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from common.atomic import write_bytes

from .labels import Labels
from .registries import Registries
from .summary import TermSummary, lines

Table = tuple[str, list[str], list[list[object]]]  # title, header, rows


def tables(
    summary: TermSummary, previous: TermSummary | None, registries: Registries, labels: Labels
) -> list[Table]:
    """Totals, by platform and by activity kind; changes against the term before."""
    change = f"{labels['change']} ({previous.term.name['ru']})" if previous else labels["change"]

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


def write_xlsx(path: Path, heading: str, parts: list[Table]) -> None:
    """One sheet per table, each under the report's heading."""
    import openpyxl  # imported here: only this command writes XLSX

    book = openpyxl.Workbook()
    for sheet in book.worksheets:  # the empty sheet a new workbook starts with
        book.remove(sheet)
    for title, header, rows in parts:
        sheet = book.create_sheet(title[:31])  # Excel's limit for a sheet name
        sheet.append([heading])
        sheet.append(header)
        for row in rows:
            sheet.append(row)
        sheet.column_dimensions["A"].width = 40
    out = io.BytesIO()
    book.save(out)
    write_bytes(path, out.getvalue())


def write_csv(path: Path, heading: str, parts: list[Table]) -> None:
    """The tables one under another, as Excel in a Russian locale opens them:
    UTF-8 with a BOM, separated by semicolons."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([heading])
    for title, header, rows in parts:
        writer.writerow([])
        writer.writerow([title])
        writer.writerow(header)
        writer.writerows(rows)
    write_bytes(path, ("\ufeff" + out.getvalue()).encode("utf-8"))
