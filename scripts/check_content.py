"""Content checks a pull request must pass: what `make check` runs.

Each problem is one line, FILE:LINE: message, and the exit status is 1 when
there is any. `--fix` rewrites what can be fixed safely (the palochka).

    python scripts/check_content.py [--fix] [PATH ...]

Without paths it checks docs/ and data/ of the project.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import palochka
from atomic import write_text

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{_shown(self.path)}:{self.line}: {self.message}"


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def is_chechen(path: Path) -> bool:
    """Chechen text lives under a ce/ folder or in a *.ce.md file."""
    return "ce" in path.parts or path.name.endswith(".ce.md")


def check_palochka(path: Path, text: str) -> Iterator[Problem]:
    if not is_chechen(path):
        return
    for number, line in enumerate(text.splitlines(), start=1):
        for found in palochka.find_lookalikes(line):
            word = _word_at(line, found.index)
            yield Problem(
                path,
                number,
                f"palochka typed as {found.name} in «{word}»: write Ӏ (U+04C0), or run `make fix`",
            )


def _word_at(line: str, index: int) -> str:
    start = index
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    end = index
    while end < len(line) and not line[end].isspace():
        end += 1
    return line[start:end]


CHECKS = (check_palochka,)


def sources(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in (".md", ".yml", ".yaml"))
        else:
            yield path


def check(paths: Iterable[Path]) -> list[Problem]:
    problems = []
    for path in sources(paths):
        text = path.read_text("utf-8")
        for run in CHECKS:
            problems.extend(run(path, text))
    return problems


def fix(paths: Iterable[Path]) -> list[Path]:
    """Normalise the palochka in Chechen files; return the files changed."""
    changed = []
    for path in sources(paths):
        if not is_chechen(path):
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
            print(f"{_shown(path)}: palochka fixed")
    problems = check(paths)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
