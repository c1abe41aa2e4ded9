"""JSON-schema pieces that every data file shares."""

from __future__ import annotations

from typing import Any

from common.site_config import LANGS

# Text that says something: not empty, not only spaces.
TEXT: dict[str, Any] = {"type": "string", "minLength": 1, "pattern": r"\S"}


def registry(**properties: dict[str, Any]) -> dict[str, Any]:
    """A list of entries, each an `id` (lowercase letters, digits, hyphens)
    and its names in every language, plus `properties`."""
    return {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["id", "name"],
            "additionalProperties": False,
            "properties": {
                "id": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"},
                "name": in_every_language(TEXT),
                **properties,
            },
        },
    }


def in_every_language(value: dict[str, Any]) -> dict[str, Any]:
    """A mapping with one `value` per language of the site, and nothing else."""
    return {
        "type": "object",
        "required": list(LANGS),
        "additionalProperties": False,
        "properties": {lang: value for lang in LANGS},
    }
