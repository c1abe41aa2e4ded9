"""Split the built search index into one index per language.

mkdocs-static-i18n leaves one index with the pages of every language, so a
Chechen reader would get Russian results. After the build, this writes

    site/search/search_index.json      Russian pages only
    site/ce/search/search_index.json   Chechen pages only

Every entry's title and text is cleaned as the pages are (postbuild/sanitise.py):
site.js shows them as HTML.

A page belongs to a language when the sitemap lists it under that language:
scripts/postbuild/sitemap.py's reading of it is the one place that knows which pages
are written in which language, so fallback pages never enter the Chechen index.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chechen import palochka
from common.atomic import write_text
from postbuild.sanitise import Removal
from postbuild.sitemap import Sitemap

# Lunr settings per language, read by Material's search worker. Chechen has
# no Lunr stemmer or stop-word list; Russian ones would cut Chechen words
# ("да" is "father"), so the Chechen index runs no pipeline at all.
PIPELINES = {
    "ru": {"lang": ["ru"], "pipeline": ["stopWordFilter"]},
    "ce": {"lang": ["en"], "pipeline": []},
}


Cleaner = Callable[[str], tuple[str, list[Removal]]]


def split(site: Path, sitemap: Sitemap, clean: Cleaner) -> list[tuple[str, Removal]]:
    """Write one index per language, every title and text passed through
    `clean`; return what the cleaning removed, with the built page it was on."""
    combined = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    removed: list[tuple[str, Removal]] = []
    for doc in combined["docs"]:
        for field in ("title", "text"):
            if not isinstance(doc.get(field), str):
                continue
            doc[field], removals = clean(doc[field])
            page = doc["location"].split("#", 1)[0]
            removed += [(page + "index.html", removal) for removal in removals]
    for lang in sitemap.languages:
        root = sitemap.root(lang)
        pages = sitemap.paths(lang)
        docs = []
        for doc in combined["docs"]:
            page = doc["location"].split("#", 1)[0]
            if page in pages:
                docs.append(_localise(doc, root, lang))
        config = dict(combined["config"], **PIPELINES.get(lang, PIPELINES["ru"]))
        index = {"config": config, "docs": docs}
        target = site / root / "search" / "search_index.json"
        write_text(target, json.dumps(index, ensure_ascii=False, separators=(",", ":")))
    return removed


def _localise(doc: dict[str, Any], root: str, lang: str) -> dict[str, Any]:
    """Make the location relative to the language root; unify the palochka."""
    doc = dict(doc, location=doc["location"].removeprefix(root))
    if lang == "ce":
        doc["title"] = palochka.normalise(doc["title"])
        doc["text"] = palochka.normalise(doc["text"])
    return doc
