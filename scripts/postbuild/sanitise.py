"""Clean what content and data put into the built pages, with an allowlist.

A page's text (what Markdown and the renderers made of its source) sits in
the built HTML between the markers that overrides/partials/content.html
writes; every such region passes through nh3 (the Rust ammonia sanitiser)
with the allowlist below, and the markers are dropped. What the cleaning
removed is told back (`Removal`), so that the build fails naming it, and
`make check` (checks/unsafe_html.py) runs the same cleaning on each source
page rendered by Markdown, to name the problem in the source first.

The allowlist keeps what the site's pages are written with: text, headings,
lists, tables, links, images from the site itself, admonitions, details,
abbreviations, footnotes, the reports' SVG charts. It removes every script,
event handler (on…=), javascript:, vbscript: and data: address, iframe,
object, embed, base, form, meta, style (element or attribute), any image
from another host, and any id the theme finds its own elements by
(`reserved_id`: __config, __site, __search…), which content could otherwise
stand in for. What it removed is told in Russian (data/words.yml, messages).

The theme's own markup around the text is kept as the templates wrote it;
`theme_problems` checks it for the same dangers, in case a value from front
matter or data broke out of its place.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from html import unescape

import nh3

from common.site_config import ROOT
from common.words import message

CONTENT_START = "<!--site:content-->"
CONTENT_END = "<!--/site:content-->"

_TEXT = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
    "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
    "kbd", "samp", "var", "q", "cite", "abbr", "dfn", "time", "span", "div", "wbr",
    "ul", "ol", "li", "dl", "dt", "dd", "details", "summary", "figure", "figcaption",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "a", "img", "section", "article", "aside", "header", "footer", "nav",
}  # fmt: skip
# The reports' charts (render/charts.py): inline SVG, drawn with shapes and text.
_SVG = {"svg", "g", "title", "desc", "rect", "line", "circle", "path", "polyline", "text", "tspan"}
_GEOMETRY = {
    "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "width", "height",
    "d", "points", "transform", "fill", "stroke", "stroke-width", "font-family",
    "font-size", "font-weight", "text-anchor", "dominant-baseline",
}  # fmt: skip
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "lang", "dir", "title", "role", "aria-label", "aria-labelledby",
          "aria-describedby", "aria-hidden"},
    "a": {"href", "hreflang", "rel", "type"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "ol": {"start", "reversed", "type"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "details": {"open"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "svg": {"xmlns", "viewBox", *_GEOMETRY},
    # Content tabs (pymdownx.tabbed): radio buttons and their labels, no form.
    "input": {"name", "checked"},
    "label": {"for"},
    "div": {"data-tabs"},
    **{tag: set(_GEOMETRY) for tag in _SVG - {"svg", "title", "desc"}},
}  # fmt: skip
TAGS = _TEXT | _SVG | {"input", "label"}
# An <input> in a page's text is a content tab's radio button and nothing else.
TAG_VALUES = {"input": {"type": {"radio"}}}
FORCED_VALUES = {"input": {"type": "radio"}}
# Removed with everything inside them, not only their tags.
DROPPED = {"script", "style", "template", "noscript", "iframe", "noembed", "noframes",
           "object", "textarea", "xmp", "plaintext", "select", "option"}  # fmt: skip
SCHEMES = {"http", "https", "mailto"}
_SCHEME = re.compile(r"^\s*[a-zA-Z][a-zA-Z0-9+.-]*:")
_OTHER_HOST = re.compile(r"^\s*[\\/]{2}")
# Markdown tables align columns with style attributes, which the CSP forbids:
# the same alignment as a class of site.css.
_TABLE_ALIGN = re.compile(r'<(t[hd])\b([^>]*?) style="text-align: (left|right|center);"')


def _from_this_site(address: str) -> bool:
    return not (_SCHEME.match(address) or _OTHER_HOST.match(address))


def _attribute(tag: str, name: str, value: str) -> str | None:
    """Images are loaded from the site itself only (no host, no scheme);
    the theme's own ids are never a content element's."""
    if tag == "img" and name == "src" and not _from_this_site(value):
        return None
    if name == "id" and reserved_id(value):
        return None
    return value


# The theme finds its own elements by id: Material's start with "__"
# (__config, __search, __drawer, __toc, __nav_3…), and so does our __site;
# overrides/ writes a few more (site-a11y). A content element with such an
# id, earlier in the page, would be found instead, and its text read as the
# theme's configuration. Content tabs (pymdownx.tabbed) number theirs
# "__tabbed_1_2" and keep them. Each built page is also checked against
# the ids its theme markup really has (sanitise_page).
THEME_ID_PREFIX = "__"
_CONTENT_TABS_ID = re.compile(r"__tabbed_\d+_\d+")
_LITERAL_ID = re.compile(r"""\sid=["']([^"'{}]+)["']""")


@functools.cache
def theme_ids() -> frozenset[str]:
    """The ids written literally in the templates of overrides/."""
    overrides = ROOT / "overrides"
    return frozenset(
        found
        for path in sorted(overrides.rglob("*.html"))
        for found in _LITERAL_ID.findall(path.read_text("utf-8"))
    )


def reserved_id(value: str) -> bool:
    """Whether `value` is an id the theme keeps for its own elements."""
    plain = value.strip()
    if plain.startswith(THEME_ID_PREFIX):
        return not _CONTENT_TABS_ID.fullmatch(plain)
    return plain in theme_ids()


_CLEANER = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags=DROPPED,
    attributes=ATTRIBUTES,
    tag_attribute_values=TAG_VALUES,
    set_tag_attribute_values=FORCED_VALUES,
    attribute_filter=_attribute,
    link_rel=None,
    url_schemes=SCHEMES,
    strip_comments=True,
)


@dataclass(frozen=True)
class Removal:
    """Something the cleaning removed: what it was, and text to find it by in
    the Markdown source (the first of `clues` found there)."""

    what: str
    clues: tuple[str, ...]


# Search results (site.js) show an entry's title and text as HTML: Material's
# search plugin keeps these tags, without attributes, and escapes the rest.
SEARCH_TAGS = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup", "mark"}
_SEARCH_CLEANER = nh3.Cleaner(
    tags=SEARCH_TAGS, clean_content_tags=DROPPED, attributes={}, link_rel=None, strip_comments=True
)


def clean_search_text(text: str) -> tuple[str, list[Removal]]:
    """A search entry's title or text, cleaned, and what the cleaning removed."""
    if "<" not in text:
        return text, []
    cleaned = _SEARCH_CLEANER.clean(text)
    removed = _parts(text) - _parts(cleaned)
    return cleaned, [_removal(*part) for part in removed.elements()]


