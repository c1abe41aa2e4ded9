"""An import's result tried before it is written: the files as they would be,
in a temporary copy of the project, through the build's own renderers (every
data loader: the activity registries, the words, the glossary, platforms,
contacts, events…), its language map (the site's config, the date format)
and `make check`'s checks (front matter, links, the
glossary's avoided forms, the palochka…).

Only the problems the changes bring are reported: when the copy fails, the
project as it is now is tried the same way, and what fails there too is
not the import's doing.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from checks.run import check, default_paths
from checks.source import Rules
from common.problem import Problem, Problems
from render.core import render_all
from render.registry import RENDERERS
from sitebuild import language_map
from sitebuild.project_copy import copy_project
from translation.progress import counted_once


def problems(project: Path, changed: Mapping[str, str]) -> list[Problem]:
    """What the build or `make check` would report once `changed` (file,
    relative to the project → its new text) is written, and does not now."""
    if not changed:
        return []
    after = _try(project, changed)
    if not after:
        return []
    before = Counter(_key(p) for p in _try(project, {}))
    out = []
    for problem in after:
        if before[_key(problem)]:
            before[_key(problem)] -= 1
        else:
            out.append(problem)
    return out


def _key(problem: Problem) -> tuple[str, str]:
    return problem.source, problem.message  # lines move when a text changes


def _try(project: Path, changed: Mapping[str, str]) -> list[Problem]:
    with tempfile.TemporaryDirectory(prefix="review-import-") as folder:
        copy = copy_project(Path(folder) / "project", project)
        for file, text in changed.items():
            (copy / file).parent.mkdir(parents=True, exist_ok=True)
            (copy / file).write_text(text, "utf-8")
        try:
            with counted_once():
                render_all(copy, RENDERERS)
                language_map.write(copy, pdf=False)  # the site's config, the pages' date format
            found = check(default_paths(copy), Rules.load(copy))
        except Problems as err:
            found = err.problems
        return [_relative(problem, copy) for problem in found]


def _relative(problem: Problem, copy: Path) -> Problem:
    """`problem` with its file named as in the project, not in the copy."""
    source = problem.source
    for root in (str(copy.resolve()), str(copy)):
        source = source.removeprefix(root + "/")
    return Problem(source, problem.line, problem.message)
