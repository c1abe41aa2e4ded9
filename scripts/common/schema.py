"""JSON-schema pieces that every data file shares."""

from __future__ import annotations

from typing import Any

from common.site_config import LANGS

# Text that says something: not empty, not only spaces.
TEXT: dict[str, Any] = {"type": "string", "minLength": 1, "pattern": r"\S"}


def in_every_language(value: dict[str, Any]) -> dict[str, Any]:
    """A mapping with one `value` per language of the site, and nothing else."""
    return {
        "type": "object",
        "required": list(LANGS),
        "additionalProperties": False,
        "properties": {lang: value for lang in LANGS},
    }
