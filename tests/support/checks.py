"""Run `make check` (scripts/check_content.py) on planted files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from common.site_config import ROOT

CHECK = ROOT / "scripts" / "check_content.py"


def run_check(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(CHECK), *args], capture_output=True, text=True, cwd=cwd
    )


# Every Chechen page says whether a native speaker has reviewed it.
CE_HEAD = "---\ntranslation_review: needed\n---\n\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path
