"""The site's wording in every language, from data/words.yml.

    section:
      key: {ru: Текст, ce: Йоза}         one text
      key: {ru: [А, Б], ce: [А, Б]}      a list of texts (table columns, say)

    messages:
      key: Текст {value}                 what the tools tell a person, Russian only

The renderers take their words from here, never from Python code, so a
translator edits one file and `make check` checks it like any data file.
A text filled with values its placeholders ({name}) do not name is told
at its line (Text.format), as the build and `make check` meet it.
The build's and the checks' messages (`message`) are not text of the site:
they are in Russian alone, as every message of the tools.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import yamldata
from common.problem import Problem, Problems
from common.schema import TEXT, in_every_language
from common.site_config import ROOT

WORDS_FILE = Path("data") / "words.yml"
MESSAGES = "messages"

_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {MESSAGES: {"type": "object", "additionalProperties": TEXT}},
    "additionalProperties": {
        "type": "object",
        "additionalProperties": in_every_language(
            {"oneOf": [TEXT, {"type": "array", "minItems": 1, "items": TEXT}]}
        ),
    },
}


class Text(str):
    """A text of the words that knows where it is written, so that filling it
    with the wrong values is told as FILE:LINE, not as a traceback."""

    _problem: Callable[[str], Problem]

    def __new__(cls, value: str, problem: Callable[[str], Problem]) -> Text:
        text = super().__new__(cls, value)
        text._problem = problem
        return text

    def format(self, *args: object, **kwargs: object) -> str:
        try:
            return str.format(self, *args, **kwargs)
        except (KeyError, IndexError, ValueError, AttributeError):
            known = ", ".join(f"{{{name}}}" for name in kwargs) or "никаких"
            wrong = f"неверная подстановка в фигурных скобках; здесь можно: {known}"
            raise Problems([self._problem(wrong)]) from None


@dataclass(frozen=True)
class Section:
    """The words of one section in one language."""

    name: str
    lang: str
    values: Mapping[str, str | list[str]]
    document: yamldata.Document | None = None

    def _value(self, key: str) -> str | list[str]:
        if key not in self.values:
            missing = f"{self.name}.{key}: нет такой строки, а она нужна страницам сайта"
            raise Problems([self.problem(missing)])
        return self.values[key]

    def __getitem__(self, key: str) -> str:  # a Text
        value = self._value(key)
        if not isinstance(value, str):
            raise Problems(
                [self.problem(f"{self.name}.{key}.{self.lang}: здесь один текст, а не список", key)]
            )
        return self._text(key, value)

    def list(self, key: str) -> list[str]:  # of Text
        value = self._value(key)
        texts: list[str] = [
            self._text(key, v) for v in ([value] if isinstance(value, str) else value)
        ]
        return texts

    def _text(self, key: str, value: str) -> Text:
        return Text(value, lambda message: self.problem(f"{self.name}.{key}: {message}", key))

    def problem(self, message: str, key: str | None = None) -> Problem:
        """A problem with this section's `key` in this language, at its line."""
        at = [self.name] + ([key, self.lang] if key else [])
        if self.document is None:
            return Problem(str(WORDS_FILE), 1, message)
        return self.document.problem(message, *at)


@dataclass(frozen=True)
class Words:
    data: Mapping[str, Mapping[str, Mapping[str, str | list[str]]]]
    document: yamldata.Document | None = None

    def of(self, section: str, lang: str) -> Section:
        if section not in self.data:
            missing = f"нет раздела «{section}», а он нужен страницам сайта"
            problem = Problem(str(WORDS_FILE), 1, missing)
            raise Problems([problem])
        entries = self.data[section]
        values = {key: texts[lang] for key, texts in entries.items()}
        return Section(section, lang, values, self.document)


def load(project: Path) -> Words:
    """The project's words; raise Problems, by line, when the file is wrong."""
    document = yamldata.load(project / WORDS_FILE, _SCHEMA, str(WORDS_FILE))
    return Words(document.data or {}, document)


@functools.cache
def _messages() -> Mapping[str, str]:
    """The tools' messages, from this checkout's data/words.yml; none when
    the file is broken (the build and `make check` say where it is)."""
    try:
        document = yamldata.load(ROOT / WORDS_FILE, _SCHEMA, str(WORDS_FILE))
    except Problems:
        return {}
    return dict((document.data or {}).get(MESSAGES) or {})


def message(key: str, **values: object) -> str:
    """What the build or a check tells a person: messages.`key` of
    data/words.yml, filled with `values`. Never fails: with the file broken,
    the key and the values are told as they are."""
    text = _messages().get(key)
    try:
        return " ".join(str(text).format(**values).split()) if text else _bare(key, values)
    except (KeyError, IndexError, ValueError):  # a placeholder the code does not fill
        return _bare(key, values)


def _bare(key: str, values: dict[str, object]) -> str:
    return " ".join([key, *(f"{name}={value}" for name, value in values.items())])
