"""Every check over every file: what `make check` runs, and what the review
import tries its result with (translation/trial.py)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from common import textfile, yamldata
from common.problem import Problems
from common.source_pages import is_committed, is_generated

from . import (
    files,
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
from .source import Check, Problem, Rules, Source

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


def default_paths(project: Path) -> list[Path]:
    """What `make check` checks when given no paths: docs/, data/ and the templates."""
    defaults = [project / "docs", project / "data", *(project / t for t in TEMPLATES)]
    return [path for path in defaults if path.exists()]


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
    paths = list(paths)
    problems: list[Problem] = list(files.check(paths, rules))
    for path in sources(paths):
        if files.is_published_file(path):
            continue  # a picture, a drawing or a refused file: told above
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
                    "по этому пути scripts/render/ пишет созданную страницу, и сборка её "
                    "заменит: назовите страницу иначе",
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
