"""Content checks a pull request must pass: what `make check` runs.

Each problem is one line, FILE:LINE: message, and the exit status is 1 when
there is any. `--fix` rewrites what can be fixed safely (the palochka).

    python scripts/check_content.py [--fix] [PATH ...]

Without paths it checks docs/ and data/ of the project. The checks, one
module each in scripts/checks/:
  palochka_lookalikes  Ӏ typed as I, l, 1 or І in Chechen text;
  personal_data        phones, e-mail addresses, SNILS, passports, a name
                       with a birth date (common/personal_data.py decides);
  unsafe_html          whatever the build's sanitiser would remove from the
                       page as Markdown renders it: scripts, on…=, javascript:,
                       iframes, forms, styles, images from other sites…;
  images               images without alt text;
  front_matter         front matter against its schema, the review flag;
  internal_links       links to a missing page, file or anchor of the site;
  markdown_lint        heading levels, one H1 and a few more rules;
  news_posts           news posts: file name, date, title, summary, tags;
  glossary_terms       a form the glossary says to avoid, in Chechen text
                       (pages, data values and the interface strings of
                       overrides/, which are checked for this alone).
Exceptions (the school's public contacts) are kept in data/checks.yml.
Broken internal links are found here, and again by the strict build
(`make site`); what gets past these checks is stopped by the build's
sanitiser and privacy gate (scripts/postbuild/). `--project DIR` checks
another copy of the project, with its own data/.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from chechen import palochka
from checks import (
    front_matter,
    glossary_terms,
    images,
    internal_links,
    markdown_lint,
    news_posts,
    palochka_lookalikes,
    personal_data,
    unsafe_html,
)
from checks.source import Check, Problem, Rules, Source, shown
from common import textfile, yamldata
from common.atomic import write_text
from common.cli import command, project_folder
from common.problem import Problems
from common.site_config import ROOT
from common.source_pages import is_committed, is_generated
from render.core import render_all
from render.registry import RENDERERS

CHECKS: tuple[Check, ...] = (
    palochka_lookalikes.check,
    personal_data.check,
    unsafe_html.check,
    images.check,
    front_matter.check,
    internal_links.check,
    markdown_lint.check,
    glossary_terms.check,
    news_posts.check,
)
# Templates with Chechen interface strings: only the glossary check reads them.
TEMPLATES = glossary_terms.TEMPLATES
SUFFIXES = (".md", ".yml", ".yaml", ".csv")


def sources(paths: Iterable[Path]) -> Iterator[Path]:
    """The files people write. Generated ones are left out, known by their
    path (common/source_pages.py), whose data is checked where it is kept;
    so are other dot-folders. A file committed at a generated page's path is
    someone's, and is checked (check() says it is in the wrong place)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.suffix in SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and (not is_generated(p) or is_committed(p))
            )
        else:
            yield path


def check(paths: Iterable[Path], rules: Rules) -> list[Problem]:
    problems: list[Problem] = []
    for path in sources(paths):
        try:
            source = Source(path, textfile.read(path))
            readable(source)
        except Problems as err:  # not UTF-8, too large, its YAML unsafe: nothing else is read
            problems.extend(err.problems)
            continue
        if is_generated(path):
            problems.append(
                Problem(
                    source.label,
                    1,
                    "this is where scripts/render/ writes a generated page, which the "
                    "build replaces: name the page otherwise",
                )
            )
        for run in (glossary_terms.check,) if path.suffix == ".html" else CHECKS:
            problems.extend(run(source, rules))
    return sorted(problems)


def readable(source: Source) -> None:
    """Raise Problems when the YAML of `source` cannot be read safely: a data
    file, or a page's front matter. The checks read that YAML their own way
    (pymarkdown expands a page's front matter, glossary_terms walks a data
    file), so a file with an alias (a «billion laughs») never reaches them."""
    if source.path.suffix in (".yml", ".yaml"):
        yamldata.parse(source.text, source.label)
    elif source.is_markdown:
        front_matter.read(source)


def fix(paths: Iterable[Path]) -> list[Path]:
    """Normalise the palochka in Chechen files; return the files changed."""
    changed = []
    for path in sources(paths):
        if not Source(path, "").is_chechen:
            continue
        text = textfile.read(path)
        fixed = palochka.normalise(text)
        if fixed != text:
            write_text(path, fixed)
            changed.append(path)
    return changed


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, help="files or folders to check (default: docs/ and data/)"
    )
    parser.add_argument(
        "--project", type=project_folder, default=ROOT, help="the project (default: this one)"
    )
    parser.add_argument(
        "--fix", action="store_true", help="write Ӏ for every look-alike of the palochka"
    )
    return parser


@command
def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    project = args.project
    defaults = [project / "docs", project / "data", *(project / t for t in TEMPLATES)]
    paths = args.paths or [p for p in defaults if p.exists()]
    if not args.paths and (project / "mkdocs.yml").exists():
        # The generated pages and parts first, as the build makes them: links
        # to a year's report or to /reports/summary.json lead somewhere only then.
        render_all(project, RENDERERS)
    missing = [p for p in paths if not p.exists()]
    if missing:
        parser().error(f"no such file or folder: {missing[0]}")
    if args.fix:
        for path in fix(paths):
            print(f"{shown(path)}: palochka fixed")
    problems = check(paths, Rules.load(project.resolve()))
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
