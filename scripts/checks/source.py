"""What every check reports, and what every check is given."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from common.personal_data import PublicContacts
from common.problem import Problem as Problem
from common.site_config import ROOT

GLOSSARY_FILE = Path("data") / "glossary.yml"
CONSENT_FILE = Path("data") / "consent.yml"
# How a reviewer who is not named is written (reviewed_by, the review workbook).
ANONYMOUS_REVIEWER = "учитель чеченского языка"


def shown(path: Path) -> str:
    """`path` as a person typed it: relative to where the command runs."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


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
        glossary = _yaml(project / GLOSSARY_FILE) or {}
        consent = _yaml(project / CONSENT_FILE) or []
        return cls(
            contacts=PublicContacts.load(project / "data"),
            avoid=tuple(
                Avoid(str(form), str(term["ce"]), str(term["ru"]))
                for term in glossary.get("terms") or ()
                if isinstance(term, dict)
                for form in term.get("avoid") or ()
            ),
            named=frozenset(
                fold(str(entry.get("name", ""))) for entry in consent if isinstance(entry, dict)
            ),
        )


def _yaml(path: Path) -> Any:
    """A data file's content, or None when it is missing or broken (the
    build reports a broken data file by line; checks then go on without it)."""
    try:
        return yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError):
        return None


def fold(name: str) -> str:
    """A name as names are compared: case, ё/е and spaces aside."""
    return " ".join(name.casefold().replace("ё", "е").split())


Check = Callable[[Source, Rules], Iterator[Problem]]
