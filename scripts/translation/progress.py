"""How much of the Chechen text a native speaker has reviewed.

Counted per page (blocks reviewed of all its blocks), per group of
interface strings (Material's, the site's own, the 404 page's), per data
file (labels) and for the glossary (confirmed terms), from the same
inventory the review workbook is made from (translation.units).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from translation.units import NOT_FOUND, SHEETS, inventory


@dataclass
class Tally:
    reviewed: int = 0
    total: int = 0

    def add(self, reviewed: bool) -> None:
        self.total += 1
        self.reviewed += reviewed


@dataclass
class Progress:
    pages: dict[str, Tally]  # docs/ce/…md → its blocks
    groups: dict[str, dict[str, Tally]]  # sheet → group (a file, the 404 page) → texts

    def totals(self) -> dict[str, Tally]:
        """Per kind of text (SHEETS): reviewed of all."""
        out = {sheet: Tally() for sheet in SHEETS}
        for tally in self.pages.values():
            out["pages"].reviewed += tally.reviewed
            out["pages"].total += tally.total
        for sheet, groups in self.groups.items():
            for tally in groups.values():
                out[sheet].reviewed += tally.reviewed
                out[sheet].total += tally.total
        return out


def progress(project: Path, sheets: Collection[str] = SHEETS) -> Progress:
    """The progress of every kind of text, or of some `sheets` alone."""
    found = inventory(project, sheets)
    pages = {file: Tally() for file in found.pages}
    groups: dict[str, dict[str, Tally]] = {sheet: {} for sheet in SHEETS if sheet != "pages"}
    for unit in found.units:
        if unit.sheet == "pages":
            pages[unit.file].add(unit.reviewed)
        else:
            groups[unit.sheet].setdefault(unit.group, Tally()).add(unit.reviewed)
    return Progress(pages, groups)


PENDING_SHEETS = ("strings",)


def pending(review: Progress) -> list[str]:
    """What the templates mark as awaiting review: "notfound" for the 404
    page. Needs the progress of PENDING_SHEETS only."""
    tally = review.groups["strings"].get(NOT_FOUND)
    return ["notfound"] if tally and tally.reviewed < tally.total else []
