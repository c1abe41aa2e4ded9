"""Front matter checked against scripts/checks/front-matter.schema.yml.

On top of the schema, one rule about languages: a Chechen page says
whether a native speaker has reviewed it (translation_review: needed or
reviewed), and a Russian page has no such key.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from .markdown_text import front_matter_end
from .source import Problem, Rules, Source

SCHEMA = Path(__file__).with_name("front-matter.schema.yml")
REVIEW = "translation_review"


@cache
def validator() -> Draft202012Validator:
    return Draft202012Validator(yaml.safe_load(SCHEMA.read_text("utf-8")))


def check(source: Source, rules: Rules) -> Iterator[Problem]:
    if not source.is_markdown:
        return
    end = front_matter_end(source.lines)
    try:
        meta = yaml.safe_load("\n".join(source.lines[1 : end - 1])) if end else {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        yield Problem(source.label, line, f"front matter is not valid YAML: {_reason(err)}")
        return
    if not isinstance(meta, dict):
        yield Problem(source.label, 1, "front matter must be «key: value» lines")
        return
    # YAML reads 2026-11-25 as a date; the schema checks the text of it.
    meta = {key: v.isoformat() if isinstance(v, date) else v for key, v in meta.items()}

    def line_of(key: str) -> int:
        for number, line in enumerate(source.lines[:end], start=1):
            if line.startswith(f"{key}:"):
                return number
        return 1

    schema: dict[str, Any] = validator().schema  # type: ignore[assignment]  # ours is an object
    for error in validator().iter_errors(meta):
        if error.validator == "additionalProperties" and not error.path:
            for key in sorted(set(meta) - set(schema["properties"])):
                known = ", ".join(schema["properties"])
                yield Problem(
                    source.label, line_of(key), f"unknown front-matter key «{key}»; known: {known}"
                )
        else:
            key = str(error.path[0]) if error.path else ""
            yield Problem(source.label, line_of(key), f"front matter «{key}»: {error.message}")
    if source.is_chechen and REVIEW not in meta:
        yield Problem(
            source.label,
            1,
            f"a Chechen page needs «{REVIEW}: needed» in its front matter "
            "(or «reviewed» once a native speaker has checked it)",
        )
    if not source.is_chechen and REVIEW in meta:
        yield Problem(source.label, line_of(REVIEW), f"«{REVIEW}» is for Chechen pages only")


def _reason(err: yaml.YAMLError) -> str:
    return str(getattr(err, "problem", None) or err).strip()
