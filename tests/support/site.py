"""Reading a built site the way readers and crawlers get it."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from common.site_config import ROOT
from community import news

# The addresses every page has in both languages (issue: foundation).
PAGES = (
    "",
    "policy/",
    "platforms/",
    "platforms/infourok/",
    "platforms/urokrf/",
    "platforms/library/",
    "platforms/prosv/",
    "platforms/sferum/",
    "reports/",
    "contributing/",
    "contributing/translations/",
    "contributing/report-sheet/",
    "glossary/",
    "news/",
    "events/",
    "events/archive/",
    "contacts/",
)
# The news posts shipped (docs/ru/news/YYYY-MM-DD-slug.md), each a page too.
NEWS_PAGES = tuple(f"news/{post.stem}/" for post in news.load(ROOT).of("ru"))


def text_of(tag) -> str:
    """A tag's visible text, without heading permalinks."""
    for link in tag.select(".headerlink"):
        link.extract()
    return tag.get_text(" ", strip=True)


def address(lang: str, path: str) -> str:
    """The site-relative address of `path` in `lang`: "policy/", "ce/policy/"."""
    return path if lang == "ru" else f"{lang}/{path}"


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    url: str  # site_url it was built with

    def file(self, path: str) -> Path:
        target = self.root / path
        return target / "index.html" if path == "" or path.endswith("/") else target

    def html(self, path: str) -> BeautifulSoup:
        """A fresh parse of a built page: tests may change what they get."""
        return BeautifulSoup(self.file(path).read_text("utf-8"), "html.parser")

    def search_index(self, lang: str) -> dict:
        root = "" if lang == "ru" else f"{lang}/"
        return json.loads((self.root / root / "search" / "search_index.json").read_text("utf-8"))

    def absolute(self, path: str) -> str:
        return self.url + path


@contextmanager
def serve(site: BuiltSite) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 at its own path prefix; yield the base URL.

    Unknown addresses get the site's 404.html, as on GitHub Pages.
    """
    prefix = urlsplit(site.url).path

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site.root), **kwargs)

        def log_message(self, *args):
            pass

        def translate_path(self, path: str) -> str:
            if path.startswith(prefix):
                path = "/" + path[len(prefix) :]
            return super().translate_path(path)

        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            body = (site.root / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
