"""Finish a built site: the steps MkDocs and its theme leave to us.

finish         one pass over the built pages (in runs, side by side, when
               there are processors for it), then the steps below
published_files  what docs/ may publish besides pages, by file type (also
               used by `make check`); refused files leave the site
sitemap        which pages are written in which language
search_index   one search index per language
html_fixes     markup the theme gets wrong outside every block
sanitise       every page's text through the nh3 allowlist; the theme's
               markup around it checked (also used by `make check`)
csp            each page's Content-Security-Policy <meta>
cards          link-preview images (og:image), drawn with fonts/
pdfs           term reports printed to tagged PDF with Chromium
minify         the site's own script and stylesheet, minified
privacy_gate   no personal datum in anything published, PDFs included
page_sources   from a built page back to its Markdown source and line
news           each news post's date line and its neighbours' links
feeds          the news' Atom feeds, news/feed.xml per language (feedgen)
calendars      the events' .ics files, whole and one per event (icalendar)
"""
