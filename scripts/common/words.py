"""The site's wording in every language, from data/words.yml.

    section:
      key: {ru: Текст, ce: Йоза}         one text
      key: {ru: [А, Б], ce: [А, Б]}      a list of texts (table columns, say)

The renderers take their words from here, never from Python code, so a
translator edits one file and `make check` checks it like any data file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import yamldata
from common.schema import TEXT, in_every_language

WORDS_FILE = Path("data") / "words.yml"

_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": {
        "type": "object",
        "additionalProperties": in_every_language(
            {"oneOf": [TEXT, {"type": "array", "minItems": 1, "items": TEXT}]}
        ),
    },
}


@dataclass(frozen=True)
class Section:
    """The words of one section in one language."""

    name: str
    lang: str
    values: Mapping[str, str | list[str]]

    def __getitem__(self, key: str) -> str:
        value = self.values[key]
        if not isinstance(value, str):
            raise TypeError(f"{WORDS_FILE}: {self.name}.{key} is a list, not one text")
        return value

    def list(self, key: str) -> list[str]:
        value = self.values[key]
        return [value] if isinstance(value, str) else list(value)


@dataclass(frozen=True)
class Words:
    data: Mapping[str, Mapping[str, Mapping[str, str | list[str]]]]

    def of(self, section: str, lang: str) -> Section:
        entries = self.data[section]
        return Section(section, lang, {key: texts[lang] for key, texts in entries.items()})


def load(project: Path) -> Words:
    """The project's words; raise Problems, by line, when the file is wrong."""
    document = yamldata.load(project / WORDS_FILE, _SCHEMA, str(WORDS_FILE))
    return Words(document.data or {})
