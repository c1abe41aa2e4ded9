"""The canonical activity log: data/activity-log.csv, and beside it
data/activity-log.yml, which says whether the log is the shipped example.

The log holds normalised ids and ISO dates, one activity a line, sorted
and without duplicates, so that a pull that adds nothing changes nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from common import yamldata
from common.atomic import write_text

from .model import FIELDS, Activity, Problems
from .registries import Registries
from .validate import Validator

LOG = "activity-log.csv"
META = "activity-log.yml"
_META_SCHEMA = {
    "type": "object",
    "required": ["example"],
    "properties": {"example": {"type": "boolean"}},
}
_META_TEXT = """\
# About data/activity-log.csv, the canonical activity log.
# example: true while the log is the invented example shipped with the site:
# every report then says so. `scripts/stats.py pull` replaces the example by
# the school's real data and sets this to false.
example: {example}
"""


@dataclass(frozen=True)
class Log:
    activities: list[Activity]
    example: bool


def read(data: Path, registries: Registries, label: str | None = None) -> Log:
    """The log in the folder `data`, checked as any source is; an empty
    one if there is none yet. Raises Problems for a damaged log."""
    path = data / LOG
    label = label or str(path)
    if not path.exists():
        return Log([], example=False)
    activities: list[Activity] = []
    validator = Validator(registries)
    problems = list(validator.read(str(path), into=activities, label=label, empty_ok=True))
    if problems:
        raise Problems(problems)
    example = False
    if (data / META).exists():
        meta = yamldata.load(
            data / META,
            _META_SCHEMA,
            str(Path(label).with_name(META)),
            dates_as_text=True,
            lang="ru",
        )
        example = meta.data["example"]
    return Log(activities, example)


def merge(*groups: Iterable[Activity]) -> list[Activity]:
    """Every activity once, in the log's order; the first spelling wins."""
    unique: dict[tuple[object, ...], Activity] = {}
    for group in groups:
        for activity in group:
            unique.setdefault(activity.key(), activity)
    return sorted(unique.values())


def write(data: Path, log: Log) -> bool:
    """Store `log` in `data`, each file atomically; say whether anything changed."""
    changed = False
    for name, text in ((LOG, to_csv(log.activities)), (META, _meta_text(log.example))):
        path = data / name
        if not path.exists() or path.read_text("utf-8") != text:
            write_text(path, text)
            changed = True
    return changed


def to_csv(activities: Iterable[Activity]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for item in activities:
        writer.writerow(
            (
                item.date.isoformat(),
                item.teacher,
                item.platform,
                item.activity,
                item.title,
                item.url,
            )
        )
    return out.getvalue()


def _meta_text(example: bool) -> str:
    return _META_TEXT.format(example=str(example).lower())
