"""The weekly external-link check, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import check_links
from support.commands import Ran, run_main, run_program
from support.site import BuiltSite


class Handler(http.server.BaseHTTPRequestHandler):
    """/ok answers, /gone is gone, /moved redirects to /ok, /no-head refuses
    HEAD, /robots-not-welcome says 403 to everyone."""

    def log_message(self, *args) -> None:
        pass

    def answer(self, body: bool) -> None:
        path = self.path.split("?")[0]
        if path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif path == "/no-head" and not body:
            self.send_response(405)
        elif path in ("/ok", "/no-head", "/%D0%BF%D1%83%D1%82%D1%8C"):
            self.send_response(200)
        elif path == "/robots-not-welcome":
            self.send_response(403)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:
        self.answer(body=False)

    def do_GET(self) -> None:
        self.answer(body=True)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_site(root: Path, pages: dict[str, list[str]]) -> Path:
    for page, hrefs in pages.items():
        file = root / page / "index.html"
        file.parent.mkdir(parents=True, exist_ok=True)
        links = "".join(f'<a href="{href}">x</a>' for href in hrefs)
        file.write_text(f"<!doctype html><title>t</title>{links}", "utf-8")
    return root


def run(site: Path) -> Ran:
    return run_main(check_links.main, site)


def test_live_links_pass(server: str, tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "": [f"{server}/ok", "platforms/", "#top", f"{server}/moved"],
            "platforms": [f"{server}/no-head", f"{server}/путь", f"{server}/ok#part"],
        },
    )
    result = run(site)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr
    assert "4 external links, 0 broken" in result.stderr


def test_broken_links_are_named_with_every_page(server: str, tmp_path: Path) -> None:
    dead = f"http://127.0.0.1:{closed_port()}/"
    site = make_site(
        tmp_path,
        {"": [f"{server}/gone", f"{server}/ok"], "platforms": [f"{server}/gone", dead]},
    )
    result = run(site)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"/: {server}/gone: 404 Not Found" in lines
    assert f"platforms/: {server}/gone: 404 Not Found" in lines
    assert any(line.startswith(f"platforms/: {dead}: ") for line in lines)
    assert len(lines) == 3


def test_a_site_refusing_robots_is_listed_but_does_not_fail(server: str, tmp_path: Path) -> None:
    site = make_site(tmp_path, {"": [f"{server}/robots-not-welcome"]})
    result = run(site)
    assert result.returncode == 0
    assert "not confirmed, check by hand: 403" in result.stdout


def test_edit_buttons_are_not_tried(site: BuiltSite) -> None:
    links = check_links.external_links(site.root)
    assert links, "the site links to the platforms"
    assert not [url for url in links if "/edit/main/" in url]


def test_no_built_site_is_a_usage_error(tmp_path: Path) -> None:
    result = run_program("check_links.py", tmp_path)
    assert result.returncode == 2
    assert "make site" in result.stderr
