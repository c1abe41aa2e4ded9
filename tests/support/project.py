"""Copies of the project to change and build, leaving the real one alone.

copy_project (from scripts/sitebuild/project_copy.py) copies the sources;
build_copy changes a copy and builds it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from common.problem import Problem
from sitebuild.build import build
from sitebuild.project_copy import copy_project
from support.site import BuiltSite

# The default address: a GitHub project page, so every test also proves
# that the site works under a path prefix.
PREFIX_URL = "https://belgatoy-school.github.io/network/"


def build_copy(
    factory: pytest.TempPathFactory, name: str, change: Callable[[Path], object]
) -> BuiltSite:
    """A copy of the project, changed by `change`, built as `make site` builds it."""
    return build_copy_past_gates(factory, name, change, gates=True)[1]


def build_copy_past_gates(
    factory: pytest.TempPathFactory,
    name: str,
    change: Callable[[Path], object],
    gates: bool = False,
) -> tuple[Path, BuiltSite, list[Problem]]:
    """(project, site, problems): a changed copy built with the build's gates
    reporting instead of failing, so a page the build refuses can still be
    opened in a browser as it would have been published."""
    project = copy_project(factory.mktemp(f"{name}-project"))
    change(project)
    out = factory.mktemp(f"{name}-site")
    problems = build(out, site_url=PREFIX_URL, project=project, gates=gates).problems
    return project, BuiltSite(out, PREFIX_URL), problems
