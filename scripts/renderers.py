"""Every renderer of the site, in the order `make site` runs them.

Each one is `(project) -> {path: text}` (see render.py).
"""

from __future__ import annotations

import translations
from activity import pages as term_reports
from render import Renderer
from render_glossary import render_glossary
from render_platforms import render_platforms

RENDERERS: list[Renderer] = [
    render_glossary,  # the glossary tables on /glossary/
    render_platforms,  # the comparison on /platforms/ and each guide's facts
    term_reports.render,  # /reports/<term>/ and the trend on /reports/
    translations.render_status,  # the table on /contributing/translations/
]
