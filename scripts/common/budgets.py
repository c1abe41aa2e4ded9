"""The site's budgets, in one place: what `make bench` reports against and
what the tests hold (the house rules name them).

A phone on a slow rural link opens any page of PAGES, in every language,
for at most COLD_PAGE_KB (gzip, nothing cached; PAGE_CEILING_KB is the
hard ceiling) with no request to another host, and Lighthouse (mobile)
scores it LIGHTHOUSE in each category. The build takes at most BUILD_RATIO
times a plain mkdocs-material + mkdocs-static-i18n build of the same
Markdown; `stats.py check` at most STATS_RATIO times a bare csv.reader
pass, in STATS_MEMORY_MB; the preview shows a page edit within
PREVIEW_SECONDS.
"""

from __future__ import annotations

COLD_PAGE_KB = 45
PAGE_CEILING_KB = 100
OTHER_HOSTS = 0
LIGHTHOUSE = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}
BUILD_RATIO = 1.1
STATS_RATIO = 4
STATS_MEMORY_MB = 300
PREVIEW_SECONDS = 1.5

# The pages the budgets are measured on (site addresses in the default
# language; each in every language): the home page, a guide, the policy,
# the reports, the news, a news post, the calendar and the contacts.
PAGES = (
    "",
    "platforms/",
    "platforms/sferum/",
    "policy/",
    "reports/",
    "news/",
    "news/2026-11-24-rabota-v-kanikuly/",
    "events/",
    "contacts/",
)
