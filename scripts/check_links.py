"""Try every link from the built site to other sites: `make links`.

It needs the internet, so the weekly workflow on GitHub runs it
(.github/workflows/links.yml); the strict build already checks the links
inside the site. Each broken link is one line, with every page that has it:

    platforms/sferum/: https://example.ru/old-page: 404 Not Found

and the exit status is 1. A site that refuses robots (401, 403, 429) is
listed as unconfirmed but does not fail the run: a person should look.

    python scripts/check_links.py [SITE_DIR]
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from bs4 import BeautifulSoup

from common.cli import command
from common.site_config import ROOT

TIMEOUT = 20
WORKERS = 8
UNCONFIRMED = {401, 403, 429}
HEADERS = {
    "User-Agent": "Mozilla/5.0 (compatible; link check of the school community site)",
    "Accept": "text/html,*/*;q=0.8",
}


@dataclass(frozen=True)
class Result:
    url: str
    ok: bool
    reason: str  # "" when ok
    confirmed: bool = True  # False: the site would not tell a robot


def external_links(site: Path) -> dict[str, list[str]]:
    """Every link to another site, with the pages (site addresses) that have it.

    The site's own links are relative, so an absolute http(s) link leads
    elsewhere. Edit buttons are left out: they lead to GitHub's editor.
    """
    links: dict[str, list[str]] = defaultdict(list)
    for file in sorted(site.rglob("*.html")):
        page = file.relative_to(site).as_posix().removesuffix("index.html")
        html = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        for a in html.find_all("a", href=True):
            href = str(a["href"]).strip()
            if href.startswith(("http://", "https://")) and "edit" not in (a.get("rel") or []):
                url = href.split("#")[0]
                if page not in links[url]:
                    links[url].append(page)
    return dict(links)


def ascii_url(url: str) -> str:
    """`url` as HTTP sends it: an IDN host in punycode, the path percent-encoded."""
    parts = urlsplit(url)
    host = parts.hostname.encode("idna").decode("ascii") if parts.hostname else ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="=&%/:?+,;@-._~")
    return urlunsplit((parts.scheme, netloc, path, query, ""))


def try_link(url: str) -> Result:
    """HEAD first; GET when a server does not answer HEAD properly."""
    last = ""
    for method in ("HEAD", "GET", "GET"):
        request = urllib.request.Request(ascii_url(url), method=method, headers=HEADERS)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT):
                return Result(url, True, "")
        except urllib.error.HTTPError as err:
            last = f"{err.code} {err.reason}"
            if err.code in (404, 410):
                return Result(url, False, last)
            if err.code in UNCONFIRMED and method == "GET":
                return Result(url, True, last, confirmed=False)
        except (urllib.error.URLError, TimeoutError, OSError) as err:
            last = str(getattr(err, "reason", err))
    return Result(url, False, last)


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "site", nargs="?", type=Path, default=ROOT / "site", help="the built site (default: site/)"
    )
    return parser


@command
def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not (args.site / "index.html").exists():
        parser().error(f"{args.site} holds no built site: run `make site` first")
    links = external_links(args.site)
    with ThreadPoolExecutor(WORKERS) as pool:
        results = list(pool.map(try_link, sorted(links)))
    broken = [r for r in results if not r.ok]
    for result in results:
        if not result.ok or not result.confirmed:
            label = "" if not result.ok else "not confirmed, check by hand: "
            for page in links[result.url]:
                print(f"{page or '/'}: {result.url}: {label}{result.reason}")
    print(f"{len(results)} external links, {len(broken)} broken", file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
