"""Without a real Chromium (none installed, or CHROMIUM=/bin/false), every
tool says so in one line: the variable, what is wrong, what to install.
The build goes on without the report PDFs; the tests and `make test` stop
before anything else; `make bench` skips what needs the browser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from common.site_config import ROOT
from support.commands import run_program

INSTALL = (
    "установите Chromium (на Debian или Ubuntu: sudo apt-get install chromium) или укажите в "
    "переменной CHROMIUM путь к Chromium или Google Chrome"
)


def said(chromium: str) -> str:
    """What the build says of CHROMIUM, in a process of its own (it reads
    the variable once)."""
    result = subprocess.run(
        [sys.executable, "-c", "from postbuild import pdfs; print(pdfs.chromium_problem())"],
        cwd=ROOT / "scripts",
        env=os.environ | {"CHROMIUM": chromium},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("chromium", "why"),
    [
        ("/bin/false", "это не Chromium и не Chrome («--version» ответил «false"),
        ("/nonexistent/chromium", "такого файла нет"),
        (str(ROOT / "README.md"), "файл не запускается"),
    ],
)
def test_a_chromium_that_is_none_is_told_in_one_line(chromium: str, why: str) -> None:
    line = said(chromium)
    assert line.startswith(f"CHROMIUM={chromium}: {why}"), line
    assert line.endswith(INSTALL)
    assert "\n" not in line


def test_the_real_chromium_passes() -> None:
    assert said(os.environ.get("CHROMIUM", "/usr/bin/chromium")) == "None"


def test_the_browser_tests_stop_at_once_in_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_browser.py"],
        cwd=ROOT,
        env=os.environ | {"CHROMIUM": "/bin/false"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert "no tests ran" in result.stdout
    told = [line for line in result.stdout.splitlines() if "CHROMIUM=/bin/false" in line]
    assert len(told) == 1 and INSTALL in told[0], result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_make_tools_names_the_variable() -> None:
    result = subprocess.run(
        ["make", "--no-print-directory", "tools"],
        cwd=ROOT,
        env=os.environ | {"CHROMIUM": "/bin/false"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == (
        "make test needs: chromium (CHROMIUM=/bin/false is not a Chromium or Chrome: install "
        "chromium or set CHROMIUM to one). On Debian or Ubuntu: sudo apt-get install chromium."
    )


def test_bench_skips_the_preview_saying_why() -> None:
    result = run_program("bench.py", "--only", "preview", env={"CHROMIUM": "/bin/false"})
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == f"Preview: skipped: {said('/bin/false')}"
