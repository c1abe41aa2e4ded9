"""Render the pages that are made from data, before MkDocs runs.

Each renderer writes only files that changed, so `make serve` does not
rebuild in a loop. Generated files carry a note saying where they come from.
"""

from __future__ import annotations

from pathlib import Path


def render_all(project: Path) -> list[Path]:
    """Render every generated page of `project`; return the files written."""
    return []