def clue_line(lines: Sequence[str], clue: str, start: int = 0) -> int | None:
    """The number of the first line after `start` that holds `clue`, read
    with its HTML entities decoded and in any case; None if none does."""
    folded = clue.lower()
    for number, line in enumerate(lines[start:], start=start + 1):
        if folded in line.lower() or ("&" in line and folded in unescape(line).lower()):
            return number
    return None


def align_tables(html: str) -> str:
    return _TABLE_ALIGN.sub(r'<\1\2 class="site-align-\3"', html)


def clean(fragment: str) -> tuple[str, list[Removal]]:
    """A fragment of content HTML, cleaned, and what the cleaning removed."""
    fragment = align_tables(fragment)
    cleaned = _CLEANER.clean(fragment)
    if not _names(fragment) - _names(cleaned):
        return cleaned, []  # no element or attribute name fewer: nothing removed
    removed = _parts(fragment) - _parts(cleaned)
    gone = {tag for tag, name, _ in removed if not name}
    return cleaned, [
        _removal(tag, name, value)
        for tag, name, value in removed.elements()
        # An element removed whole is told once, unless an attribute of it
        # is dangerous in itself.
        if not (name and tag in gone and not _dangerous(name, value))
    ]


def _dangerous(name: str, value: str) -> bool:
    plain = "".join(ch for ch in value if ch > " ").lower()
    return name.startswith("on") or plain.startswith(("javascript:", "vbscript:", "data:"))


_NAME = re.compile(r"<([a-zA-Z][^\s/>]*)|\s([^\s\"'<>/=]+)=")


def _names(html: str) -> Counter[tuple[str, str]]:
    """How often each tag and attribute name occurs: a quick first look,
    in C, at whether the cleaning removed anything (it only ever removes)."""
    return Counter(_NAME.findall(_COMMENT.sub("", html) if "<!--" in html else html))


def _parts(html: str) -> Counter[tuple[str, str, str]]:
    """Every element and attribute of `html`: (tag, "", "") and (tag, name, value)."""
    parts: Counter[tuple[str, str, str]] = Counter()
    for tag, name, value in _tags(html):
        parts[(tag, name, value)] += 1
    return parts


