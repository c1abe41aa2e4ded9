"""Acceptance: each kind of fault planted in a copy of the real pages fails
`make check` (or, for links, the build), and the report names the file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild.build import BuildError, build
from support.checks import run_check
from support.project import copy_project

# file of the copy → (what is planted at its end, words the report must have)
APPENDED = {
    "docs/ru/policy.md": ("Звоните директору: 8 (928) 000-12-34.", "номер телефона"),
    "docs/ce/platforms/sferum.md": ("Яздийша: teacher.ivanova@mail.ru", "адрес электронной почты"),
    "data/platforms.yml": ("# СНИЛС 112-233-445 95", "номер СНИЛС"),
    "docs/ru/platforms/infourok.md": ("<script>alert(1)</script>", "<script>"),
    "docs/ru/index.md": ('<iframe src="https://maps.example.com/x"></iframe>', "<iframe>"),
    "docs/ru/glossary.md": ('<span onmouseover="x()">слово</span>', "onmouseover="),
    "docs/ru/reports/index.md": ("[Отчёт](javascript:alert(1))", "javascript:"),
    "docs/ru/platforms/urokrf.md": ("![](urok.png)", "картинка без описания (alt)"),
    "docs/ru/contributing/index.md": ("# Второй заголовок первого уровня", "MD025"),
    "docs/ru/platforms/prosv.md": ("## Раздел\n\n#### Пункт через уровень", "MD001"),
    "docs/ce/index.md": ("ДIагIо", "палочка набрана как латинская I"),
}
# file → (front matter change, words the report must have)
FRONT_MATTER = {
    "docs/ce/policy.md": (
        ("translation_review: needed", "translation_review: maybe"),
        "«needed», «reviewed»",
    ),
    "docs/ce/glossary.md": (
        ("translation_review: needed", "draft: false"),
        "должно быть «translation",
    ),
    "docs/ru/platforms/library.md": (("---\n", "---\ntitel: Библиотека\n"), "«titel»"),
}


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("planted"))
    for name, (fault, _) in APPENDED.items():
        path = project / name
        path.write_text(path.read_text("utf-8").rstrip("\n") + f"\n\n{fault}\n", "utf-8")
    for name, ((old, new), _) in FRONT_MATTER.items():
        path = project / name
        text = path.read_text("utf-8")
        assert old in text, f"{name} no longer has «{old.strip()}»: plant another fault"
        path.write_text(text.replace(old, new, 1), "utf-8")
    return project


@pytest.fixture(scope="module")
def report(planted: Path) -> list[str]:
    result = run_check("docs", "data", cwd=planted)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    return result.stdout.splitlines()


@pytest.mark.parametrize("name", [*APPENDED, *FRONT_MATTER])
def test_planted_fault_fails_the_check_naming_the_file(name: str, report: list[str]) -> None:
    words = (APPENDED.get(name) or FRONT_MATTER[name])[1]
    lines = [line for line in report if line.startswith(f"{name}:")]
    assert any(words in line for line in lines), f"{name}: {words!r} not in {lines}"
    assert all(re.match(rf"{re.escape(name)}:\d+: ", line) for line in lines)


def test_only_planted_files_are_reported(report: list[str]) -> None:
    named = {line.split(":")[0] for line in report}
    assert named == set(APPENDED) | set(FRONT_MATTER)


@pytest.mark.parametrize(
    ("link", "words"),
    [
        (
            "[Положение](../nowhere.md)",
            "ссылка «../nowhere.md» ведёт на страницу или файл, которых нет",
        ),
        (
            "[Цели](../policy.md#no-such-section)",
            "ссылка «../policy.md#no-such-section»: на странице нет такого заголовка или id",
        ),
        (
            "[Положение](/policy/)",
            "ссылка от корня сайта «/policy/»: на /ce/ и на сайте проекта GitHub Pages она "
            "ведёт мимо; ссылайтесь относительно, на файл .md, например ../policy.md",
        ),
    ],
)
def test_broken_link_fails_the_build_naming_the_file(link: str, words: str, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "ce" / "platforms" / "sferum.md"
    lines = page.read_text("utf-8").splitlines()
    page.write_text("\n".join([*lines, "", link, ""]), "utf-8")
    with pytest.raises(BuildError) as failure:
        build(tmp_path / "site", project=project)
    message = str(failure.value)
    assert f"docs/ce/platforms/sferum.md:{len(lines) + 2}: " in message, message
    assert words in message


def test_a_wrong_placeholder_in_the_words_is_told_at_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    words = project / "data" / "words.yml"
    text = words.read_text("utf-8")
    line = '    ce: "Дакъалацарх хаам бан тӀаьххьара де: {term}"\n'
    assert line in text, "plant the fault in another text that takes a value"
    number = text[: text.index(line)].count("\n") + 1
    words.write_text(text.replace(line, line.replace("{term}", "{chiyrik}")), "utf-8")
    result = run_check("--project", str(project), cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problem = f"data/words.yml:{number}: events.deadline_title: неверная подстановка"
    assert any(out.startswith(problem) for out in result.stdout.splitlines()), result.stdout
