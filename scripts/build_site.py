"""Build the site in one step: what `make site` runs.

    data/ ──render──> docs/ (generated pages) ──language map──>
          ──mkdocs build --strict, in this process──> site/
          ──postbuild──> per-language search, link-preview cards, the reports' PDFs

    python scripts/build_site.py [--site-dir DIR] [--site-url URL] [--project DIR]

--site-url overrides site_url (for example a GitHub project-pages address
with a path); --project builds another checkout, as the tests do. Problems
are printed one a line, FILE:LINE: message, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from common.cli import command, project_folder
from common.site_config import ROOT
from common.words import message
from sitebuild.build import build


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--site-dir", type=Path, default=ROOT / "site", help="where to build (default: site/)"
    )
    parser.add_argument("--site-url", help="the address the site is published at")
    parser.add_argument(
        "--project",
        type=project_folder,
        default=ROOT,
        help="the checkout to build (default: this one)",
    )
    return parser


@command
def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    built = build(args.site_dir.resolve(), args.site_url, args.project.resolve())
    for note in built.notes:
        print(note, file=sys.stderr)
    print(message("built", folder=args.site_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