# A start tag and its attributes, read as a browser reads them (comments
# apart); regular expressions are ten times faster than html.parser here.
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_START_TAG = re.compile(r"""<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def _tags(html: str) -> Iterator[tuple[str, str, str]]:
    """(tag, "", "") for each start tag, then (tag, name, value) for each of
    its attributes; names in lower case, values with entities read."""
    for tag in _START_TAG.finditer(_COMMENT.sub("", html)):
        name = tag[1].lower()
        yield name, "", ""
        for attribute in _ATTRIBUTE.finditer(tag[2]):
            value = attribute[2] or attribute[3] or attribute[4] or ""
            yield name, attribute[1].lower(), unescape(value) if "&" in value else value


def _removal(tag: str, name: str, value: str) -> Removal:
    if not name:
        if tag in ("iframe", "object", "embed", "frame", "frameset"):
            return Removal(message("embeds", tag=tag), (f"<{tag}",))
        return Removal(message("tag_not_allowed", tag=tag), (f"<{tag}",))
    if name.startswith("on"):
        return Removal(message("handler", name=name, tag=tag), (name, f"<{tag}"))
    plain = "".join(ch for ch in value if ch > " ").lower()
    if name in ("href", "src") and plain.startswith(("javascript:", "vbscript:")):
        scheme = plain.split(":", 1)[0]
        return Removal(
            message("script_link", scheme=scheme, name=name, tag=tag),
            (value, scheme, "script:", f"<{tag}"),
        )
    if name in ("href", "src") and plain.startswith("data:"):
        return Removal(message("data_address", name=name, tag=tag), (value, "data:", f"<{tag}"))
    if tag == "img" and name == "src":
        return Removal(message("external_image"), (value, f"<{tag}", "!["))
    if name == "style":
        return Removal(message("style_attribute", tag=tag), ("style", f"<{tag}"))
    if name == "id" and reserved_id(value):
        return Removal(message("reserved_id", id=value, tag=tag), (value, f"<{tag}"))
    return Removal(message("attribute", name=name, tag=tag), (f"{name}=", name, f"<{tag}"))


def content_regions(html: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each region of `html` between the content markers."""
    at = 0
    while (start := html.find(CONTENT_START, at)) >= 0:
        end = html.find(CONTENT_END, start)
        if end < 0:
            return
        yield start + len(CONTENT_START), end
        at = end + len(CONTENT_END)


def sanitise_page(html: str) -> tuple[str, list[Removal], list[str]]:
    """The page with its text cleaned and the markers gone; what was removed;
    the cleaned text regions.

    The template writes a fixed number of markers; a page whose text carries
    one more (an attempt to pass text off as the theme's) fails. An id the
    theme's markup on the page has is taken off the text's elements.
    """
    theme: list[str] = []
    texts: list[str] = []
    removals: list[Removal] = []
    starts, ends = html.count(CONTENT_START), html.count(CONTENT_END)
    if starts != ends or starts > MARKED_REGIONS:
        removals.append(Removal(message("content_marker"), ("site:content",)))
    at = 0
    for start, end in content_regions(html):
        cleaned, removed = clean(html[start:end])
        theme.append(html[at : start - len(CONTENT_START)])
        texts.append(cleaned)
        removals += removed
        at = end + len(CONTENT_END)
    theme.append(html[at:])
    taken = {found for piece in theme for found in _ID.findall(piece)}
    for number, text in enumerate(texts):
        if clashes := {found for found in _ID.findall(text) if found in taken}:
            texts[number] = _ID.sub(lambda m: "" if m[1] in clashes else m[0], text)
            removals += [
                Removal(message("reserved_id", id=found, tag=tag), (found, "id="))
                for tag, found in _TAG_ID.findall(text)
                if found in clashes
            ]
    out = [piece for pair in zip(theme, texts, strict=False) for piece in pair]
    return "".join([*out, theme[-1]]), removals, texts


# An id as nh3 and the templates write it.
_ID = re.compile(r' id="([^"]*)"')
_TAG_ID = re.compile(r'<([a-zA-Z][\w-]*)[^>]*? id="([^"]*)"')


# overrides/partials/content.html marks the text before and after the PDF link.
MARKED_REGIONS = 2


# --- The theme's markup ----------------------------------------------------

_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "xlink:href", "cite"}
_LOADING = {"img": "src", "script": "src", "iframe": "src", "source": "src", "audio": "src",
            "video": "src", "input": "src", "embed": "src", "track": "src"}  # fmt: skip
_LINK_LOADS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest",
               "apple-touch-icon", "dns-prefetch", "preconnect"}  # fmt: skip
_CSP = "content-security-policy"
_NEVER = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "portal"}


