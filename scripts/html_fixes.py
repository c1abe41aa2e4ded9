"""Repair markup errors in the theme's HTML that no template block can reach.

Material's base.html gives its hidden checkbox toggles autocomplete="off",
which HTML allows only on text-like inputs (the W3C checker reports it).
The toggles sit outside every block, so the fix is made on the output.
"""

from __future__ import annotations

import re
from pathlib import Path

from atomic import write_text

CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')


def drop_checkbox_autocomplete(html: str) -> str:
    return CHECKBOX.sub(lambda m: m.group(0).replace(' autocomplete="off"', ""), html)


def fix_site(site: Path) -> int:
    """Fix every HTML page of `site`; return how many changed."""
    changed = 0
    for page in site.rglob("*.html"):
        html = page.read_text("utf-8")
        fixed = drop_checkbox_autocomplete(html)
        if fixed != html:
            write_text(page, fixed)
            changed += 1
    return changed
