"""The glossary table on /glossary/, made from data/glossary.yml.

    docs/.generated/glossary.ru.md   Russian first, in Russian order
    docs/.generated/glossary.ce.md   Chechen first, in Chechen order

A term without a source is not confirmed, and the table says so in words.
The table's own words are in data/words.yml (section glossary).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chechen import palochka
from chechen.alphabet import sort_key as chechen_key
from common import yamldata
from common.problem import Problem, Problems
from common.schema import TEXT, in_every_language, registry
from common.site_config import LANGS
from common.words import Section
from common.words import load as load_words
from render.core import GENERATED, NOTICE
from render.mdtext import cell, in_lang, table

GLOSSARY = Path("data") / "glossary.yml"

_NAMES = in_every_language(TEXT)
_SCOPED = {
    "type": "object",
    "required": ["form", "in"],
    "additionalProperties": False,
    "properties": {"form": TEXT, "in": {"type": "array", "minItems": 1, "items": TEXT}},
}
SCHEMA = {
    "type": "object",
    "required": ["sources", "terms"],
    "additionalProperties": False,
    "properties": {
        "sources": {**registry(), "minItems": 1},
        "terms": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": list(LANGS),
                "additionalProperties": False,
                "properties": {
                    **{lang: TEXT for lang in LANGS},
                    "source": {"type": "string"},
                    "note": _NAMES,
                    # Forms `make check` flags in Chechen text (checks/glossary_terms.py):
                    # a stem everywhere, or {form, in: [globs]} in some files only.
                    "avoid": {"type": "array", "minItems": 1, "items": {"oneOf": [TEXT, _SCOPED]}},
                },
            },
        },
    },
}


@dataclass(frozen=True)
class Term:
    words: dict[str, str]  # language -> term
    source: dict[str, str] | None  # language -> the source's name; None: unconfirmed
    note: dict[str, str] | None

    @property
    def confirmed(self) -> bool:
        return self.source is not None


def load(project: Path) -> list[Term]:
    """The glossary's terms; raise Problems when the data is wrong."""
    document = yamldata.load(project / GLOSSARY, SCHEMA, str(GLOSSARY))
    problems: list[Problem] = []
    sources = {source["id"]: source["name"] for source in document.data["sources"]}
    terms: list[Term] = []
    seen: dict[str, str] = {}
    for index, entry in enumerate(document.data["terms"]):
        path: list[str | int] = ["terms", index]
        for found in palochka.find_lookalikes(entry["ce"]):
            problems.append(
                document.problem(
                    f"в «{entry['ce']}» палочка набрана как {found.name}: пишите Ӏ (U+04C0)",
                    *path,
                    "ce",
                )
            )
        key = entry["ru"].casefold()
        if key in seen:
            problems.append(document.problem(f"«{entry['ru']}» уже есть в словаре", *path, "ru"))
        seen[key] = entry["ru"]
        source = entry.get("source")
        if source is not None and source not in sources:
            known = ", ".join(sorted(sources))
            problems.append(
                document.problem(f"нет источника «{source}»; есть: {known}", *path, "source")
            )
        terms.append(
            Term(
                {lang: entry[lang] for lang in LANGS},
                sources.get(source) if source else None,
                entry.get("note"),
            )
        )
    if problems:
        raise Problems(problems)
    return terms


def _order(lang: str) -> Callable[[Term], Any]:
    if lang == "ce":
        return lambda term: chechen_key(term.words["ce"])
    return lambda term: term.words["ru"].casefold().replace("ё", "е")


def render_table(terms: list[Term], words: Section) -> str:
    """The glossary in the words' language: its column first, in its order."""
    lang = words.lang
    other = next(code for code in LANGS if code != lang)
    rows = []
    for term in sorted(terms, key=_order(lang)):
        status = term.source[lang] if term.source else words["unconfirmed"]
        if term.note:
            status += f" — {term.note[lang]}"
        rows.append(
            [
                cell(term.words[lang]),
                in_lang(cell(term.words[other]), other, lang),
                cell(status),
            ]
        )
    unconfirmed = sum(not term.confirmed for term in terms)
    count = words["count"].format(terms=len(terms), unconfirmed=unconfirmed)
    return f"{NOTICE}\n{count}\n\n{table(words.list('columns'), rows)}"


def render_glossary(project: Path) -> dict[Path, str]:
    terms = load(project)
    words = load_words(project)
    return {
        GENERATED / f"glossary.{lang}.md": render_table(terms, words.of("glossary", lang))
        for lang in LANGS
    }
