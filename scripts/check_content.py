"""Content checks a pull request must pass: what `make check` runs.

Each problem is one line, FILE:LINE: message, and the exit status is 1 when
there is any. `--fix` rewrites what can be fixed safely (the palochka).

    python scripts/check_content.py [--fix] [PATH ...]

Without paths it checks docs/ and data/ of the project. The checks, one
module each in scripts/checks/:
  palochka_lookalikes  Ӏ typed as I, l, 1 or І in Chechen text;
  personal_data        phone numbers, e-mail addresses, SNILS numbers;
  unsafe_html          <script>, foreign <iframe>, on…= and javascript:;
  images               images without alt text;
  front_matter         front matter against its schema;
  markdown_lint        heading levels, one H1 and a few more rules;
  news_posts           news posts: file name, date, title, summary, tags.
Exceptions (the school's public contacts, allowed iframe hosts) are kept in
data/checks.yml. Broken links are found by the strict build (`make site`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from chechen import palochka
from checks import (
    front_matter,
    images,
    markdown_lint,
    news_posts,
    palochka_lookalikes,
    personal_data,
    unsafe_html,
)
from checks.source import Check, Problem, Rules, Source, shown
from common.atomic import write_text
from common.site_config import ROOT
from common.source_pages import is_generated

CHECKS: tuple[Check, ...] = (
    palochka_lookalikes.check,
    personal_data.check,
    unsafe_html.check,
    images.check,
    front_matter.check,
    markdown_lint.check,
    news_posts.check,
)
SUFFIXES = (".md", ".yml", ".yaml", ".csv")


def sources(paths: Iterable[Path]) -> Iterator[Path]:
    """The files people write. Generated ones are left out: dot-folders
    (docs/.generated/) and pages with the generator's notice (term reports),
    whose data is checked where it is kept."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.suffix in SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and not is_generated(p)
            )
        else:
            yield path


def check(paths: Iterable[Path], rules: Rules) -> list[Problem]:
    problems: list[Problem] = []
    for path in sources(paths):
        source = Source(path, path.read_text("utf-8"))
        for run in CHECKS:
            problems.extend(run(source, rules))
    return sorted(problems)


def fix(paths: Iterable[Path]) -> list[Path]:
    """Normalise the palochka in Chechen files; return the files changed."""
    changed = []
    for path in sources(paths):
        if not Source(path, "").is_chechen:
            continue
        text = path.read_text("utf-8")
        fixed = palochka.normalise(text)
        if fixed != text:
            write_text(path, fixed)
            changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument(
        "--fix", action="store_true", help="write Ӏ for every look-alike of the palochka"
    )
    args = parser.parse_args(argv)
    paths = args.paths or [p for p in (ROOT / "docs", ROOT / "data") if p.exists()]
    missing = [p for p in paths if not p.exists()]
    if missing:
        parser.error(f"no such file or folder: {missing[0]}")
    if args.fix:
        for path in fix(paths):
            print(f"{shown(path)}: palochka fixed")
    problems = check(paths, Rules.load())
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
