"""Participation statistics: pull the teachers' activity exports into the
repository, check them, and count them per term.

    python scripts/stats.py check SOURCE… [--sheet NAME]
    python scripts/stats.py pull SOURCE… [--sheet NAME] [--data DIR]
    python scripts/stats.py summary [--data DIR] [--term ID] [--json]
    python scripts/stats.py export --term ID --format xlsx|csv [--data DIR] [--output FILE]

A SOURCE is a CSV (UTF-8, UTF-8 with BOM or Windows-1251; commas or
semicolons) or XLSX file, or an http(s) address of one. Its first line
names the columns: Дата, ФИО педагога (Педагог, Учитель, ФИО), Платформа,
Вид активности (Активность), and optionally Название and Ссылка (or the
English date, teacher, platform, activity, title, url). Other columns are
ignored and never stored.

check and pull print one line per problem, SOURCE:LINE: message, and exit
with 1; pull then changes nothing. Usage errors exit with 2. The registries
are always the project's (data/*.yml); --data DIR moves only the activity
log (activity-log.csv and activity-log.yml) and the pseudonym key.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from activity import export, labels, pseudonyms, registries
from activity import log as activity_log
from activity.model import Activity, Problem
from activity.summary import summarise
from activity.validate import Validator
from common.cli import command
from common.site_config import ROOT

DATA = ROOT / "data"


def check(args: argparse.Namespace) -> int:
    validator = Validator(registries.load(DATA))
    count = 0
    for source in args.sources:
        for problem in validator.read(source, args.sheet):
            print(problem)
            count += 1
    return _verdict(count, len(args.sources))


def pull(args: argparse.Namespace) -> int:
    known = registries.load(DATA)
    validator = Validator(known)
    pulled: list[Activity] = []
    problems: list[Problem] = []
    for source in args.sources:
        problems.extend(validator.read(source, args.sheet, into=pulled))
    if problems:
        print(*problems, sep="\n")
        return _verdict(len(problems), len(args.sources), "nothing was stored")
    log = activity_log.read(args.data, known)
    kept = [] if log.example else log.activities  # real data replaces the example
    key, new_key = pseudonyms.load_key(
        args.data, any(pseudonyms.is_pseudonym(item.teacher) for item in kept)
    )
    names = pseudonyms.Pseudonyms(key, known)
    merged = activity_log.merge(map(names.apply, kept), map(names.apply, pulled))
    changed = activity_log.write(args.data, activity_log.Log(merged, example=False))
    added = len(merged) - len(kept)
    if log.example:
        print("The example log was replaced by the pulled data.", file=sys.stderr)
    if new_key:
        print(
            f"A new pseudonym key is in {args.data / pseudonyms.KEY_FILE}: keep it, and copy it "
            "to any computer that pulls next. It is never committed.",
            file=sys.stderr,
        )
    state = "changed" if changed else "unchanged"
    print(
        f"{len(pulled)} rows read, {added} new activities; the log holds {len(merged)} ({state}).",
        file=sys.stderr,
    )
    return 0


def summary(args: argparse.Namespace) -> int:
    known = registries.load(DATA)
    summaries = summarise(known, activity_log.read(args.data, known).activities)
    if args.term:
        summaries = [s for s in summaries if s.term.id == args.term]
    if args.json:
        print(json.dumps({"terms": [s.as_json() for s in summaries]}, ensure_ascii=False, indent=2))
        return 0
    for s in summaries:
        term = s.term
        print(f"{term.id}  {term.name['ru']}  {term.start:%d.%m.%Y}–{term.end:%d.%m.%Y}")
        print(f"  activities {s.activities}, teachers {s.teachers}")
        for title, counts in (("platform", s.by_platform), ("activity", s.by_activity)):
            print(f"  {title:<12}{'activities':>11}")
            for kind, number in counts.items():
                print(f"  {kind:<12}{number:>11}")
        print()
    return 0


def export_term(args: argparse.Namespace) -> int:
    known = registries.load(DATA)
    words = labels.load(DATA)["ru"]
    summaries = summarise(known, activity_log.read(args.data, known).activities)
    index = next(i for i, s in enumerate(summaries) if s.term.id == args.term)
    current, previous = summaries[index], summaries[index - 1] if index else None
    heading = words["title"].format(term=current.term.name["ru"])
    parts = export.tables(current, previous, known, words)
    output = args.output or Path(f"{args.term}.{args.format}")
    write = export.write_xlsx if args.format == "xlsx" else export.write_csv
    write(output, heading, parts)
    print(f"Written: {output}", file=sys.stderr)
    return 0


def _verdict(problems: int, sources: int, consequence: str = "") -> int:
    if problems:
        tail = f"; {consequence}" if consequence else ""
        print(f"{problems} problem(s) in {sources} source(s){tail}.", file=sys.stderr)
        return 1
    print(f"{sources} source(s): no problems.", file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stats.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    data = argparse.ArgumentParser(add_help=False)
    data.add_argument("--data", type=Path, default=DATA, help="folder of the activity log")
    sheet = argparse.ArgumentParser(add_help=False)
    sheet.add_argument("--sheet", help="the XLSX sheet to read (default: the first)")
    sources = argparse.ArgumentParser(add_help=False)
    sources.add_argument(
        "sources", nargs="+", metavar="SOURCE", help="a CSV or XLSX file, or its http(s) address"
    )

    commands.add_parser(
        "check", parents=[sources, sheet], help="check sources; store nothing"
    ).set_defaults(run=check)
    commands.add_parser(
        "pull", parents=[sources, sheet, data], help="check sources and merge them into the log"
    ).set_defaults(run=pull)
    sub = commands.add_parser("summary", parents=[data], help="count the log per term")
    sub.add_argument("--term", help="only this term (an id from data/terms.yml)")
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub.set_defaults(run=summary)
    sub = commands.add_parser("export", parents=[data], help="a term's tables, to a file")
    sub.add_argument("--term", required=True, help="an id from data/terms.yml")
    sub.add_argument("--format", required=True, choices=("xlsx", "csv"), help="the file's kind")
    sub.add_argument("--output", type=Path, help="the file (default: TERM.FORMAT here)")
    sub.set_defaults(run=export_term)
    return parser


@command
def main(argv: list[str] | None = None) -> int:
    commands = parser()
    args = commands.parse_args(argv)
    if getattr(args, "term", None):
        known = registries.load(DATA)
        if known.term(args.term) is None:
            ids = ", ".join(term.id for term in known.terms)
            commands.error(f"no term {args.term} in data/terms.yml; the terms are {ids}")
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
