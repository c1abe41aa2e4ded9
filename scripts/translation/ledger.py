"""Which Chechen texts a native speaker has reviewed: data/translation-review.yml.

Written by `scripts/translations.py review import`, one entry per reviewed
text: the file, a fingerprint of the Russian and Chechen texts as they were
reviewed, where it stood, who reviewed it and when. A text whose Russian or
Chechen wording changes since no longer matches its fingerprint, so it
counts as not reviewed again: a review is never carried over to new words.

Pages keep their own flag in front matter (translation_review: reviewed);
the ledger holds the blocks of pages not yet reviewed whole, interface
strings and data labels. Glossary terms are confirmed in data/glossary.yml.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from common import yamldata
from common.atomic import write_text
from common.schema import TEXT

LEDGER = Path("data") / "translation-review.yml"

_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["reviewed"],
    "additionalProperties": False,
    "properties": {
        "reviewed": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["file", "text", "where", "by", "date"],
                "additionalProperties": False,
                "properties": {
                    "file": TEXT,
                    "text": {"type": "string", "pattern": "^[a-p]{16}$"},
                    "where": TEXT,
                    "by": TEXT,
                    "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                },
            },
        }
    },
}

HEADER = """\
# The Chechen texts a native speaker has reviewed, written by
# `scripts/translations.py review import` (see /contributing/#review).
# Do not edit by hand: each `text` is a fingerprint of the Russian and
# Chechen wording as reviewed, and a text whose wording has changed since
# counts as not reviewed. Pages reviewed whole say so in their front matter
# instead (translation_review: reviewed), glossary terms in data/glossary.yml.
"""


# A fingerprint's hex digits written as the letters a–p: a run of digits in a
# data file reads as a phone number to `make check` (personal data).
_LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")


def fingerprint(file: str, key: str, ru: str, ce: str) -> str:
    """The fingerprint of a text as reviewed: its place and both wordings."""
    data = "\0".join((file, key, ru, ce)).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16].translate(_LETTERS)


@dataclass(frozen=True)
class Entry:
    file: str
    text: str
    where: str
    by: str
    date: str


def load(project: Path) -> list[Entry]:
    """The ledger's entries (none when there is no ledger); raise Problems."""
    if not (project / LEDGER).exists():
        return []
    document = yamldata.load(project / LEDGER, _SCHEMA, str(LEDGER), dates_as_text=True)
    return [Entry(**entry) for entry in document.data["reviewed"]]


def render(entries: list[Entry]) -> str:
    rows = [
        {"file": e.file, "text": e.text, "where": e.where, "by": e.by, "date": e.date}
        for e in sorted(entries, key=lambda e: (e.file, e.where, e.text))
    ]
    body = yaml.safe_dump(
        {"reviewed": rows},
        allow_unicode=True,
        sort_keys=False,
        width=1000,
        default_flow_style=False,
    )
    return HEADER + "\n" + body


def save(project: Path, entries: list[Entry]) -> None:
    write_text(project / LEDGER, render(entries))
