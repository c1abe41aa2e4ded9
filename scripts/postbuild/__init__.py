"""Finish a built site: the steps MkDocs and its theme leave to us.

finish         one pass over the built pages, then the steps below
sitemap        which pages are written in which language
search_index   one search index per language
html_fixes     markup the theme gets wrong outside every block
cards          link-preview images (og:image), drawn with fonts/
pdfs           term reports printed to tagged PDF with Chromium
news           each news post's date line and its neighbours' links
feeds          the news' Atom feeds, news/feed.xml per language (feedgen)
calendars      the events' .ics files, whole and one per event (icalendar)
"""
