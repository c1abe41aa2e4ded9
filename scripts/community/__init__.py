"""The community's news, events and contacts: the data behind /news/,
/events/ and /contacts/, read and checked before anything is rendered.

dates      the site's clock (the school's time zone) and dates in words
news       posts in docs/<lang>/news/YYYY-MM-DD-slug.md and their tags;
           creating a new post (scripts/news.py)
events     data/events.yml and the report deadlines of data/terms.yml
contacts   data/contacts.yml: the community's public channels

The pages are rendered by render/news.py, render/events.py and
render/contacts.py; the feeds and calendar files are written after the
build by postbuild/feeds.py and postbuild/calendars.py.
"""
