"""How much of the Chechen text a native speaker has reviewed.

Counted per page (blocks reviewed of all its blocks), per group of
interface strings (Material's, the site's own, the 404 page's), per data
file (labels) and for the glossary (confirmed terms), from the same
inventory the review workbook is made from (translation.units). A page is
reviewed whole when its own blocks are and so is every text its generated
parts show; until then it carries the notice «not reviewed yet».

A build asks twice (the translations table, the language map): within
`counted_once()` the progress of a project is counted once; with `aside`,
in a child process that starts at once, while the build renders what does
not need it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from common.processes import Forked
from common.words import message
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
    parts_pending: set[str] = field(default_factory=set)  # pages whose parts show unreviewed text

    def whole(self, page: str) -> bool:
        """Whether everything `page` shows is reviewed: its blocks and its parts."""
        tally = self.pages.get(page)
        if tally is None:
            return False
        return tally.reviewed == tally.total and page not in self.parts_pending

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


# The progress counted in the current `counted_once()`, by project: or
# being counted in a child process.
_COUNTED: ContextVar[dict[Path, Progress | Forked[Progress]] | None] = ContextVar(
    "counted", default=None
)


@contextmanager
def counted_once(aside: Path | None = None) -> Iterator[None]:
    """Within: each project's progress is counted once, and every caller
    reads the same (it must not change it). For one build, whose steps
    write only generated files, which the count does not read: so the
    count of `aside` starts at once, in a child process (forked: no thread
    of this process may be running), and is waited for when asked for."""
    counted: dict[Path, Progress | Forked[Progress]] = {}
    if aside is not None:
        counted[aside] = Forked(functools.partial(_count, aside), message("process_review"))
    token = _COUNTED.set(counted)
    try:
        yield
    finally:
        _COUNTED.reset(token)
        for count in counted.values():
            if isinstance(count, Forked):
                count.stop()  # not asked for: a step before it failed


def progress(project: Path) -> Progress:
    counted = _COUNTED.get()
    if counted is None:
        return _count(project)
    count = counted.get(project)
    if isinstance(count, Forked):
        count = counted[project] = count.result()
    elif count is None:
        count = counted[project] = _count(project)
    return count


def _count(project: Path) -> Progress:
    found = inventory(project)
    pages = {file: Tally() for file in found.pages}
    groups: dict[str, dict[str, Tally]] = {sheet: {} for sheet in SHEETS if sheet != "pages"}
    for unit in found.units:
        if unit.sheet == "pages":
            pages[unit.file].add(unit.reviewed)
        else:
            groups[unit.sheet].setdefault(unit.group, Tally()).add(unit.reviewed)
    parts_pending = {file for file, page in found.pages.items() if not found.parts_reviewed(page)}
    return Progress(pages, groups, parts_pending)


def pending(review: Progress) -> list[str]:
    """What the templates mark as awaiting review: "notfound" for the 404
    page, and each Chechen page (docs/ce/…md) that shows any text not
    reviewed yet, its own or its generated parts'."""
    tally = review.groups["strings"].get(NOT_FOUND)
    found = ["notfound"] if tally and tally.reviewed < tally.total else []
    return found + [page for page in review.pages if not review.whole(page)]
