"""Where the project is, and the languages of the site: one definition each."""

from __future__ import annotations

from pathlib import Path

# The checkout: scripts/common/ is two levels below it.
ROOT = Path(__file__).resolve().parent.parent.parent
# The site's languages, the default (Russian, at /) first.
LANGS = ("ru", "ce")
