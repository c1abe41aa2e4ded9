"""Which Chechen texts each generated part shows, for the review notice.

A Chechen page that includes a generated part (`--8<-- "contacts/channels.ce.md"`)
shows that part's words too: its notice «not reviewed yet» stays until those
texts are reviewed as well (translation/units.py). Each entry maps a part, as
a page includes it (a regular expression over "name.ce.md[:section]"), to
the texts it shows, as the review workbook names them in «Где» (globs; a
named group of the part's pattern fills {name}).

A glob that matches no text names one outside the review workbook (a
renderer's Jinja template, say): the part then counts as not reviewed, and
so does a part that is not listed here. The interface strings around every
page (the theme's, the site's, the page's date) are reviewed as a group of
their own and are not counted here; nor are the glossary's terms, which the
glossary table marks as confirmed or not, term by term.
"""

from __future__ import annotations

WORDS = "data/words.yml"

SHOWS: dict[str, tuple[str, ...]] = {
    # The school's names come from its own documents (mkdocs.yml, extra.school).
    r"school\.ce\.md:short": (),
    r"school\.ce\.md(:.*)?": (f"{WORDS}: school.*",),
    r"glossary\.ce\.md": (f"{WORDS}: glossary.*",),
    r"platforms\.ce\.md": ("data/platforms.yml: *", f"{WORDS}: platforms.*"),
    r"platforms/(?P<id>[^.]+)\.ce\.md:title": ("data/platforms.yml: [{id}].name",),
    r"platforms/(?P<id>[^.]+)\.ce\.md:about": (
        "data/platforms.yml: [{id}].*",
        f"{WORDS}: platforms.*",
    ),
    r"platforms/(?P<id>[^.]+)\.ce\.md:record": (
        "data/platforms.yml: [{id}].name",
        f"{WORDS}: platforms.record_*",
    ),
    r"platforms/(?P<id>[^.]+)\.ce\.md:links": (
        "data/platforms.yml: [{id}].*",
        f"{WORDS}: platforms.*",
    ),
    r"report-form\.ce\.md": (f"{WORDS}: report_form.*",),
    r"reports-[a-z]+\.ce\.md": (
        "data/report-labels.yml: *",
        "data/terms.yml: *",
        "data/activities.yml: *",
        "data/platforms.yml: [*].name",
    ),
    r"translations\.ce\.md": (f"{WORDS}: translation_status.*",),
    # A news list shows the posts' titles and summaries.
    r"news/.*\.ce\.md": (
        f"{WORDS}: news.*",
        "data/news-tags.yml: *",
        "docs/ce/news/*.md #*",
    ),
    r"events/.*\.ce\.md": (
        f"{WORDS}: events.*",
        "data/events.yml: *",
        "data/terms.yml: *",
        "data/platforms.yml: [*].name",
    ),
    r"contacts/.*\.ce\.md": (
        f"{WORDS}: contacts.*",
        "data/contacts.yml: *",
        "mkdocs.yml: extra.coordinator",
    ),
}
