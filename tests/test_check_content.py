"""`make check` on fixture files: each check passes clean text, fails faults."""

from __future__ import annotations

from pathlib import Path

from common.site_config import ROOT
from render.core import GENERATED_PAGES
from support.checks import CE_HEAD, run_check, write
from support.commands import run_program
from support.project import copy_project


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
    assert lines[0].startswith("docs/ce/page.md:5: палочка набрана как латинская I в «агIо»")
    assert [line.split(":")[1] for line in lines] == ["5", "8", "8"]


def test_russian_text_is_not_checked_for_the_palochka(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "ru" / "page.md", "# Wi-Fi и Iphone\n")
    assert run_check("docs", cwd=tmp_path).returncode == 0


def test_fix_writes_the_palochka_and_leaves_years(tmp_path: Path) -> None:
    page = write(tmp_path / "docs" / "ce" / "page.md", CE_HEAD + "дIагIо 1977ш кӏант\n")
    result = run_check("--fix", "docs", cwd=tmp_path)
    assert result.returncode == 0
    assert page.read_text("utf-8") == CE_HEAD + "дӀагӀо 1977ш кӀант\n"
    assert "docs/ce/page.md: палочка исправлена" in result.stdout


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run_check("nowhere", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_unreadable_page_is_one_line_as_a_person_runs_it(tmp_path: Path) -> None:
    """check_content.py as its own program: a page saved in another encoding."""
    write(tmp_path / "docs" / "ru" / "ok.md", "# Страница\n")
    (tmp_path / "docs" / "ru" / "cp1251.md").write_bytes("# Страница\n".encode("cp1251"))
    result = run_program("check_content.py", "docs", cwd=tmp_path)
    assert result.returncode == 1
    assert (
        result.stdout == "docs/ru/cp1251.md:1: файл не в кодировке UTF-8: сохраните его как UTF-8\n"
    )


def test_broken_links_and_anchors_are_found_without_a_build(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "ru" / "index.md", "# Главная {#top}\n\n## Раздел\n")
    write(tmp_path / "docs" / "ru" / "only-russian.md", "# Только по-русски\n")
    write(
        tmp_path / "docs" / "ce" / "index.md",
        CE_HEAD + "# Коьрта агӀо\n\n[Оьрсийн](only-russian.md) [дакъа](../ru/index.md#раздел)\n",
    )
    page = "# Страница\n\n[есть](index.md#top) [нет](missing.md)\n\n[раздел](index.md#nope)\n"
    write(tmp_path / "docs" / "ru" / "page.md", page + "[свой](#страница) [чужой](#other)\n")
    result = run_check("docs", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "docs/ru/page.md:3: ссылка на страницу или файл, которых нет: missing.md",
        "docs/ru/page.md:5: ссылка на якорь, которого нет: index.md#nope "
        "(нет заголовка или id «nope»)",
        "docs/ru/page.md:6: ссылка на якорь, которого нет: #other (нет заголовка или id «other»)",
    ]


def test_project_content_passes() -> None:
    assert run_check(cwd=ROOT).returncode == 0


def test_a_fresh_checkout_passes_before_anything_was_built(tmp_path: Path) -> None:
    """CI runs `make check` on a clean clone, before `make site`: the links
    to generated pages (a year's report, /reports/summary.json) must hold."""
    project = copy_project(tmp_path / "project")
    for pattern in GENERATED_PAGES:
        for made in project.glob(pattern):
            made.unlink()
    assert not any(project.glob("docs/*/reports/summary.*"))
    result = run_check("--project", str(project), cwd=project)
    assert result.returncode == 0, result.stdout
    assert (project / "docs" / "ru" / "reports" / "summary.json").exists()
