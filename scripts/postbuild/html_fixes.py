"""Repair markup errors in the theme's HTML that no template block can reach.

Material's base.html gives its hidden checkbox toggles autocomplete="off",
which HTML allows only on text-like inputs (the W3C checker reports it).
The toggles sit outside every block, so the fix is made on the output.
"""

from __future__ import annotations

import re

CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')


def fix(html: str) -> str:
    """Drop autocomplete from checkbox inputs."""
    return CHECKBOX.sub(lambda m: m.group(0).replace(' autocomplete="off"', ""), html)
