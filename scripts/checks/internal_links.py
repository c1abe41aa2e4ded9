"""Links between the site's pages that lead nowhere: a missing page, file
or anchor, found in the Markdown itself, without building the site.

A page docs/<lang>/a/b.md links relatively, as MkDocs resolves it: to
another page (`../policy.md`), a file (`chart.png`), an anchor of a page
(`policy.md#members`) or of itself (`#members`). A page missing in a
translation is shown in the default language, so a Chechen page may link
to a page only the Russian side has. Anchors are the headings' ids, as the
toc extension makes them (an explicit `{#id}`, else the slug of the
heading's text), and ids written in HTML or attribute lists; a page whose
generated parts (docs/.generated/) are not rendered yet is not judged on
its anchors. A link from the site's root (`/policy/`) is refused: it
leads past the site under /ce/ and on a GitHub project page
(…github.io/network/); the message names the relative link to write. The
strict build checks the same links again, on the built site.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pymdownx.slugs import slugify

from common.words import message
from postbuild.calendars import CALENDAR
from postbuild.feeds import FEED

from .markdown_text import front_matter_end, html_tags, without_code
from .source import Problem, Rules, Source

INLINE = re.compile(r"\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$", re.MULTILINE)
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
EXPLICIT_ID = re.compile(r"\{[^}]*#([\w\-:.]+)[^}]*\}\s*$")
ATTR_ID = re.compile(r"\{:?[^}]*#([\w\-:.]+)[^}]*\}")
SNIPPET = re.compile(r"""^\s*-+8<-+\s+(["'])([^"':]+)(?::[^"']*)?\1\s*$""")
MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`]|<[^>]+>")
_slug = slugify(case="lower")


def check(source: Source, rules: Rules) -> Iterator[Problem]:
    if not source.is_markdown:
        return
    site = _site_of(source.path)
    if site is None:
        return
    docs, lang = site
    text = "\n".join(without_code(source.lines))
    skipped = front_matter_end(source.lines)
    targets: list[tuple[int, str]] = [
        (text.count("\n", 0, found.start()) + 1, found.group(1))
        for pattern in (INLINE, REFERENCE)
        for found in pattern.finditer(text)
    ]
    targets += [
        (tag.line, str(tag.attrs.get(attr)))
        for tag in html_tags(source.lines)
        for attr in ("href", "src")
        if tag.attrs.get(attr)
    ]
    for line, target in sorted(targets):
        if line > skipped and (problem := _problem(source.path, docs, lang, target)):
            yield Problem(source.label, line, problem)


def _site_of(path: Path) -> tuple[Path, str] | None:
    """The docs/ folder a page is in, and the page's language."""
    parts = path.resolve().parts
    if "docs" not in parts[:-2]:
        return None
    at = len(parts) - 1 - parts[::-1].index("docs")
    if at + 2 >= len(parts) or parts[at + 1].startswith("."):
        return None
    return Path(*parts[: at + 1]), parts[at + 1]


def _problem(page: Path, docs: Path, lang: str, target: str) -> str | None:
    """What is wrong with a link from `page`, or None."""
    url = urlsplit(target)
    if url.scheme or url.netloc or not target:
        return None  # another site, an e-mail address
    if target.startswith("/"):
        return absolute_link_problem(page, docs, lang, target)
    here = page.resolve()
    path = unquote(url.path)
    linked = _existing(docs, lang, (here.parent / path).resolve()) if path else here
    if linked is None and not _written_after_build(docs, lang, here.parent / path):
        return f"ссылка на страницу или файл, которых нет: {target}"
    if linked is None:
        return None
    if path and linked.is_dir():
        return f"ссылка на папку: ссылайтесь на её страницу ({path.rstrip('/')}/index.md)"
    if url.fragment and linked.suffix == ".md":
        anchors = _anchors(linked, linked.stat().st_mtime_ns)
        if anchors is not None and unquote(url.fragment) not in anchors:
            return (
                f"ссылка на якорь, которого нет: {target} (нет заголовка или id «{url.fragment}»)"
            )
    return None


def absolute_link_problem(page: Path, docs: Path, lang: str, target: str) -> str:
    """What to say of a link from the site's root (/policy/#members) in
    `page`: with the relative link to write, when the page it means exists
    (../policy.md#members). The build says the same of what MkDocs finds."""
    url = urlsplit(target)
    meant = _page_at(docs, lang, unquote(url.path))
    hint = ""
    if meant is not None:
        relative = os.path.relpath(meant, page.resolve().parent)
        anchor = f"#{url.fragment}" if url.fragment else ""
        hint = message("relative_link_hint", target=relative + anchor)
    return message("absolute_link", link=target, hint=hint)


def _page_at(docs: Path, lang: str, address: str) -> Path | None:
    """The page (or file) a site address names: /policy/ → docs/<lang>/policy.md
    or policy/index.md; /ce/… in the Chechen folder."""
    parts = [part for part in address.split("/") if part]
    languages = {p.name for p in docs.iterdir() if p.is_dir() and not p.name.startswith(".")}
    if parts and parts[0] in languages:
        lang, parts = parts[0], parts[1:]
    here = (docs / lang).joinpath(*parts)
    for candidate in (here, here.with_suffix(".md"), here / "index.md"):
        if candidate.is_file() and candidate != docs / lang:
            return candidate.resolve()
    return None


def _written_after_build(docs: Path, lang: str, linked: Path) -> bool:
    """Whether the build writes `linked` after MkDocs: a feed, a calendar."""
    try:
        inside = linked.resolve().relative_to((docs / lang).resolve()).as_posix()
    except ValueError:
        return False
    return inside in (FEED, CALENDAR.as_posix())


def _existing(docs: Path, lang: str, linked: Path) -> Path | None:
    """The file a link reaches: in the page's language, or in the default
    language's folder when a translation shows that page in its place."""
    if linked.exists():
        return linked
    try:
        inside = linked.relative_to(docs / lang)
    except ValueError:
        return None
    languages = sorted(p for p in docs.iterdir() if p.is_dir() and not p.name.startswith("."))
    for other in languages:
        if (other / inside).exists():
            return other / inside
    return None


@cache
def _anchors(page: Path, mtime: int) -> frozenset[str] | None:
    """The ids of a page's headings and elements; None when a part it
    includes is not generated yet, so its anchors are not all known."""
    lines = without_code(page.read_text("utf-8", errors="replace").splitlines())
    found: set[str] = set()
    seen: dict[str, int] = {}
    docs = next((p for p in page.parents if p.name == "docs"), page.parent)
    expanded: list[str] = []
    for line in lines:
        snippet = SNIPPET.match(line)
        if snippet:
            part = docs / ".generated" / snippet.group(2)
            if not part.exists():
                return None
            expanded += without_code(part.read_text("utf-8", errors="replace").splitlines())
        else:
            expanded.append(line)
    for line in expanded:
        heading = HEADING.match(line)
        if heading:
            explicit = EXPLICIT_ID.search(heading.group(2))
            if explicit:
                found.add(explicit.group(1))
                continue
            slug = _slug(MARKUP.sub(lambda m: m.group(1) or "", heading.group(2)), "-")
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            found.add(slug if not count else f"{slug}_{count}")
        found.update(ATTR_ID.findall(line))
    found.update(str(tag.attrs["id"]) for tag in html_tags(expanded) if tag.attrs.get("id"))
    return frozenset(found)
