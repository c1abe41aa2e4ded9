"""The Content-Security-Policy of every built page, as a <meta> tag.

GitHub Pages sets no headers of ours, so the policy travels in the page,
right after <meta charset>, before anything it governs. It is as strict as
the site allows:

    default-src 'self'      nothing from another host: no font, image,
                            style, script, frame or connection
    script-src 'self' …     site.js and the search worker; inline, only the
                            scripts written in overrides/, by their hashes
    style-src 'self' …      the stylesheets; inline, only the page's print
                            style in its head, by its hash (no style=)
    img-src 'self' data:    Material's icons are data: images in its CSS
    object-src, frame-src 'none'; base-uri 'none'; form-action 'none'

A meta tag cannot carry frame-ancestors (nor report-uri or sandbox):
keeping the site out of other sites' frames needs an HTTP header, which
GitHub Pages does not let us set (README.md says so).
"""

from __future__ import annotations

import base64
import hashlib
import re

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "frame-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'none'",
}
_CHARSET = '<meta charset="utf-8">'
_INLINE = re.compile(r"<(script|style)(?: media=\"print\")?>(.*?)</\1>", re.DOTALL)


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(head: str) -> str:
    """The policy of a page whose head is `head`: its inline script and
    style allowed by their hashes (the theme check has vetted them)."""
    hashes: dict[str, list[str]] = {"script": [], "style": []}
    for tag, text in _INLINE.findall(head):
        hashes[tag].append(_hash(text))
    directives = dict(POLICY)
    for tag, found in hashes.items():
        if found:
            directives[f"{tag}-src"] += " " + " ".join(sorted(set(found)))
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def add_policy(html: str) -> str:
    """The page with its policy right after <meta charset>."""
    head_end = html.find("</head>")
    if head_end < 0 or _CHARSET not in html[:head_end]:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html[:head_end])}">'
    return html.replace(_CHARSET, _CHARSET + meta, 1)


def allow_script(html: str, script: str) -> str:
    """The page with the inline `script` also allowed, by its hash: for the
    live-reload script that the preview's server adds to each page it serves
    (never on the published site)."""
    directive = f"script-src {POLICY['script-src']}"
    return html.replace(directive, f"{directive} {_hash(script)}", 1)
