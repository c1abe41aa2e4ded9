"""What every check reports, and what every check is given."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from common.personal_data import PublicContacts
from common.problem import Problem as Problem
from common.site_config import ROOT


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
class Rules:
    """The project's exceptions to the checks, from data/checks.yml."""

    contacts: PublicContacts = field(default_factory=PublicContacts)

    @classmethod
    def load(cls, data: Path = ROOT / "data") -> Rules:
        return cls(contacts=PublicContacts.load(data))


Check = Callable[[Source, Rules], Iterator[Problem]]
