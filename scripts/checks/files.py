"""Files of docs/ that are not pages: what the site may publish, by type.

MkDocs copies them into the site as they are; the policy (one, shared with
the build's gate: postbuild/published_files.py) lets pictures and clean SVG
drawings through and refuses raw HTML, PDFs, office documents and anything
else, naming the file and, in an SVG, the line. An SVG's text is read for
personal data as a page's is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from common.source_pages import is_generated
from postbuild.published_files import DRAWINGS, PAGES, problems

from . import personal_data
from .source import Problem, Rules, Source, shown


def is_published_file(path: Path) -> bool:
    """Whether `path` is a file MkDocs would copy into the site as it is:
    under a docs/ folder, not a page, not in a dot-folder, not generated."""
    parts = path.resolve().parts
    if "docs" not in parts[:-1] or path.suffix.lower() in PAGES:
        return False
    inside = parts[len(parts) - 1 - parts[::-1].index("docs") + 1 :]
    return not any(part.startswith(".") for part in inside) and not is_generated(path)


def files(paths: Iterable[Path]) -> Iterator[Path]:
    """The published files among `paths` and in the folders among them."""
    for path in paths:
        found = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        yield from (p for p in found if is_published_file(p))


def check(paths: Iterable[Path], rules: Rules) -> Iterator[Problem]:
    for path in files(paths):
        found = problems(path)
        for line, said in found:
            yield Problem(shown(path), line, said)
        if path.suffix.lower() in DRAWINGS and not found:  # a drawing that may be published
            text = path.read_bytes().decode("utf-8", errors="replace")
            yield from personal_data.check(Source(path, text), rules)
