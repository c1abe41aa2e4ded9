"""The translation status on /contributing/translations/, in both languages:
each page's translation state (git history) and how much of it a native
speaker has reviewed, then the review of the other Chechen texts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from common.site_config import LANGS
from common.words import Section
from common.words import load as load_words
from render.core import GENERATED, NOTICE, part
from render.mdtext import cell
from render.mdtext import table as mdtable
from render.templating import render_template
from translation.progress import Progress, Tally, progress
from translation.status import DOCS, SOURCE, STATUSES, TARGET, PageStatus, statuses
from translation.units import NOT_FOUND, SITE_STRINGS, THEME_CE


def _tally(tally: Tally, words: Section) -> str:
    return words["blocks"].format(reviewed=tally.reviewed, total=tally.total)


def _reviewed(page: PageStatus, review: Progress, words: Section) -> str:
    tally = review.pages.get(f"{DOCS.as_posix()}/{TARGET}/{page.page}")
    if tally is None:
        return "—"
    file = f"{DOCS.as_posix()}/{TARGET}/{page.page}"
    if review.whole(file):
        return f"{_tally(tally, words)} ({words['whole']})"
    if tally.reviewed == tally.total:
        return f"{_tally(tally, words)} ({words['parts_pending']})"
    return _tally(tally, words)


def _others(review: Progress, words: Section) -> str:
    """The table of the texts that are not pages: strings, labels, glossary."""
    names = {THEME_CE: words["group_theme"], SITE_STRINGS: words["group_site"]}
    names[NOT_FOUND] = words["group_404"]
    rows = []
    for group in (THEME_CE, SITE_STRINGS, NOT_FOUND):
        if group in review.groups["strings"]:
            rows.append([cell(names[group]), _tally(review.groups["strings"][group], words)])
    for file, tally in sorted(review.groups["labels"].items()):
        rows.append([words["group_labels"].format(file=f"`{file}`"), _tally(tally, words)])
    for tally in review.groups["terms"].values():
        rows.append([cell(words["group_glossary"]), _tally(tally, words)])
    return mdtable([words["text"], words["reviewed"]], rows).rstrip("\n")


def table(pages: list[PageStatus], review: Progress, words: Section) -> str:
    """The status in Markdown, for docs/<lang>/contributing/translations.md."""
    lang = words.lang
    counts = Counter(p.status for p in pages)
    rows = []
    for p in pages:
        title = p.titles.get(lang)
        if title is None:  # not written in this language: its title in Russian, marked so
            title = f'<span lang="{SOURCE}">{p.titles[SOURCE]}</span>'
        rows.append([f"[{cell(title)}](../{p.page})", words[p.status], _reviewed(p, review, words)])
    totals = review.totals()
    return render_template(
        "translation-status.md.jinja",
        words=words,
        counts=words["counts"].format(total=len(pages), **{s: counts[s] for s in STATUSES}),
        table=mdtable([words["page"], words["status"], words["reviewed"]], rows).rstrip("\n"),
        no_history=bool(counts["unknown"]),
        review_totals=words["review_totals"].format(
            **{kind: _tally(tally, words) for kind, tally in totals.items()}
        ),
        others=_others(review, words),
    )


def render_status(project: Path) -> dict[Path, str]:
    """Renderer (scripts/render/core.py): the status in both languages."""

    pages = statuses(project, parts=lambda name: part(project, name))
    review = progress(project)
    words = load_words(project)
    return {
        GENERATED / f"translations.{lang}.md": NOTICE
        + table(pages, review, words.of("translation_status", lang))
        for lang in LANGS
    }
