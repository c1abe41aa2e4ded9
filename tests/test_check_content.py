"""`make check` on fixture files: each check passes clean text, fails faults."""

from __future__ import annotations

from pathlib import Path

from common.site_config import ROOT
from support.checks import CE_HEAD, run_check, write


def test_clean_chechen_text_passes(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "ce" / "page.md", CE_HEAD + "# Коьрта агӀо\n\n1977ш, XIX-чу бӀешо.\n")
    result = run_check("docs", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


def test_lookalike_is_reported_with_file_and_line(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "ce" / "page.md", CE_HEAD + "# Коьрта агIо\n\nкуьйгалла\nдIагIо\n")
    result = run_check("docs", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("docs/ce/page.md:5: palochka typed as Latin I in «агIо»")
    assert [line.split(":")[1] for line in lines] == ["5", "8", "8"]


def test_russian_text_is_not_checked_for_the_palochka(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "ru" / "page.md", "# Wi-Fi и Iphone\n")
    assert run_check("docs", cwd=tmp_path).returncode == 0


def test_fix_writes_the_palochka_and_leaves_years(tmp_path: Path) -> None:
    page = write(tmp_path / "docs" / "ce" / "page.md", CE_HEAD + "дIагIо 1977ш кӏант\n")
    result = run_check("--fix", "docs", cwd=tmp_path)
    assert result.returncode == 0
    assert page.read_text("utf-8") == CE_HEAD + "дӀагӀо 1977ш кӀант\n"
    assert "docs/ce/page.md: palochka fixed" in result.stdout


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run_check("nowhere", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_project_content_passes() -> None:
    assert run_check(cwd=ROOT).returncode == 0
