"""A broken source stops the build with a message a person can act on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from common.site_config import ROOT
from postbuild import pdfs
from sitebuild.build import BuildError, build
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


def test_a_failed_build_leaves_the_next_one_a_clean_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs runs in the build's own process: when one language's build
    fails, the next build there (the preview's, the tests') still starts
    from an empty folder, not over the files of the one before."""
    monkeypatch.setattr(pdfs, "CHROMIUM", tmp_path / "no-browser")  # PDFs are not the point
    broken = copy_project(tmp_path / "broken")
    page = broken / "docs" / "ce" / "policy.md"
    page.write_text(page.read_text("utf-8") + "\n[нет](no-such-page.md)\n", "utf-8")
    site = tmp_path / "site"
    with pytest.raises(BuildError, match=r"docs/ce/policy\.md"):
        build(site, project=broken)
    (site / "stale.html").write_text("<p>старая страница</p>", "utf-8")
    build(site, project=copy_project(tmp_path / "good"))
    assert not (site / "stale.html").exists()
    assert (site / "ce" / "policy" / "index.html").exists()


def test_a_build_replaces_what_a_former_one_left_and_nothing_stays_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The former site is moved aside and removed while the new one builds;
    hidden entries stay, as MkDocs leaves them."""
    monkeypatch.setattr(pdfs, "available", lambda: False)
    site = tmp_path / "site"
    (site / "old" / "page").mkdir(parents=True)
    (site / "old" / "page" / "index.html").write_text("<p>старая</p>", "utf-8")
    (site / "stale.html").write_text("<p>старая страница</p>", "utf-8")
    (site / ".keep").write_text("", "utf-8")
    build(site, project=copy_project(tmp_path / "project"))
    assert not (site / "old").exists() and not (site / "stale.html").exists()
    assert (site / ".keep").exists()
    assert (site / "ce" / "policy" / "index.html").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["project", "site"]
