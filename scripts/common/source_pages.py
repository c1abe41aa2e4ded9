"""Which Markdown files under docs/ are pages, and which of them people write.

Left out of the pages: files MkDocs does not build as pages (mkdocs.yml's
exclude_docs, such as the notes a term report includes, and dot-folders such
as docs/.generated/). Left out of the written pages as well: generated pages,
which carry render.core.NOTICE.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pathspec

from common import site_config
from render.core import NOTICE


def is_generated(path: Path) -> bool:
    return path.suffix == ".md" and NOTICE.encode() in path.read_bytes()


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
    return (path for path in pages(project, lang) if not is_generated(path))
