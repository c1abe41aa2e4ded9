"""A broken source stops the build with a message a person can act on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from common.site_config import ROOT
from support.project import copy_project


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("[сломанная ссылка](no-such-page.md)", "ru/policy.md"),
        ("[нет раздела](platforms/index.md#no-such-anchor)", "no-such-anchor"),
    ],
)
def test_broken_link_fails_the_build_naming_the_file(
    tmp_path: Path, change: str, expected: str
) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "ru" / "policy.md"
    page.write_text(page.read_text("utf-8") + f"\n{change}\n", "utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_site.py"),
            "--project",
            str(project),
            "--site-dir",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
