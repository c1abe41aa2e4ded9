"""Print pages to tagged PDF with Chromium, for the district office.

A page asks for it with `pdf: true` in its front matter. When the build has
a browser (scripts/build_site.py then sets extra.pdf), the page links its
PDF with <a class="site-pdf" href="NAME.pdf">, and this step prints the page
there through its print stylesheet: A4, the school's letterhead, the address
and date in the margin. Chromium writes tagged PDF (headings, tables, the
language), which screen readers need. Pages open from disk and every request
that is not for a local file is refused: the build uses no network.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from common.atomic import write_bytes

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
PDF_LINK = re.compile(r'<a class="site-pdf" href="([^"/]+\.pdf)"')
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def available() -> bool:
    """Whether this machine can print PDFs: Debian's chromium is installed."""
    return CHROMIUM.exists()


def pdf_of(page: Path, html: str) -> Path | None:
    """The PDF a built page links, if any."""
    match = PDF_LINK.search(html)
    return page.parent / match.group(1) if match else None


def print_all(prints: dict[Path, Path]) -> None:
    """Print each {built page: PDF}, in a process of its own.

    Playwright's synchronous API cannot run inside another program's event
    loop (a test session driving its own browser, say); a child process
    keeps the build independent of its caller.
    """
    if not prints:
        return
    pairs = [str(path.resolve()) for pair in prints.items() for path in pair]
    # Run as a module of scripts/, where its imports are found.
    result = subprocess.run(
        [sys.executable, "-m", "postbuild.pdfs", *pairs],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"PDF printing failed: {result.stderr.strip().splitlines()[-1:]}")


def _print(prints: dict[Path, Path]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        tab = browser.new_page()
        tab.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith("file:") else route.abort()
            ),
        )
        for page, pdf in prints.items():
            tab.goto(page.as_uri())
            write_bytes(
                pdf,
                tab.pdf(
                    prefer_css_page_size=True, print_background=True, tagged=True, outline=True
                ),
            )
        browser.close()


if __name__ == "__main__":
    args = [Path(arg) for arg in sys.argv[1:]]
    _print(dict(zip(args[::2], args[1::2], strict=True)))
