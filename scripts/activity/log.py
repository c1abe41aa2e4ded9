"""The canonical activity log: data/activity-log.csv, one file.

Its first line says what the log is, in one cell that the validator reads
as a title above the header:

    # activity log of scripts/stats.py; example=false; key=1f0e3c9a8b7d6e5f

`example=true` while the log is the invented example shipped with the site
(every report then says so; a pull replaces it); `key` is the fingerprint
of the pseudonyms' key (pseudonyms.fingerprint; `none` before any). Being
one file, the log and what is said of it change together, by one rename
(activity/store.py). Logs written before this line existed kept it in
data/activity-log.yml: such a log is still read, and written as one file
at its next change.

The rows hold normalised ids and ISO dates, one activity a line, sorted and
without duplicates, so that a pull that adds nothing changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from common import yamldata

from .export import csv_bytes
from .model import FIELDS, Activity, Problem, Problems
from .registries import Registries
from .validate import Validator

LOG = "activity-log.csv"
LEGACY_META = "activity-log.yml"  # beside logs written before the first line said it
_FIRST = re.compile(
    r"# activity log of scripts/stats\.py; example=(true|false); key=([0-9a-f]{16}|none)\r?\n?"
)
_META_SCHEMA = {
    "type": "object",
    "required": ["example"],
    "properties": {"example": {"type": "boolean"}},
}


@dataclass(frozen=True)
class Log:
    activities: list[Activity]
    example: bool
    key: str | None = None  # the fingerprint of the pseudonyms' key


@dataclass(frozen=True)
class About:
    """What the first line of a log says, read without reading the rest."""

    example: bool
    key: str | None
    legacy: bool  # said by data/activity-log.yml, in the old way


def about(data: Path, label: str | None = None) -> About:
    """What the log in `data` says of itself; raises Problems when its first
    line is damaged."""
    path = data / LOG
    label = label or str(path)
    if not path.exists():
        return About(example=False, key=None, legacy=False)
    with open(path, "rb") as log:
        # Its first line alone, as bytes: the rest may be a spreadsheet's
        # Windows-1251, which the validator reads; the first line is ASCII.
        first = log.readline(200).decode("utf-8", "replace")
    if found := _FIRST.fullmatch(first):
        key = None if found[2] == "none" else found[2]
        return About(example=found[1] == "true", key=key, legacy=False)
    if first.startswith("#"):
        raise Problems(
            [
                Problem(
                    label,
                    1,
                    "первая строка журнала повреждена: верните её из репозитория "
                    f"(git checkout -- {LOG}) или из резервной копии",
                )
            ]
        )
    example = False
    if (data / LEGACY_META).exists():
        meta = yamldata.load(
            data / LEGACY_META,
            _META_SCHEMA,
            str(Path(label).with_name(LEGACY_META)),
            dates_as_text=True,
            lang="ru",
        )
        example = meta.data["example"]
    return About(example=example, key=None, legacy=True)


def read(data: Path, registries: Registries, label: str | None = None) -> Log:
    """The log in the folder `data`, checked as any source is; an empty
    one if there is none yet. Raises Problems for a damaged log."""
    path = data / LOG
    label = label or str(path)
    said = about(data, label)
    if not path.exists():
        return Log([], example=False)
    activities: list[Activity] = []
    validator = Validator(registries)
    problems = list(validator.read(str(path), into=activities, label=label, empty_ok=True))
    if problems:
        raise Problems(problems)
    return Log(activities, said.example, said.key)


def merge(*groups: Iterable[Activity]) -> list[Activity]:
    """Every activity once, in the log's order; the first spelling wins."""
    unique: dict[tuple[object, ...], Activity] = {}
    for group in groups:
        for activity in group:
            unique.setdefault(activity.key(), activity)
    return sorted(unique.values())


def to_csv(activities: Iterable[Activity]) -> str:
    """Activities as CSV in the log's columns, the header first (no first
    line of the log's own): a table `pull` reads like any other."""
    return csv_bytes([FIELDS, *(cells(item) for item in activities)], excel=False).decode()


def cells(item: Activity) -> list[str]:
    """An activity's cells in the log's columns, as the log writes them."""
    return [item.date.isoformat(), item.teacher, item.platform, item.activity, item.title, item.url]


def to_bytes(log: Log) -> bytes:
    """The log as its one file holds it."""
    example = str(log.example).lower()
    first = f"# activity log of scripts/stats.py; example={example}; key={log.key or 'none'}"
    rows: list[Iterable[object]] = [[first], FIELDS]
    rows += (cells(item) for item in log.activities)
    return csv_bytes(rows, excel=False)
