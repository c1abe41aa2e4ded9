"""Each news post's page: its date and topics under the heading, and links
to the posts before and after it at the end.

MkDocs builds a post from its own file (docs/<lang>/news/…md), so its page
knows nothing of the other posts; this step, run on the built page, does.
A Chechen address that shows the Russian post gets the Chechen words
around the Russian text, like every other part of its page.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from common.words import Section, Words
from community import news
from community.dates import day_in_words

ARTICLE_END = "</article>"


def decorate_all(site: Path, archive: news.News, words: Words, roots: dict[str, str]) -> int:
    """Decorate every post's page in `site`; return how many were."""
    count = 0
    for lang, root in roots.items():
        said = words.of("news", lang)
        for post in archive.of(lang):
            page = site / root / "news" / post.stem / "index.html"
            html = page.read_text("utf-8")
            page.write_text(decorate(html, post, archive, lang, said), "utf-8")
            count += 1
    return count


def decorate(html: str, post: news.Post, archive: news.News, lang: str, said: Section) -> str:
    """`html` with the date line after the first heading of its article and
    the neighbours' links at the article's end."""
    names = [archive.tags[tag][lang] for tag in post.tags]
    topics = f" · {escape(said['tags'])} {escape(', '.join(names))}" if names else ""
    meta = (
        f'<p class="site-news-meta" lang="{lang}"><time datetime="{post.day.isoformat()}">'
        f"{escape(day_in_words(post.day, lang))}</time>{topics}</p>"
    )
    if post.example:
        meta += (
            f'<p class="site-notice site-notice--example" role="note" lang="{lang}">'
            f"{escape(said['example'])}</p>"
        )
    older, newer = archive.neighbours(lang, post.stem)
    links = []
    if older:
        links.append(_link(older, said["older_post"], "prev", lang))
    links.append(f'<a href="../">{escape(said["all"])}</a>')
    if newer:
        links.append(_link(newer, said["newer_post"], "next", lang))
    pager = (
        f'<nav class="site-pager site-pager--posts" lang="{lang}" '
        f'aria-label="{escape(said["posts_label"])}">' + "".join(links) + "</nav>"
    )
    start = html.index("<article")
    heading_end = html.index("</h1>", start) + len("</h1>")
    end = html.rindex(ARTICLE_END)
    return html[:heading_end] + meta + html[heading_end:end] + pager + html[end:]


def _link(post: news.Post, label: str, rel: str, lang: str) -> str:
    title_lang = f' lang="{post.lang}"' if post.lang != lang else ""
    return (
        f'<a href="../{post.stem}/" rel="{rel}"><span class="site-pager__label">'
        f"{escape(label)}</span> <span{title_lang}>{escape(post.title)}</span></a>"
    )
