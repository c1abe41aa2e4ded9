"""JSON-schema pieces that every data file shares."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# Text that says something: not empty, not only spaces.
TEXT: dict[str, Any] = {"type": "string", "minLength": 1, "pattern": r"\S"}
# A web address: http or https, with a host, nothing that could break the
# link it is written into (common/urls.py); HTTPS_URL, https only.
URL: dict[str, Any] = {"type": "string", "format": "web-address"}
HTTPS_URL: dict[str, Any] = {"type": "string", "format": "https-address"}
# A name for a thing in data files: lower case, digits and hyphens.
ID: dict[str, Any] = {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"}
# What a value that breaks one of these patterns is told (common/yamldata.py),
# in the words of the coordinator and the teachers, not as a regex.
PATTERNS_RU: dict[str, str] = {
    TEXT["pattern"]: "не может состоять из одних пробелов",
    ID["pattern"]: "пишите латинские строчные буквы, цифры и дефис, первой — букву",
}


def in_every_language(value: dict[str, Any], langs: Sequence[str] | None = None) -> dict[str, Any]:
    """A mapping with one `value` per language of the site, and nothing else.

    `langs` is for site_config alone, which reads the languages themselves.
    """
    if langs is None:
        from common.site_config import LANGS

        langs = LANGS
    return {
        "type": "object",
        "required": list(langs),
        "additionalProperties": False,
        "properties": {lang: value for lang in langs},
    }


def registry(**properties: dict[str, Any]) -> dict[str, Any]:
    """A list of entries, each an `id` (lowercase letters, digits, hyphens)
    and its names in every language, plus `properties`."""
    return {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["id", "name"],
            "additionalProperties": False,
            "properties": {"id": ID, "name": in_every_language(TEXT), **properties},
        },
    }


def list_in_every_language(item: dict[str, Any]) -> dict[str, Any]:
    """A mapping with a non-empty list of `item` per language."""
    return in_every_language({"type": "array", "minItems": 1, "items": item})
