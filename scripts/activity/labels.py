"""The words of the report pages, in Russian and Chechen: data/report-labels.yml."""

from __future__ import annotations

from pathlib import Path

from chechen import palochka
from common import yamldata
from common.site_config import LANGS

from .model import Problems
from .registries import NAMES

FILE = "report-labels.yml"
KEYS = (
    "title",
    "description",
    "period",
    "example_title",
    "example",
    "totals",
    "measure",
    "count",
    "activities",
    "teachers",
    "change",
    "compared",
    "no_previous",
    "by_platform",
    "by_activity",
    "platform",
    "activity",
    "chart_platform",
    "chart_activity",
    "chart_desc",
    "consented",
    "date",
    "teacher",
    "material",
    "notes",
    "no_notes",
    "notes_in_russian",
    "previous_report",
    "next_report",
    "all_reports",
    "generated",
    "trend",
    "term",
    "chart_trend",
    "no_data",
)
# Some labels are empty in one language (a Chechen page's lead-in to a
# Russian text has no Russian twin), so names here may be empty strings.
_SCHEMA = {
    "type": "object",
    "required": list(KEYS),
    "additionalProperties": False,
    "properties": {
        key: NAMES | {"properties": {lang: {"type": "string"} for lang in LANGS}} for key in KEYS
    },
}

Labels = dict[str, str]


def load(data: Path) -> dict[str, Labels]:
    """The labels of each language: {"ru": {key: text}, "ce": {…}}."""
    file = yamldata.load(data / FILE, _SCHEMA, f"data/{FILE}", dates_as_text=True)
    problems = [
        file.problem(f"palochka typed as {found.name} in «{key}»: write Ӏ (U+04C0)", key, "ce")
        for key in KEYS
        for found in palochka.find_lookalikes(file.data[key]["ce"])
    ]
    if problems:
        raise Problems(problems)
    return {lang: {key: file.data[key][lang] for key in KEYS} for lang in LANGS}
