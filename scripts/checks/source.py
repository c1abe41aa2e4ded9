"""What every check reports, and what every check is given."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
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

    form: str
    term: str  # the glossary's Chechen term
    russian: str  # the glossary's Russian term


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
            avoid=tuple(
                Avoid(form, term["ce"], term["ru"])
                for term in glossary["terms"]
                for form in term.get("avoid", ())
            ),
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
