"""Print pages to tagged PDF with Chromium, for the district office.

A page asks for it with `pdf: true` in its front matter. When the build has
a browser (the language map then gives the page its PDF's name), the page
links its PDF with <a class="site-pdf" href="NAME.pdf">, and this step prints the page
there through its print stylesheet: A4, the school's letterhead, the address
and date in the margin. Chromium writes tagged PDF (headings, tables, the
language), which screen readers need. Each page is opened at its address on
the site (site_url), answered from the built files, so the PDF's links lead
to the site, never to the build machine's disk; every other request is
refused: the build uses no network.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from common.atomic import write_bytes
from common.problem import Problem, Problems
from common.words import message

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# A page that makes the browser hang must not hang the build.
SECONDS_PER_PAGE = 60
PDF_LINK = re.compile(r'<a class="site-pdf" href="([^"/]+\.pdf)"')
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def available() -> bool:
    """Whether this machine can print PDFs: CHROMIUM is a Chromium or Chrome."""
    return chromium_problem() is None


@functools.cache
def chromium_problem() -> str | None:
    """One line naming CHROMIUM and what to install, when it is no Chromium
    or Chrome (missing, not a program, or /bin/false); None when it is one.
    The build, the tests and `make bench` say this and nothing longer."""
    why = None
    if not CHROMIUM.is_file():
        why = message("chromium_missing")
    else:
        try:
            ran = subprocess.run(
                [str(CHROMIUM), "--version"], capture_output=True, text=True, timeout=60
            )
        except (OSError, subprocess.SubprocessError) as err:
            why = message("chromium_not_runnable", why=getattr(err, "strerror", None) or err)
        else:
            said = (ran.stdout.strip() or ran.stderr.strip()).splitlines()
            if ran.returncode != 0 or not said or not _BROWSER.search(said[0]):
                answer = said[0] if said else message("chromium_silent", code=ran.returncode)
                why = message("chromium_not_a_browser", said=answer[:100])
    return message("chromium", path=CHROMIUM, why=why) if why else None


# What `chromium --version` says: «Chromium 131.0…», «Google Chrome 131.0…».
_BROWSER = re.compile(r"\bChrom(?:ium|e)\b")


def pdf_of(page: Path, html: str) -> Path | None:
    """The PDF a built page links, if any."""
    match = PDF_LINK.search(html)
    return page.parent / match.group(1) if match else None


def print_all(prints: dict[Path, Path], site: Path, site_url: str) -> None:
    """Print each {built page: PDF} of `site`, built for `site_url`, in a
    process of its own.

    Playwright's synchronous API cannot run inside another program's event
    loop (a test session driving its own browser, say); a child process
    keeps the build independent of its caller.
    """
    if not prints:
        return
    pairs = [str(path.resolve()) for pair in prints.items() for path in pair]
    where = [str(site.resolve()), site_url.rstrip("/") + "/"]
    # Run as a module of scripts/, where its imports are found.
    try:
        result = subprocess.run(
            [sys.executable, "-m", "postbuild.pdfs", *where, *pairs],
            cwd=Path(__file__).resolve().parent.parent,
            capture_output=True,
            text=True,
            timeout=SECONDS_PER_PAGE * (len(prints) + 1),
        )
    except subprocess.TimeoutExpired:
        page = next(iter(prints))
        raise Problems([Problem(str(page), 1, message("pdf_timeout"))]) from None
    if result.returncode != 0:
        told = [_problem(line) for line in result.stdout.splitlines() if "\t" in line]
        if not told:
            last = (result.stderr.strip().splitlines() or [f"exit status {result.returncode}"])[-1]
            told = [Problem(str(next(iter(prints))), 1, message("pdf_failed", why=last))]
        raise Problems(told)


def _problem(line: str) -> Problem:
    """A line of the printing process, PAGE<tab>MESSAGE, as a Problem."""
    page, _, why = line.partition("\t")
    return Problem(page, 1, message("pdf_failed", why=why))


def address(page: Path, site: Path, site_url: str) -> str:
    """The built `page`'s address on the site: a folder's index.html is the folder."""
    name = page.relative_to(site).as_posix()
    return site_url + (name.removesuffix("index.html") if name.endswith("index.html") else name)


def built_file(url: str, site: Path, site_url: str) -> Path | None:
    """The file of `site` that answers `url`, or None: not the site's, or
    outside its folder, or not built."""
    if not url.startswith(site_url):
        return None
    name = unquote(urlsplit(url).path.removeprefix(urlsplit(site_url).path))
    path = (site / name).resolve()
    if path.is_dir():
        path = path / "index.html"
    root = site.resolve()
    return path if path.is_relative_to(root) and path.is_file() else None


def _print(site: Path, site_url: str, prints: dict[Path, Path]) -> int:
    """In the child: print every page; say which failed, PAGE<tab>why."""
    from playwright.sync_api import Error, Route, sync_playwright

    def answer(route: Route) -> None:
        found = built_file(route.request.url, site, site_url)
        route.fulfill(path=found) if found is not None else route.abort()

    failed = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        tab = browser.new_page()
        tab.route("**/*", answer)
        for page, pdf in prints.items():
            try:
                tab.goto(address(page, site, site_url))
                printed = tab.pdf(
                    prefer_css_page_size=True, print_background=True, tagged=True, outline=True
                )
            except Error as err:
                print(f"{page}\t{str(err).splitlines()[0]}")
                failed += 1
                continue
            write_bytes(pdf, printed)
        browser.close()
    return 1 if failed else 0


if __name__ == "__main__":
    site_dir, url, *args = sys.argv[1:]
    pages = [Path(arg) for arg in args]
    sys.exit(_print(Path(site_dir), url, dict(zip(pages[::2], pages[1::2], strict=True))))
