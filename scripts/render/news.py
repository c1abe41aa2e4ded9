"""The news lists, from the posts in docs/<lang>/news/ (community/news.py).

    docs/.generated/news/latest.<lang>.md  the newest three, for the home page
    docs/.generated/news/page-1.<lang>.md  the first ten, for /news/
    docs/<lang>/news/page/<n>.md           /news/page/2/ and on: ten a page

Each post's page is its own file, built by MkDocs; its date line and the
links to its neighbours are added after the build (postbuild/news.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from common.site_config import LANGS
from common.words import Section
from common.words import load as load_words
from community import news
from community.dates import day_in_words
from render.core import GENERATED, NOTICE
from render.mdtext import markdown_text
from render.templating import render_template

PER_PAGE = 10
LATEST = 3
PAGES = "docs/{lang}/news/page"


@dataclass(frozen=True)
class Item:
    """A post as a list shows it; every text is already safe Markdown."""

    href: str
    anchor: str  # the heading's id, from the post's stem: the same in every language
    title: str
    note: str  # after the title: «(на русском языке)» for a fallback
    lang: str  # the language of the post's text, when not the page's; else ""
    iso: str
    day: str
    tags: str
    summary: str


def render(project: Path) -> dict[Path, str]:
    """The renderer: the lists of every language (render/core.py)."""
    archive = news.load(project)
    words = load_words(project)
    outputs: dict[Path, str] = {}
    for lang in LANGS:
        said = words.of("news", lang)
        posts = archive.of(lang)
        pages = [posts[i : i + PER_PAGE] for i in range(0, len(posts), PER_PAGE)] or [[]]
        latest = _items(posts[:LATEST], archive, lang, said, "news/")
        outputs[GENERATED / "news" / f"latest.{lang}.md"] = NOTICE + render_template(
            "news-list.md.jinja",
            items=latest,
            level="###",
            words=said,
            all_href="news/index.md",
            pager=None,
        )
        for number, page in enumerate(pages, start=1):
            first = number == 1
            items = _items(page, archive, lang, said, "" if first else "../")
            pager = _pager(number, len(pages), said)
            text = render_template(
                "news-list.md.jinja", items=items, level="##", words=said, all_href="", pager=pager
            )
            if first:
                outputs[GENERATED / "news" / f"page-1.{lang}.md"] = NOTICE + text
            else:
                outputs[Path(PAGES.format(lang=lang)) / f"{number}.md"] = _page(
                    lang, said, number, text
                )
    return outputs


def _items(
    posts: list[news.Post], archive: news.News, lang: str, said: Section, prefix: str
) -> list[Item]:
    items = []
    for post in posts:
        names = [archive.tags[tag][lang] for tag in post.tags]
        tags = (
            f" · {markdown_text(said['tags'])} {markdown_text(', '.join(names))}" if names else ""
        )
        fallback = post.lang != lang
        items.append(
            Item(
                href=f"{prefix}{post.stem}.md",
                anchor=f"news-{post.stem}",
                title=markdown_text(post.title),
                note=f" {markdown_text(said['in_russian'])}" if fallback else "",
                lang=post.lang if fallback else "",
                iso=post.day.isoformat(),
                day=day_in_words(post.day, lang),
                tags=tags,
                summary=markdown_text(post.summary),
            )
        )
    return items


def _pager(number: int, count: int, said: Section) -> dict[str, str] | None:
    """Links to the pages before and after page `number` (of `count`)."""
    if count < 2:
        return None
    here = "" if number == 1 else "../"

    def href(target: int) -> str:
        if target == 1:
            return f"{here}index.md"
        return f"page/{target}.md" if number == 1 else f"{target}.md"

    return {
        "label": said["pages_label"],
        "newer": href(number - 1) if number > 1 else "",
        "older": href(number + 1) if number < count else "",
        "where": said["page"].format(page=number, pages=count),
    }


def _page(lang: str, said: Section, number: int, text: str) -> str:
    """A whole page of the list after the first, /news/page/<n>/."""
    meta: dict[str, object] = {
        "description": said["page_title"].format(page=number),
        # Its edit button opens the news' index: this file is made.
        "edit_path": f"docs/{lang}/news/index.md",
        "search": {"exclude": True},
    }
    if lang != LANGS[0]:
        meta["translation_review"] = "needed"
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    title = markdown_text(said["page_title"].format(page=number))
    return f"---\n{head}---\n\n# {title}\n\n{NOTICE}\n{text}"
