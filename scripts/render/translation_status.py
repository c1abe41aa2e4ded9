"""The translation status table on /contributing/translations/, in both languages."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from render.core import GENERATED, NOTICE
from render.mdtext import cell
from render.mdtext import table as mdtable
from translation.status import SOURCE, STATUSES, PageStatus, statuses

# The status page's words, in each language of the site.
WORDS = {
    "ru": {
        "page": "Страница",
        "status": "Перевод",
        "translated": "переведена",
        "outdated": "русский текст изменился после перевода",
        "missing": "ещё не переведена",
        "unknown": "неизвестно",
        "counts": "Переведено {translated} из {total}; устарело {outdated}; "
        "не переведено {missing}.",
        "no_history": "Без истории git состояние переводов неизвестно.",
    },
    "ce": {
        "page": "АгӀо",
        "status": "Гочдар",
        "translated": "гочйина",
        "outdated": "гочдинчул тӀаьхьа оьрсийн йоза хийцина",
        "missing": "хӀинца а гочйина яц",
        "unknown": "хууш дац",
        "counts": "{total} агӀонах гочйина {translated}; тиша хилла {outdated}; "
        "гочйина яц {missing}.",
        "no_history": "git-н истори йоцуш гочдарийн хьал хууш дац.",
    },
}


def table(pages: list[PageStatus], lang: str) -> str:
    """The status table in Markdown, for docs/<lang>/contributing/translations.md."""
    words = WORDS[lang]
    counts = Counter(p.status for p in pages)
    rows = []
    for p in pages:
        title = p.titles.get(lang)
        if title is None:  # not written in this language: its title in Russian, marked so
            title = f'<span lang="{SOURCE}">{p.titles[SOURCE]}</span>'
        rows.append([f"[{cell(title)}](../{p.page})", words[p.status]])
    counted = words["counts"].format(total=len(pages), **{s: counts[s] for s in STATUSES})
    text = f"{counted}\n\n{mdtable([words['page'], words['status']], rows)}"
    return text + (f"\n{words['no_history']}\n" if counts["unknown"] else "")


def render_status(project: Path) -> dict[Path, str]:
    """Renderer (scripts/render/core.py): the status table in both languages."""

    pages = statuses(project)
    return {GENERATED / f"translations.{lang}.md": NOTICE + table(pages, lang) for lang in WORDS}
