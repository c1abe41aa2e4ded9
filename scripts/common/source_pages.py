"""Which Markdown files under docs/ are pages that people write.

Left out: generated pages (they carry render.core.NOTICE), and files MkDocs does
not build as pages (mkdocs.yml's exclude_docs, such as the notes a term
report includes).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pathspec
from mkdocs.utils.yaml import yaml_load

from render.core import NOTICE


def is_generated(path: Path) -> bool:
    return path.suffix == ".md" and NOTICE in path.read_text("utf-8")


def _excluded(project: Path) -> pathspec.PathSpec[Any]:
    config = project / "mkdocs.yml"
    patterns = ""
    if config.exists():
        with open(config, encoding="utf-8") as f:
            patterns = (yaml_load(f) or {}).get("exclude_docs") or ""
    return pathspec.PathSpec.from_lines("gitignore", patterns.splitlines())


def written_pages(project: Path, lang: str) -> Iterator[Path]:
    """The pages of `lang` that people write, sorted."""
    docs = project / "docs"
    excluded = _excluded(project)
    for path in sorted((docs / lang).rglob("*.md")):
        if not excluded.match_file(path.relative_to(docs).as_posix()) and not is_generated(path):
            yield path
