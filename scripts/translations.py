"""The Chechen translation: its status, and the review workbook round trip.

    python scripts/translations.py [status] [--project DIR]
        which Chechen pages are translated, missing or outdated (`make
        translations`; the rules are in scripts/translation/status.py), and
        how much of the Chechen text a native speaker has reviewed
    python scripts/translations.py review export FILE.xlsx [--project DIR]
        one workbook of every Chechen text not yet reviewed, each beside its
        Russian source (`make review-sheet`)
    python scripts/translations.py review import FILE.xlsx [--project DIR]
        apply the reviewer's corrections and «да» marks; any problem is
        printed as FILE.xlsx:ROW: … and then nothing is written

The site shows the same status on /contributing/translations/
(scripts/render/translation_status.py); an outdated Chechen page carries a
notice (the build's language map, scripts/sitebuild/language_map.py, marks
it).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from common.cli import command
from common.site_config import ROOT
from translation import review
from translation.progress import progress
from translation.status import DOCS, STATUSES, TARGET, statuses

KINDS = {"pages": "страницы", "strings": "интерфейс", "labels": "подписи", "terms": "термины"}


def show_status(project: Path) -> int:
    pages = statuses(project)
    reviewed = progress(project)  # before any line: a file it cannot read is all that is told
    width = max(map(len, STATUSES))
    for p in pages:
        print(f"{p.status:<{width}}  {DOCS / TARGET / p.page}")
    counts = Counter(p.status for p in pages)
    print(", ".join(f"{counts[s]} {s}" for s in STATUSES), f"of {len(pages)} pages")
    print(
        "reviewed by a native speaker:",
        ", ".join(f"{t.reviewed}/{t.total} {name}" for name, t in reviewed.totals().items()),
    )
    if counts["unknown"]:
        print("unknown: no full git history here (a shallow clone? run `git fetch --unshallow`)")
    return 0


def run_review(action: str, file: Path, project: Path) -> int:
    """Problems (FILE.xlsx:ROW: …) and a workbook that cannot be written are
    told by @command, which main() is wrapped in."""
    shown = str(file)
    if action == "export":
        counts = review.export(project, file)
        kinds = ", ".join(f"{KINDS[kind]} {n}" for kind, n in counts.items())
        print(f"{shown}: {sum(counts.values())} строк на проверку — {kinds}")
        return 0
    outcome = review.import_workbook(project, file, shown, date.today())
    print(
        f"{shown}: исправлений {outcome.corrected}, отмечено «да» {outcome.checked}, "
        f"страниц проверено {len(outcome.pages)}, "
        f"терминов подтверждено {len(outcome.terms)}"
    )
    for changed in outcome.files:
        print(f"  изменён {changed}")
    return 0


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--project", type=Path, default=ROOT, help="the project (default: this one)"
    )
    commands = parser.add_subparsers(dest="command")
    status = commands.add_parser(
        "status", help="translation and review status (the default)", description=__doc__
    )
    status.add_argument(
        "--project", type=Path, default=argparse.SUPPRESS, help="the project (default: this one)"
    )
    review_parser = commands.add_parser(
        "review", help="the review workbook round trip", description=__doc__
    )
    review_parser.add_argument(
        "action", choices=("export", "import"), help="write the workbook, or read it back"
    )
    review_parser.add_argument("file", type=Path, help="the workbook, FILE.xlsx")
    review_parser.add_argument(
        "--project", type=Path, default=argparse.SUPPRESS, help="the project (default: this one)"
    )
    return parser


@command
def main(argv: list[str] | None = None) -> int:
    commands = parser()
    args = commands.parse_args(argv)
    project = args.project.resolve()
    if args.command == "review":
        if args.file.suffix.lower() != ".xlsx":
            commands.error(f"{args.file}: the workbook must be an .xlsx file")
        return run_review(args.action, args.file, project)
    return show_status(project)


if __name__ == "__main__":
    sys.exit(main())
