"""Every renderer of the site, in the order `make site` runs them, and what
the files they make are made from.

Each renderer is `(project) -> {path: text}` (see render/core.py).
"""

from __future__ import annotations

from fnmatch import fnmatchcase

from render import contacts, events, news
from render import reports as term_reports
from render.core import Renderer
from render.glossary import render_glossary
from render.platforms import render_platforms
from render.report_form import render_report_form
from render.school import render_school
from render.translation_status import render_status

RENDERERS: list[Renderer] = [
    render_school,  # the school's names, for the pages that name it
    render_glossary,  # the glossary tables on /glossary/
    render_platforms,  # the comparison on /platforms/ and each guide's facts
    render_report_form,  # the questions of a report form, on /contributing/report-sheet/
    term_reports.render,  # /reports/<year>/, /reports/<term>/, /reports/summary.json
    news.render,  # the news lists on /news/ and the home page
    events.render,  # the calendar on /events/ and /events/archive/
    contacts.render,  # the channels on /contacts/
    # Last: the titles it shows may come from parts the others make, and the
    # review it counts meanwhile, in a process of its own, is done by then.
    render_status,  # the table on /contributing/translations/
]

# The pages people write, as the input of the translations table.
PAGES = "docs/*.md"
# The news posts, the input of the news lists.
NEWS_POSTS = "docs/*/news/[0-9][0-9][0-9][0-9]-*.md"
# Inputs that are pages: a page's own edit does not re-render what they make
# in the preview (sitebuild/preview.py).
PAGES_AS_INPUT = (PAGES, NEWS_POSTS)
_REPORTS = (
    "data/activity-log.*",
    "data/platforms.yml",
    "data/activities.yml",
    "data/terms.yml",
    "data/consent.yml",
    "data/report-labels.yml",
    "docs/*/reports/notes/*.md",
)
# What each generated file is made from: globs relative to the project. A
# page's date (sitebuild/language_map.py) is the newest of its own file and
# of what the generated parts it shows are made from.
# The build's gates tell a problem found in a generated part at the line of
# the file it was made from (postbuild/page_sources.py): the first of these
# that holds it.
MADE_FROM: dict[str, tuple[str, ...]] = {
    "docs/.generated/school.*.md": ("mkdocs.yml", "data/words.yml"),
    "docs/.generated/glossary.*.md": ("data/glossary.yml", "data/words.yml"),
    "docs/.generated/platforms*.md": ("data/platforms.yml", "data/words.yml"),
    "docs/.generated/reports-*.md": _REPORTS,
    "docs/*/reports/[0-9][0-9][0-9][0-9]-*.md": _REPORTS,
    "docs/*/reports/summary.*": _REPORTS,
    "docs/.generated/translations.*.md": (PAGES, "data/words.yml"),
    "docs/.generated/report-form.*.md": (
        ".github/ISSUE_TEMPLATE/report-activity.yml",
        "data/words.yml",
    ),
    "docs/.generated/events/*.md": (
        "data/events.yml",
        "data/terms.yml",
        "data/platforms.yml",
        "data/words.yml",
    ),
    "docs/.generated/contacts/*.md": ("data/contacts.yml", "mkdocs.yml", "data/words.yml"),
    "docs/.generated/news/*.md": (NEWS_POSTS, "data/news-tags.yml", "data/words.yml"),
    "docs/*/news/page/*.md": (NEWS_POSTS, "data/news-tags.yml", "data/words.yml"),
}


def made_from(generated: str) -> list[str]:
    """The globs (relative to the project) a generated file, given relative
    to the project, is made from, in the order MADE_FROM lists them."""
    return list(
        dict.fromkeys(
            made_of
            for pattern, inputs in MADE_FROM.items()
            if fnmatchcase(generated, pattern)
            for made_of in inputs
        )
    )
