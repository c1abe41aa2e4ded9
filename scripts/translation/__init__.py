"""The Chechen translation: its status, and its review by a native speaker.

    status         each Chechen page's state against its Russian original, from git
    blocks         a Markdown page cut into blocks a correction can replace one by one
    theme_strings  the interface strings in the templates' Jinja dict literals
    units          every Chechen text (pages, strings, data labels, glossary terms)
                   beside its Russian source, and whether it is reviewed; which
                   texts a page's generated parts show (render/shows.py)
    ledger         data/translation-review.yml: which texts have been reviewed
    progress       how much is reviewed, per page and per group of texts
    workbook       the review workbook's layout, and reading one back safely
    review         the review round trip: export the workbook, import the verdicts
    trial          an import's result tried, before it is written, as the build
                   and `make check` would read it

scripts/translations.py is the command line over it; the table on the site
is rendered by scripts/render/translation_status.py.
"""
