"""A problem the build's gates find in what a page shows from data (its
generated parts, or the whole of a generated page) is told at the data
file's line it came from: the file a teacher edits, never the generated
text under docs/.generated/, which nobody edits and git does not keep."""

from __future__ import annotations

from pathlib import Path

import pytest

from common.problem import Problem
from support.checks import run_check
from support.project import build_copy_past_gates

# data file → (the text it holds, what replaces it: a personal datum)
PLANTED = {
    "data/events.yml": (
        "ru: Встреча сообщества — как пользоваться новым сайтом",
        "ru: Встреча сообщества, секретарь тел. 22-1-33",
    ),
    "data/platforms.yml": (
        "сайте, прежде чем платить.",
        "сайте, прежде чем платить; менеджер 8&thinsp;928&thinsp;123\u200945\u200967.",
    ),
}


def plant(project: Path) -> None:
    for name, (text, planted) in PLANTED.items():
        path = project / name
        source = path.read_text("utf-8")
        assert source.count(text) == 1, name
        path.write_text(source.replace(text, planted), "utf-8")


def planted_line(project: Path, name: str) -> int:
    lines = (project / name).read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if PLANTED[name][1] in line)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Problem]]:
    project, _, problems = build_copy_past_gates(tmp_path_factory, "data-sources", plant)
    return project, problems


@pytest.mark.parametrize("name", PLANTED)
def test_the_gate_names_the_data_files_line(name: str, planted: tuple[Path, list[Problem]]) -> None:
    project, problems = planted
    told = [str(problem) for problem in problems if problem.source == name]
    assert told, problems
    line = planted_line(project, name)
    assert all(said.startswith(f"{name}:{line}: личные данные: ") for said in told), told
    assert all("номер телефона" in said for said in told), told


def test_no_problem_is_told_at_generated_text(planted: tuple[Path, list[Problem]]) -> None:
    _, problems = planted
    assert problems
    assert not [p for p in problems if ".generated" in p.source or "/reports/20" in p.source]
    assert {p.source for p in problems} == set(PLANTED), problems


def test_make_check_names_the_same_lines(planted: tuple[Path, list[Problem]]) -> None:
    project, _ = planted
    result = run_check("data", cwd=project)
    told = result.stdout.splitlines()
    for name in PLANTED:
        line = planted_line(project, name)
        assert any(
            said.startswith(f"{name}:{line}: личные данные: номер телефона") for said in told
        )
