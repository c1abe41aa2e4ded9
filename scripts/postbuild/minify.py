"""The site's own script and stylesheet, minified after the build.

overrides/assets/ keeps them readable, with their comments; a reader's
phone gets them without comments and spaces, which is a quarter less to
fetch on every cold page (rjsmin and rcssmin: no rewriting of names, so
what runs is what the source says). Material's own files come minified.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

from common.atomic import write_text

OWN_ASSETS = {
    Path("assets/javascripts/site.js"): rjsmin.jsmin,
    Path("assets/stylesheets/site.css"): rcssmin.cssmin,
}


def minify(site: Path) -> None:
    """Minify the site's own assets in `site`, in place."""
    for path, shrink in OWN_ASSETS.items():
        target = site / path
        if target.exists():
            write_text(target, shrink(target.read_text("utf-8")))
