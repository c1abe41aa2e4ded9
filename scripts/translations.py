"""Which Chechen pages are translated, missing or outdated: `make translations`.

The rules are in scripts/translation/status.py. The site shows the same
table on /contributing/translations/ (scripts/render/translation_status.py),
and an outdated Chechen page carries a notice (the build's language map,
scripts/sitebuild/language_map.py, marks it).

    python scripts/translations.py [--project DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from common.cli import command
from common.site_config import ROOT
from translation.status import DOCS, STATUSES, TARGET, statuses


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--project", type=Path, default=ROOT, help="the checkout to look at (default: this one)"
    )
    return parser


@command
def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    pages = statuses(args.project.resolve())
    width = max(map(len, STATUSES))
    for p in pages:
        print(f"{p.status:<{width}}  {DOCS / TARGET / p.page}")
    counts = Counter(p.status for p in pages)
    print(", ".join(f"{counts[s]} {s}" for s in STATUSES), f"of {len(pages)} pages")
    if counts["unknown"]:
        print("unknown: no full git history here (a shallow clone? run `git fetch --unshallow`)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
