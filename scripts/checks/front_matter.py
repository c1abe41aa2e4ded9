"""Front matter checked against scripts/checks/front-matter.schema.yml.

On top of the schema, these rules. Values are plain text: no < or >, since
the theme shows a title in the menus and the page's head as HTML (the
templates escape what they can; the build's gates fail what breaks out).
A Chechen page says whether a native speaker has reviewed it
(translation_review: needed or reviewed), and a Russian page has no such
key. A reviewed page says who reviewed it and when (reviewed_by,
reviewed_on): the reviewer by role («учитель чеченского языка»), or by name
only when data/consent.yml records the teacher's consent (152-FZ).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from common import yamldata
from common.problem import Problems
from common.schema import TEXT
from common.yamldata import russian, strings_in

from .markdown_text import front_matter_end
from .source import ANONYMOUS_REVIEWER, Problem, Rules, Source, fold

SCHEMA = Path(__file__).with_name("front-matter.schema.yml")
REVIEW = "translation_review"
REVIEWED_BY, REVIEWED_ON = "reviewed_by", "reviewed_on"


@cache
def validator() -> Draft202012Validator:
    """The schema file, with non-empty text as every data file defines it:
    its `$defs.text` is common/schema.py's TEXT, filled in here."""
    schema = yaml.safe_load(SCHEMA.read_text("utf-8"))
    schema["$defs"]["text"] = TEXT
    return Draft202012Validator(schema)


def read(source: Source) -> Any:
    """The front matter of the Markdown `source` ({} when it has none);
    raise Problems, by line, when it is not YAML or has an anchor or alias."""
    end = front_matter_end(source.lines)
    if not end:
        return {}
    try:
        return yamldata.parse("\n".join(source.lines[1 : end - 1]), source.label, first_line=2).data
    except Problems as err:
        told = [
            Problem(p.source, p.line, f"шапка страницы (front matter): {p.message}")
            for p in err.problems
        ]
        raise Problems(told) from None


def check(source: Source, rules: Rules) -> Iterator[Problem]:
    if not source.is_markdown:
        return
    end = front_matter_end(source.lines)
    try:
        meta = read(source)
    except Problems as err:
        yield from err.problems
        return
    if not isinstance(meta, dict):
        yield Problem(source.label, 1, "шапка страницы — это строки «ключ: значение»")
        return
    # YAML reads 2026-11-25 as a date; the schema checks dates as text.
    meta = {k: v.isoformat() if isinstance(v, date) else v for k, v in meta.items()}

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
                    source.label, line_of(key), f"в шапке нет такого ключа «{key}»; есть: {known}"
                )
        else:
            key = str(error.path[0]) if error.path else ""
            yield Problem(source.label, line_of(key), f"шапка, «{key}»: {russian(error)}")
    for key, value in meta.items():
        if any(char in text for text in strings_in(value) for char in "<>"):
            yield Problem(
                source.label,
                line_of(str(key)),
                f"шапка, «{key}»: здесь нельзя HTML (< или >), пишите простой текст",
            )
    if source.is_chechen and REVIEW not in meta:
        yield Problem(
            source.label,
            1,
            f"у чеченской страницы в шапке должно быть «{REVIEW}: needed» "
            "(или «reviewed», когда текст проверил носитель языка)",
        )
    if not source.is_chechen and REVIEW in meta:
        yield Problem(
            source.label, line_of(REVIEW), f"«{REVIEW}» пишется только у чеченских страниц"
        )
    yield from _reviewer(source, meta, rules, line_of)


def _reviewer(
    source: Source, meta: dict[str, Any], rules: Rules, line_of: Callable[[str], int]
) -> Iterator[Problem]:
    reviewed = meta.get(REVIEW) == "reviewed"
    for key in (REVIEWED_BY, REVIEWED_ON):
        if key in meta and not reviewed:
            yield Problem(
                source.label, line_of(key), f"«{key}» пишется только вместе с «{REVIEW}: reviewed»"
            )
        if reviewed and key not in meta:
            yield Problem(
                source.label,
                line_of(REVIEW),
                f"у проверенной страницы сказано, кто и когда её проверил: добавьте «{key}:»",
            )
    by = meta.get(REVIEWED_BY)
    if (
        reviewed
        and isinstance(by, str)
        and fold(by) not in {fold(ANONYMOUS_REVIEWER), *rules.named}
    ):
        yield Problem(
            source.label,
            line_of(REVIEWED_BY),
            f"«{by}»: учителя называют по имени, только если его согласие записано в "
            f"data/consent.yml; напишите «{ANONYMOUS_REVIEWER}»",
        )
    on = meta.get(REVIEWED_ON)
    if reviewed and isinstance(on, str) and on > date.today().isoformat():
        yield Problem(
            source.label, line_of(REVIEWED_ON), f"«{REVIEWED_ON}: {on}» — этот день ещё не наступил"
        )
