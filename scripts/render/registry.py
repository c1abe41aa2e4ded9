"""Every renderer of the site, in the order `make site` runs them.

Each one is `(project) -> {path: text}` (see render/core.py).
"""

from __future__ import annotations

from render import contacts, events, news
from render import reports as term_reports
from render.core import Renderer
from render.glossary import render_glossary
from render.platforms import render_platforms
from render.translation_status import render_status

RENDERERS: list[Renderer] = [
    render_glossary,  # the glossary tables on /glossary/
    render_platforms,  # the comparison on /platforms/ and each guide's facts
    term_reports.render,  # /reports/<term>/ and the trend on /reports/
    render_status,  # the table on /contributing/translations/
    news.render,  # the news lists on /news/ and the home page
    events.render,  # the calendar on /events/ and /events/archive/
    contacts.render,  # the channels on /contacts/
]
