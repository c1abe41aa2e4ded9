"""What every check reports, and what every check is given."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import cached_property
from pathlib import Path
from typing import Any

from common import yamldata
from common.personal_data import PublicContacts
from common.problem import Problem as Problem
from common.site_config import ROOT
from common.textfile import shown as shown
from render.glossary import SCHEMA as GLOSSARY_SCHEMA

GLOSSARY_FILE = Path("data") / "glossary.yml"
CONSENT_FILE = Path("data") / "consent.yml"
# How a reviewer who is not named is written (reviewed_by, the review workbook).
ANONYMOUS_REVIEWER = "учитель чеченского языка"


@dataclass(frozen=True)
class Source:
    """One file to check."""

    path: Path
    text: str

    @property
    def label(self) -> str:
        """How problems name the file: as a person typed it."""
        return shown(self.path)

    @property
    def is_markdown(self) -> bool:
        return self.path.suffix == ".md"

    @property
    def is_chechen(self) -> bool:
        """Chechen text lives under a ce/ folder or in a *.ce.md file."""
        return "ce" in self.path.parts or self.path.name.endswith(".ce.md")

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()


@dataclass(frozen=True)
class Avoid:
    """A form the glossary says to avoid, and the term to write instead."""

    form: str  # a stem, or stems of words that follow each other
    term: str  # the glossary's Chechen term
    russian: str  # the glossary's Russian term
    scope: tuple[str, ...] = ()  # globs of the files it is avoided in; () for all

    def applies_to(self, path: Path) -> bool:
        """Whether the form is avoided in `path` (globs match from the right,
        as from the project's root: «docs/ce/reports/*»)."""
        where = path.resolve().as_posix()
        return not self.scope or any(
            fnmatchcase(where, pattern) or fnmatchcase(where, f"*/{pattern}")
            for pattern in self.scope
        )


def _avoided(term: dict[str, Any]) -> Iterator[Avoid]:
    """The forms a glossary entry says to avoid: a text (everywhere), or
    {form, in} for a form avoided only in some files."""
    for item in term.get("avoid") or ():
        if isinstance(item, dict):
            scope = tuple(str(glob) for glob in item.get("in") or ())
            yield Avoid(str(item.get("form")), str(term["ce"]), str(term["ru"]), scope)
        else:
            yield Avoid(str(item), str(term["ce"]), str(term["ru"]))


@dataclass(frozen=True)
class Rules:
    """What the checks take from the project: the exceptions in
    data/checks.yml, the forms data/glossary.yml says to avoid, and the
    teachers data/consent.yml allows to be named (folded)."""

    contacts: PublicContacts = field(default_factory=PublicContacts)
    avoid: tuple[Avoid, ...] = ()
    named: frozenset[str] = frozenset()

    @classmethod
    def load(cls, project: Path = ROOT) -> Rules:
        """The project's rules; raise Problems when a file they come from
        cannot be read (a glossary that breaks its schema included)."""
        glossary = _data(project, GLOSSARY_FILE, GLOSSARY_SCHEMA) or {"terms": []}
        consent = _data(project, CONSENT_FILE, {}) or []
        return cls(
            contacts=PublicContacts.load(project / "data"),
            avoid=tuple(avoid for term in glossary["terms"] for avoid in _avoided(term)),
            named=frozenset(
                fold(str(entry.get("name", "")))
                for entry in (consent if isinstance(consent, list) else ())
                if isinstance(entry, dict)
            ),
        )


def _data(project: Path, file: Path, schema: dict[str, Any]) -> Any:
    """A data file's content, checked against `schema`; None when there is
    no such file. Raise Problems when it cannot be read or breaks `schema`
    (consent.yml's own schema is the statistics' to check)."""
    if not (project / file).exists():
        return None
    return yamldata.load(project / file, schema, file.as_posix()).data


def fold(name: str) -> str:
    """A name as names are compared: case, ё/е and spaces aside."""
    return " ".join(name.casefold().replace("ё", "е").split())


Check = Callable[[Source, Rules], Iterator[Problem]]
