"""The build side by side (each language's MkDocs build, the pages' finishing
in processes of their own) makes the site and tells the problems that the
build in one process does, byte for byte and word for word; a failure in
one of its processes is told as in one process, exit status 1, and leaves
no half-written site.

`cores` is set here: the sequential build is what a machine with one
processor runs (or `taskset -c 0 make site`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import build_site
from common.cli import Failure
from common.words import message
from postbuild import finish, pdfs
from sitebuild import build as site_build
from sitebuild.build import BuildError, build
from support.commands import run_main, run_program
from support.project import PREFIX_URL, copy_project

# Four: several runs of pages merged, in each language's process too.
MODES = {"one process": 1, "side by side": 2, "four processors": 4}


def on_cores(monkeypatch: pytest.MonkeyPatch, cores: int) -> None:
    monkeypatch.setattr(site_build, "cores", lambda: cores)


def files_of(site: Path) -> dict[str, bytes]:
    """Every file of a built site; a calendar's DTSTAMP (the moment it was
    written, as RFC 5545 asks) left out."""
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".ics":
                data = re.sub(rb"DTSTAMP:\d{8}T\d{6}Z", b"DTSTAMP:", data)
            files[path.relative_to(site).as_posix()] = data
    return files


@pytest.fixture(scope="module")
def built_both_ways(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """The project built in one process and side by side (without PDFs,
    whose links name the folder they were printed in)."""
    sites = {}
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(pdfs, "available", lambda: False)
        for mode, cores in MODES.items():
            on_cores(monkeypatch, cores)
            out = tmp_path_factory.mktemp(mode.replace(" ", "-"))
            build(out, site_url=PREFIX_URL)
            sites[mode] = files_of(out)
    return sites


def test_side_by_side_the_site_is_the_same_byte_for_byte(
    built_both_ways: dict[str, dict[str, bytes]],
) -> None:
    alone = built_both_ways["one process"]
    for mode, side_by_side in built_both_ways.items():
        assert sorted(side_by_side) == sorted(alone), mode
        differ = [name for name in alone if alone[name] != side_by_side[name]]
        assert not differ, f"{mode}: differ: {differ[:10]}"
    for name in ("sitemap.xml", "404.html", "search/search_index.json"):
        assert name in alone
    assert "ce/search/search_index.json" in alone


def plant(project: Path, page: str, text: str) -> int:
    """Add `text` at the end of a page of `project`; return its line."""
    path = project / "docs" / page
    lines = path.read_text("utf-8").splitlines()
    path.write_text("\n".join([*lines, "", text, ""]), "utf-8")
    return len(lines) + 2


FAULTS: dict[str, Callable[[Path], list[str]]] = {
    # MkDocs' warnings, in the Chechen build (a process of its own) and in both.
    "a broken link in a Chechen page": lambda project: [
        f"docs/ce/policy.md:{plant(project, 'ce/policy.md', '[нет](no-such-page.md)')}: "
    ],
    "broken links in both languages": lambda project: [
        f"docs/ru/policy.md:{plant(project, 'ru/policy.md', '[нет](no-such-page.md)')}: ",
        f"docs/ce/glossary.md:{plant(project, 'ce/glossary.md', '[нет](nowhere.md)')}: ",
    ],
    # The sanitiser, in the pass over the Chechen pages.
    "a script in a Chechen page": lambda project: [
        f"docs/ce/contacts.md:{plant(project, 'ce/contacts.md', '<script>alert(1)</script>')}: "
        + message("unsafe_html", what="<script>")
    ],
}


@pytest.mark.parametrize("fault", FAULTS)
def test_a_fault_is_told_the_same_by_line_either_way(
    fault: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdfs, "available", lambda: False)  # PDFs are not the point
    project = copy_project(tmp_path / "project")
    expected = FAULTS[fault](project)
    told = {}
    for mode, cores in MODES.items():
        on_cores(monkeypatch, cores)
        with pytest.raises(BuildError) as failure:
            build(tmp_path / mode, site_url=PREFIX_URL, project=project)
        told[mode] = str(failure.value)
    assert told["side by side"] == told["one process"]
    for start in expected:
        assert any(line.startswith(start) for line in told["one process"].splitlines()), told


def test_a_failing_page_in_a_worker_is_told_by_line_and_exits_1(tmp_path: Path) -> None:
    """As `make site` runs it, on this machine's processors."""
    project = copy_project(tmp_path / "project")
    line = plant(project, "ce/platforms/sferum.md", "[Положение](../nowhere.md)")
    ran = run_program(
        "build_site.py", "--project", project, "--site-dir", tmp_path / "site", cwd=project
    )
    assert ran.returncode == 1
    assert any(
        told.startswith(f"docs/ce/platforms/sferum.md:{line}: ") for told in ran.stderr.splitlines()
    ), ran.stderr
    assert not list((tmp_path / "site").iterdir()), "a failed build left a half-written site"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")], "folders left"


def test_a_worker_that_dies_is_told_and_leaves_no_half_written_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdfs, "available", lambda: False)
    on_cores(monkeypatch, 2)
    monkeypatch.setattr(site_build, "finish_language", lambda *_, **__: os._exit(9))
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("<p>прежний сайт</p>", "utf-8")
    with pytest.raises(
        Failure, match=r"^сборка языка ce: процесс сборки прервался \(код выхода 9\)$"
    ):
        build(site, site_url=PREFIX_URL, project=copy_project(tmp_path / "project"))
    assert not list(site.iterdir())


def test_an_unreadable_page_in_a_worker_is_told_as_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file the pass cannot read or write: the OSError of the first such
    page, in Russian, by the command's one conversion point."""
    monkeypatch.setattr(pdfs, "available", lambda: False)
    page = finish.PagePass._page

    def unreadable(self: finish.PagePass, path: Path, *args: object) -> None:
        if path.name == "index.html" and path.parent.name in ("glossary", "policy"):
            raise PermissionError(13, "Permission denied", str(path.relative_to(self.site)))
        page(self, path, *args)

    monkeypatch.setattr(finish.PagePass, "_page", unreadable)
    project = copy_project(tmp_path / "project")
    told = {}
    for mode, cores in MODES.items():
        on_cores(monkeypatch, cores)
        ran = run_main(build_site.main, "--project", project, "--site-dir", tmp_path / mode)
        assert ran.returncode == 1
        told[mode] = ran.stderr
    assert told["side by side"] == told["one process"]
    assert told["one process"].startswith("ce/glossary/index.html: не удаётся прочитать")
