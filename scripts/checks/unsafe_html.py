"""Unsafe HTML in Markdown: what could run a script or load another site.

Python-Markdown passes raw HTML and link addresses through as written, so
a page could carry a script. Reported: <script>; <iframe> (and <embed>,
<object>) from a host not in data/checks.yml `iframe_hosts`; on…=
attributes, in HTML or in an attribute list `{: onclick=… }`; javascript:
and vbscript: addresses. Code examples (code spans, fenced blocks) are not
checked.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from .markdown_text import html_tags, without_code
from .source import Problem, Rules, Source

SCRIPT_SCHEMES = ("javascript:", "vbscript:")
EMBEDS = {"iframe": "src", "embed": "src", "object": "data"}
ATTR_LIST_HANDLER = re.compile(r"\{:?[^{}]*?\bon[a-z]+\s*=", re.IGNORECASE)
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+)")


def check(source: Source, rules: Rules) -> Iterator[Problem]:
    if not source.is_markdown:
        return
    for tag in html_tags(source.lines):
        for message in _tag_problems(tag.name, tag.attrs, rules):
            yield Problem(source.label, tag.line, f"unsafe HTML: {message}")
    for number, line in enumerate(without_code(source.lines), start=1):
        if ATTR_LIST_HANDLER.search(line):
            yield Problem(source.label, number, "unsafe HTML: an on…= attribute runs a script")
        for match in LINK_TARGET.finditer(line):
            if is_script_url(match.group(1) or match.group(2)):
                yield Problem(source.label, number, "unsafe HTML: a javascript: link runs a script")


def _tag_problems(name: str, attrs: dict[str, str | None], rules: Rules) -> Iterator[str]:
    if name == "script":
        yield "<script> runs a script on the reader's device"
    if name in EMBEDS:
        host = urlsplit(attrs.get(EMBEDS[name]) or "").hostname
        if host and host not in rules.iframe_hosts:
            yield f"<{name}> loads {host}, which is not in iframe_hosts of data/checks.yml"
    for attr, value in attrs.items():
        if attr.startswith("on"):
            yield f"the {attr}= attribute of <{name}> runs a script"
        elif value and is_script_url(value):
            yield f"the {attr}= attribute of <{name}> is a javascript: link"


def is_script_url(address: str) -> bool:
    """Whether a link address runs a script, however it is disguised."""
    plain = "".join(ch for ch in html.unescape(address) if ch > " ").lower()
    return plain.startswith(SCRIPT_SCHEMES)
