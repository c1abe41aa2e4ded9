"""Which Chechen pages are translated, missing or outdated: `make translations`.

The rules are in scripts/translation/status.py. The site shows the same
table on /contributing/translations/ (scripts/render/translation_status.py),
and an outdated Chechen page carries a notice: build_site passes the outdated
files to MkDocs in SITE_OUTDATED_TRANSLATIONS.

    python scripts/translations.py [--project DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from common.site_config import ROOT
from translation.status import DOCS, STATUSES, TARGET, statuses


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--project", type=Path, default=ROOT)
    args = parser.parse_args()
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
