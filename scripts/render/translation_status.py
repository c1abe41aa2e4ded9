"""The translation status table on /contributing/translations/, in both languages."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from common.site_config import LANGS
from common.words import Section
from common.words import load as load_words
from render.core import GENERATED, NOTICE
from render.mdtext import cell
from render.mdtext import table as mdtable
from render.templating import render_template
from translation.status import SOURCE, STATUSES, PageStatus, statuses


def table(pages: list[PageStatus], words: Section) -> str:
    """The status table in Markdown, for docs/<lang>/contributing/translations.md."""
    lang = words.lang
    counts = Counter(p.status for p in pages)
    rows = []
    for p in pages:
        title = p.titles.get(lang)
        if title is None:  # not written in this language: its title in Russian, marked so
            title = f'<span lang="{SOURCE}">{p.titles[SOURCE]}</span>'
        rows.append([f"[{cell(title)}](../{p.page})", words[p.status]])
    return render_template(
        "translation-status.md.jinja",
        words=words,
        counts=words["counts"].format(total=len(pages), **{s: counts[s] for s in STATUSES}),
        table=mdtable([words["page"], words["status"]], rows).rstrip("\n"),
        no_history=bool(counts["unknown"]),
    )


def render_status(project: Path) -> dict[Path, str]:
    """Renderer (scripts/render/core.py): the status table in both languages."""

    pages = statuses(project)
    words = load_words(project)
    return {
        GENERATED / f"translations.{lang}.md": NOTICE
        + table(pages, words.of("translation_status", lang))
        for lang in LANGS
    }