def theme_problems(html: str, inline_scripts: frozenset[str]) -> list[str]:
    """What in a page's markup outside its text could run a script or load
    another site. `inline_scripts` are the scripts written in overrides/."""
    problems: list[str] = []
    head_end = html.find("</head>")
    for at, tag_text in _watched_tags(html):
        tag, found = _tag_problems(tag_text)
        problems += found
        if tag in ("script", "style"):
            close = html.find(f"</{tag}", at)
            text = html[at + len(tag_text) : close if close >= 0 else len(html)]
            inline = tag == "script" and not _SRC.search(tag_text)
            ours = at < head_end and text in inline_scripts
            if inline and "application/json" not in tag_text and not ours:
                problems.append(message("theme_script"))
            if tag == "style" and at > head_end:
                problems.append(message("theme_style_in_body"))
            if tag == "style" and re.search(r"url\(|@import|image-set|expression", text, re.I):
                problems.append(message("theme_style_loads"))
    return list(dict.fromkeys(problems))


_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
# Looked for in the page in lower case, without re.IGNORECASE: a few
# milliseconds for a whole site.
_WATCHED_TAG = re.compile(
    r"<(?:script|style|link|meta|form|img|source|audio|video|input|track|"
    r"iframe|object|embed|base|frame|frameset|applet|portal)\b"
)
# An on…= attribute: "on" is a literal prefix, which the regex engine finds
# fast; the character before it is checked apart.
_HANDLER = re.compile(r"on[a-z]+\s*=")
_BEFORE_ATTRIBUTE = frozenset(" \t\n\r\f/\"'")


def _watched_tags(html: str) -> Iterator[tuple[int, str]]:
    """(index, start tag) of each tag that could matter, comments apart."""
    low = html.lower()
    if len(low) != len(html):  # a character whose lower case is longer
        low = html
    starts = {m.start() for m in _WATCHED_TAG.finditer(low)}
    for handler in _HANDLER.finditer(low):
        if low[handler.start() - 1] in _BEFORE_ATTRIBUTE:
            starts.add(low.rfind("<", 0, handler.start()))
    for word in ("script:", "data:"):
        at = low.find(word)
        while at >= 0:
            starts.add(low.rfind("<", 0, at))
            at = low.find(word, at + 1)
    comments = [m.span() for m in _COMMENT.finditer(html)] if "<!--" in html else []
    for start in sorted(starts):
        if start < 0 or any(a <= start < b for a, b in comments):
            continue
        if tag := _START_TAG.match(html, start):
            yield start, tag.group(0)


@functools.lru_cache(maxsize=4096)
def _tag_problems(tag_text: str) -> tuple[str, tuple[str, ...]]:
    """The tag's name and what is dangerous in it; the theme's tags repeat on
    every page, so each is judged once."""
    tag_match = _START_TAG.match(tag_text)
    assert tag_match is not None
    tag = tag_match[1].lower()
    values: dict[str, str] = {}
    for attribute in _ATTRIBUTE.finditer(tag_match[2]):
        value = attribute[2] or attribute[3] or attribute[4] or ""
        values[attribute[1].lower()] = unescape(value) if "&" in value else value
    problems: list[str] = []
    if tag in _NEVER:
        problems.append(message("theme_tag", tag=tag))
    for name, value in values.items():
        plain = "".join(ch for ch in value if ch > " ").lower()
        if name.startswith("on"):
            problems.append(message("theme_handler", name=name, tag=tag))
        elif name in _URL_ATTRIBUTES and plain.startswith(("javascript:", "vbscript:")):
            problems.append(message("theme_script_address", tag=tag))
        elif name in _URL_ATTRIBUTES and plain.startswith("data:"):
            problems.append(message("theme_data_address", tag=tag))
    loads = values.get(_LOADING.get(tag, ""), "")
    if tag == "link" and set(values.get("rel", "").split()) & _LINK_LOADS:
        loads = values.get("href", "")
    if loads and not _from_this_site(loads):
        problems.append(message("theme_loads", tag=tag))
    # A policy only restricts; any other http-equiv (refresh…) acts.
    if tag == "meta" and values.get("http-equiv", "").lower() not in ("", _CSP):
        problems.append(message("theme_meta", value=values["http-equiv"]))
    if tag == "form" and ("action" in values or "method" in values):
        problems.append(message("theme_form"))
    return tag, tuple(problems)


_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def inline_scripts(templates: Iterable[str]) -> frozenset[str]:
    """The inline scripts written literally (without template expressions) in
    the given template texts: the only inline scripts a page may have."""
    return frozenset(
        script
        for text in templates
        for script in _INLINE_SCRIPT.findall(text)
        if "{{" not in script and "{%" not in script
    )
