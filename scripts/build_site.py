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
import subprocess
import sys
from pathlib import Path

import pdf_reports
import postbuild
import render

ROOT = Path(__file__).resolve().parent.parent


class BuildError(Exception):
    """The build failed; the message says why, for a person to read."""


def build(site_dir: Path, site_url: str | None = None, project: Path = ROOT) -> None:
    try:
        render.render_all(project)
    except render.RenderError as err:
        raise BuildError(str(err)) from None
    # Term reports are printed to PDF only where a browser can print them.
    pdf = pdf_reports.available()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_PDF="true" if pdf else "false")
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
        raise BuildError(_problems(result.stderr + result.stdout))
    postbuild.finish(site_dir, pdf)


def _problems(log: str) -> str:
    """Keep the lines that say what is wrong, without MkDocs' tracebacks."""
    lines = [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    return "\n".join(lines) or log.strip().splitlines()[-1]


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
