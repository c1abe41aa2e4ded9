"""What every check reports, and what every check is given."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from common import yamldata
from common.problem import Problem as Problem
from common.schema import TEXT
from common.site_config import ROOT

RULES_FILE = ROOT / "data" / "checks.yml"
_TEXTS = {"type": ["array", "null"], "items": TEXT}
_RULES_SCHEMA = {
    "type": ["object", "null"],
    "additionalProperties": False,
    "properties": {
        "public_contacts": {
            "type": ["object", "null"],
            "additionalProperties": False,
            "properties": {"phones": _TEXTS, "emails": _TEXTS},
        },
        "iframe_hosts": _TEXTS,
    },
}


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

    phones: frozenset[str] = frozenset()
    emails: frozenset[str] = frozenset()
    iframe_hosts: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def load(cls, path: Path = RULES_FILE) -> Rules:
        """The exceptions; raise Problems, by line, when the file is wrong."""
        if not path.exists():
            return cls()
        data = yamldata.load(path, _RULES_SCHEMA, shown(path)).data or {}
        contacts = data.get("public_contacts") or {}
        return cls(
            phones=frozenset(phone_key(p) for p in contacts.get("phones") or ()),
            emails=frozenset(e.lower() for e in contacts.get("emails") or ()),
            iframe_hosts=frozenset(h.lower() for h in data.get("iframe_hosts") or ()),
        )


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def phone_key(text: str) -> str:
    """The part of a Russian phone number that the +7, 7 and 8 forms share."""
    return digits(text)[-10:]


Check = Callable[[Source, Rules], Iterator[Problem]]
