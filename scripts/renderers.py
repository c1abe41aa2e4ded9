"""Every renderer of the site, in the order `make site` runs them.

Each one is `(project) -> {path: text}` (see render.py).
"""

from __future__ import annotations

import translations
from activity import pages as term_reports
from render import Renderer

RENDERERS: list[Renderer] = [
    term_reports.render,  # /reports/<term>/ and the trend on /reports/
    translations.render_status,  # the table on /contributing/translations/
]
