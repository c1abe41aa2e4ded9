"""The Chechen translation: which pages are written, missing or outdated.

    status   each Chechen page's state against its Russian original, from git

scripts/translations.py is the command line over it; the table on the site
is rendered by scripts/render/translation_status.py.
"""
