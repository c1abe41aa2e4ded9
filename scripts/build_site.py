"""Build the site in one step: what `make site` runs.

    data/ ──render──> docs/ (generated pages) ──mkdocs build --strict──> site/
          ──postbuild──> per-language search, fixes

    python scripts/build_site.py [--site-dir DIR] [--site-url URL] [--project DIR]

--site-url overrides site_url (for example a GitHub project-pages address
with a path); --project builds another checkout, as the tests do.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pdf_reports
import postbuild
import render
import translations
from renderers import RENDERERS

ROOT = Path(__file__).resolve().parent.parent


class BuildError(Exception):
    """The build failed; the message says why, for a person to read."""


def build(site_dir: Path, site_url: str | None = None, project: Path = ROOT) -> None:
    try:
        render.render_all(project, RENDERERS)
    except render.RenderError as err:
        raise BuildError(str(err)) from None
    # Term reports are printed to PDF only where a browser can print them.
    pdf = pdf_reports.available()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_PDF="true" if pdf else "false")
    # Read by mkdocs.yml (extra.outdated_translations) for the page notice.
    env[translations.ENV] = "\n".join(translations.outdated(project))
    if site_url:
        env["SITE_URL"] = site_url
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BuildError(_problems(result.stderr + result.stdout, project))
    postbuild.finish(site_dir, pdf)


def _problems(log: str, project: Path) -> str:
    """Keep the lines that say what is wrong, without MkDocs' tracebacks.

    A broken link or anchor is told as FILE:LINE: naming the source file, as
    `make check` tells its problems.
    """
    lines = [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    told = [_link_problem(line, project) or line for line in lines]
    return "\n".join(dict.fromkeys(told)) or log.strip().splitlines()[-1]


LINK_WARNING = re.compile(
    r"Doc file '(?P<file>[^']+)' contains (?P<kind>[\w ]*?link) '(?P<link>[^']+)'(?P<why>.*)"
)


def _link_problem(line: str, project: Path) -> str | None:
    """MkDocs' warning about a link, as FILE:LINE: message; None for others."""
    found = LINK_WARNING.search(line)
    if not found:
        return None
    source = Path("docs") / found["file"]
    number = _line_of(project / source, found["link"])
    why = found["why"].strip(" ,.").removeprefix("but ")
    return f"{source}:{number}: {found['kind']} '{found['link']}': {why}"


def _line_of(path: Path, link: str) -> int:
    """The first line of `path` that has `link` in it (1 if none has)."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError:
        return 1
    return next((n for n, line in enumerate(lines, start=1) if link in line), 1)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--site-url")
    parser.add_argument("--project", type=Path, default=ROOT)
    args = parser.parse_args()
    try:
        build(args.site_dir.resolve(), args.site_url, args.project.resolve())
    except BuildError as err:
        print(f"The site was not built:\n{err}", file=sys.stderr)
        return 1
    print(f"Site built in {args.site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
