"""The registries in data/: platforms, activity kinds, terms and consent.

Each file is checked against a schema and then for what a schema cannot
say (unique ids, one meaning per alias, terms in order); every problem is
reported as FILE:LINE: message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from chechen import palochka
from common import yamldata
from common.schema import ID, TEXT, in_every_language

from .model import Problem, Problems, fold
from .values import BadValue, alias_key, parse_date

T = TypeVar("T")

NAMES = in_every_language(TEXT)
_KINDS_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", "name", "aliases"],
        "properties": {
            "id": ID,
            "name": NAMES,
            "aliases": {"type": "array", "items": TEXT},
        },
    },
}
_TERMS_SCHEMA = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["id", "start", "end", "name"],
        "additionalProperties": False,
        "properties": {
            # The school year first, so that ids sort as the terms do and
            # the generated pages are told apart from hand-written ones.
            "id": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[a-z0-9-]+$"},
            "start": TEXT,
            "end": TEXT,
            "name": NAMES,
        },
    },
}
_CONSENT_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["name", "since", "kept"],
        "additionalProperties": False,
        "properties": {"name": TEXT, "since": TEXT, "kept": TEXT},
    },
}


@dataclass(frozen=True)
class Kind:
    """A platform or an activity kind: its id and its names."""

    id: str
    name: dict[str, str]


@dataclass(frozen=True)
class Term:
    id: str
    start: date
    end: date
    name: dict[str, str]

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Registries:
    platforms: list[Kind]
    activities: list[Kind]
    terms: list[Term]
    platform_aliases: dict[str, str]  # alias_key → id
    activity_aliases: dict[str, str]
    consented: dict[str, str]  # folded name → name, of the teachers who consented

    def term_of(self, day: date) -> Term | None:
        return next((term for term in self.terms if day in term), None)

    def term(self, term_id: str) -> Term | None:
        return next((term for term in self.terms if term.id == term_id), None)

    def has_consent(self, teacher: str) -> bool:
        return fold(teacher) in self.consented


def load(data: Path) -> Registries:
    """Read and check every registry in the folder `data`."""
    problems: list[Problem] = []
    platforms = _read(data, "platforms.yml", _kinds, problems)
    activities = _read(data, "activities.yml", _kinds, problems)
    terms = _read(data, "terms.yml", _terms, problems)
    consented = _read(data, "consent.yml", _consent, problems)
    if platforms is None or activities is None or terms is None or consented is None:
        raise Problems(problems)
    return Registries(platforms[0], activities[0], terms, platforms[1], activities[1], consented)


def _read(
    data: Path, name: str, reader: Callable[[yamldata.Document], T], problems: list[Problem]
) -> T | None:
    """One registry as `reader` makes it; None, with its problems noted, when wrong."""
    try:
        return reader(
            yamldata.load(data / name, _SCHEMAS[name], f"data/{name}", dates_as_text=True)
        )
    except Problems as err:
        problems.extend(err.problems)
        return None


def _kinds(file: yamldata.Document) -> tuple[list[Kind], dict[str, str]]:
    problems = list(_unique_ids(file))
    kinds: list[Kind] = []
    aliases: dict[str, str] = {}
    for index, entry in enumerate(file.data):
        kinds.append(Kind(entry["id"], entry["name"]))
        problems.extend(_chechen_name(file, index, entry["name"]["ce"]))
        spellings = [entry["id"], *entry["name"].values(), *entry["aliases"]]
        for spelling in spellings:
            key = alias_key(spelling)
            owner = aliases.setdefault(key, entry["id"])
            if owner != entry["id"]:
                problems.append(
                    file.problem(f"«{spelling}» means both {owner} and {entry['id']}", index)
                )
    if problems:
        raise Problems(sorted(problems, key=lambda problem: problem.line))
    return kinds, aliases


def _terms(file: yamldata.Document) -> list[Term]:
    problems = list(_unique_ids(file))
    terms: list[Term] = []
    for index, entry in enumerate(file.data):
        problems.extend(_chechen_name(file, index, entry["name"]["ce"]))
        start, end = (_date(file, index, key, problems) for key in ("start", "end"))
        if start is None or end is None:
            continue
        if end < start:
            problems.append(file.problem(f"{entry['id']} ends before it starts", index, "end"))
        if terms and start <= terms[-1].end:
            problems.append(
                file.problem(
                    f"{entry['id']} starts before {terms[-1].id} ends: "
                    "list the terms in order, without overlaps",
                    index,
                    "start",
                )
            )
        terms.append(Term(entry["id"], start, end, entry["name"]))
    if problems:
        raise Problems(sorted(problems, key=lambda problem: problem.line))
    return terms


def _consent(file: yamldata.Document) -> dict[str, str]:
    problems: list[Problem] = []
    for index in range(len(file.data)):
        _date(file, index, "since", problems)
    if problems:
        raise Problems(problems)
    return {fold(entry["name"]): entry["name"] for entry in file.data}


def _date(file: yamldata.Document, index: int, key: str, problems: list[Problem]) -> date | None:
    """The date at `key` of entry `index`; None, and a problem, if it is wrong."""
    try:
        return parse_date(file.data[index][key])
    except BadValue as err:
        problems.append(file.problem(str(err), index, key))
        return None


def _unique_ids(file: yamldata.Document) -> Iterable[Problem]:
    seen: set[str] = set()
    for index, entry in enumerate(file.data):
        if entry["id"] in seen:
            yield file.problem(f"the id {entry['id']} is used twice", index, "id")
        seen.add(entry["id"])


def _chechen_name(file: yamldata.Document, index: int, name: str) -> Iterable[Problem]:
    for found in palochka.find_lookalikes(name):
        yield file.problem(
            f"palochka typed as {found.name} in «{name}»: write Ӏ (U+04C0)", index, "name", "ce"
        )


_SCHEMAS: dict[str, dict[str, Any]] = {
    "platforms.yml": _KINDS_SCHEMA,
    "activities.yml": _KINDS_SCHEMA,
    "terms.yml": _TERMS_SCHEMA,
    "consent.yml": _CONSENT_SCHEMA,
}
