"""Run `make check` (scripts/check_content.py) on planted files."""

from __future__ import annotations

from pathlib import Path

import check_content
from support.commands import Ran, run_main


def run_check(*args: str, cwd: Path) -> Ran:
    """`make check` on `args`, from `cwd`, in this process."""
    return run_main(check_content.main, *args, cwd=cwd)


# Every Chechen page says whether a native speaker has reviewed it.
CE_HEAD = "---\ntranslation_review: needed\n---\n\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path
