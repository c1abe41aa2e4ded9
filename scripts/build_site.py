"""Build the site in one step: what `make site` runs.

    data/ ──render──> docs/ (generated pages) ──mkdocs build --strict──> site/
          ──postbuild──> per-language search, fixes

    python scripts/build_site.py [--site-dir DIR] [--site-url URL] [--project DIR]

--site-url overrides site_url (for example a GitHub project-pages address
with a path); --project builds another checkout, as the tests do.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from common.site_config import ROOT
from sitebuild.build import BuildError, build


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
