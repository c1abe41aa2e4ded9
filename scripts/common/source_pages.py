"""Which Markdown files under docs/ are pages, and which of them people
write; and which other files of docs/ MkDocs publishes as they are.

Left out of the pages: files MkDocs does not build as pages (mkdocs.yml's
exclude_docs, such as the notes a term report includes, and dot-folders such
as docs/.generated/). Left out of the written pages as well: generated files,
known by their path from the renderers' registry (render/core.py: GENERATED
and GENERATED_PAGES), never by what they say, so a page that copies the
generator's comment is still a page people write.

Pages are read through read_page: a page that is not UTF-8, too large, or
whose front matter is not YAML or uses YAML's anchors and aliases (which
MkDocs would expand into every template that shows the value) is one
FILE:LINE problem before MkDocs runs.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Any

import pathspec
from mkdocs.utils.meta import YAML_RE

from common import site_config, textfile, yamldata
from render.core import GENERATED, GENERATED_PAGES


def is_generated(path: Path) -> bool:
    """Whether a renderer writes `path`: under docs/.generated/, or at a path
    of GENERATED_PAGES (globs relative to the project, matched from the right)."""
    parts = path.parts
    folder = GENERATED.parts
    inside = any(parts[i : i + len(folder)] == folder for i in range(len(parts)))
    return inside or any(PurePath(path).match(pattern) for pattern in GENERATED_PAGES)


def is_committed(path: Path) -> bool:
    """Whether git keeps `path`: a generated page never is (.gitignore), so a
    committed file at a generated page's path was written by someone."""
    result = subprocess.run(
        ["git", "ls-files", "--error-unmatch", path.name],
        cwd=path.parent,
        capture_output=True,
    )
    return result.returncode == 0


def _excluded(project: Path) -> pathspec.PathSpec[Any]:
    patterns = site_config.load(project).exclude_docs if (project / "mkdocs.yml").exists() else ""
    return pathspec.PathSpec.from_lines("gitignore", [".*", *patterns.splitlines()])


def pages(project: Path, lang: str) -> Iterator[Path]:
    """The pages of `lang` that MkDocs builds, generated or not, sorted."""
    docs = project / "docs"
    excluded = _excluded(project)
    for path in sorted((docs / lang).rglob("*.md")):
        if not excluded.match_file(path.relative_to(docs).as_posix()):
            yield path


def written_pages(project: Path, lang: str) -> Iterator[Path]:
    """The pages of `lang` that people write, sorted."""
    return (path for path in pages(project, lang) if not is_generated(path.relative_to(project)))


def read_page(path: Path, shown: str | None = None) -> str:
    """The text of the page `path` (named `shown` in problems, by default
    from its docs/ folder on); raise Problems when it cannot be read or its
    front matter, as MkDocs finds it, is not YAML or has an anchor or alias."""
    if shown is None:
        parts = path.parts
        docs = len(parts) - 1 - parts[::-1].index("docs") if "docs" in parts else 0
        shown = PurePath(*parts[docs:]).as_posix()
    text = textfile.read(path, shown)
    if front := YAML_RE.match(text):
        yamldata.parse(front.group(1), shown, first_line=2)
    return text


def published_files(project: Path) -> Iterator[Path]:
    """The files of docs/ that MkDocs copies into the site as they are (not
    pages; nothing generated, nothing excluded), sorted."""
    docs = project / "docs"
    excluded = _excluded(project)
    for path in sorted(docs.rglob("*")):
        relative = path.relative_to(docs)
        if (
            path.is_file()
            and path.suffix != ".md"
            and not excluded.match_file(relative.as_posix())
            and not is_generated(path.relative_to(project))
        ):
            yield path
