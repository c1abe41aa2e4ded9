"""The news' Atom feeds, one per language, written with feedgen.

    site/news/feed.xml      Russian
    site/ce/news/feed.xml   Chechen (a post not translated yet: the Russian one)

Every address in a feed is absolute, under the site's address with any
path prefix it has (https://owner.github.io/network/…). Entries carry the
title, the summary and the topics: text, never the page's HTML.
"""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]

from common.atomic import write_bytes
from common.site_config import Site
from common.words import Words
from community import news
from community.dates import SCHOOL_TIME

# The newest posts a feed carries: readers keep what they fetched before.
ENTRIES = 20
FEED = "news/feed.xml"


def write_all(
    site_dir: Path,
    site_url: str,
    archive: news.News,
    words: Words,
    site: Site,
    roots: dict[str, str],
) -> list[Path]:
    written = []
    for lang, root in roots.items():
        target = site_dir / root / FEED
        write_bytes(target, feed(site_url, root, archive, words, site, lang))
        written.append(target)
    return written


def feed(
    site_url: str, root: str, archive: news.News, words: Words, site: Site, lang: str
) -> bytes:
    """The Atom document of `lang`, whose pages are under site_url + root
    (the language's folder); the site's own files, the icon, are at site_url."""
    base = site_url + root
    said = words.of("news", lang)
    posts = archive.of(lang)[:ENTRIES]
    generator = FeedGenerator()
    generator.id(base + FEED)
    generator.title(said["feed_title"])
    generator.author({"name": site.school[lang].short})
    generator.link(href=base + "news/", rel="alternate", type="text/html")
    generator.link(href=base + FEED, rel="self", type="application/atom+xml")
    generator.language(lang)
    generator.icon(site_url + "assets/images/favicon.svg")
    generator.updated(_moment(posts[0]) if posts else datetime(2000, 1, 1, tzinfo=SCHOOL_TIME))
    for post in reversed(posts):  # feedgen puts each new entry first
        url = f"{base}news/{post.stem}/"
        entry = generator.add_entry()
        entry.id(url)
        entry.title(post.title)
        entry.link(href=url, rel="alternate", type="text/html")
        entry.summary(post.summary)
        entry.published(_moment(post))
        entry.updated(_moment(post))
        for tag in post.tags:
            entry.category(term=tag, label=archive.tags[tag][lang])
    atom: bytes = generator.atom_str(pretty=True)
    return atom


def _moment(post: news.Post) -> datetime:
    return datetime.combine(post.day, time(), SCHOOL_TIME)
