"""Helpers the tests share, by role.

site      the built site: pages, addresses, text, a local server
project   copies of the project to change and build
browser   driving the site's own features in Chromium (search)
commands  running a command in this process, or as its own program
checks    running `make check` on planted files
git       real repositories with dated commits
stats     spreadsheets and logs for scripts/stats.py
content   the pages' articles and sections, as a reader reads them
"""
