"""A copy of the project's sources, to change and build apart from it (the
benchmark, the tests), leaving the real checkout alone."""

from __future__ import annotations

import shutil
from pathlib import Path

from common.site_config import ROOT

# What a build reads: the rest of the checkout is tools. The issue forms give
# the questions of the coordinator's guide (render/report_form.py).
SOURCES = ("docs", "overrides", "data", "mkdocs.yml", ".github/ISSUE_TEMPLATE")


def copy_project(target: Path, source: Path = ROOT) -> Path:
    """Copy the sources of `source` into `target`, without what builds made
    there (docs/.generated/, overrides/.generated/); return `target`."""
    ignore = shutil.ignore_patterns(".generated")
    for name in SOURCES:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, ignore=ignore)
        elif (source / name).exists():
            shutil.copy2(source / name, target / name)
    return target
