"""Acceptance: data and docs files as a careless editor or an attacker leaves
them, and the three commands that read them: `make check`, `make site` and
translations.py.

Every data file (and a page in each language) is damaged three ways: saved
in Windows-1251 (as a Windows editor does), cut off in the middle of a
letter, and with random bytes written over it. Each command is run in this
process on a copy of the project: none may raise (a traceback), each says
in `FILE:LINE:` lines what is wrong with the file and exits with 1. Then
YAML's billion laughs: a few lines of anchors and aliases that stand for
billions of values are refused by line at once, in data files and in a
page's front matter, and a data file's size is bounded.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import build_site
import check_content
import translations
from common import site_config, textfile, yamldata
from common.problem import Problems
from common.site_config import ROOT
from sitebuild.project_copy import copy_project
from support.commands import Ran, run_main
from translation.blocks import front_matter_span

DATA = sorted(path.name for path in (ROOT / "data").iterdir() if path.is_file())
PAGES = ["docs/ru/policy.md", "docs/ce/policy.md"]
FILES = [f"data/{name}" for name in DATA] + PAGES
DAMAGES = ("cp1251", "cut", "random")
# The Cyrillic text a damaged file of plain ASCII is given, so that every
# damage is one: «сохранено в Windows-1251» as a YAML comment.
NOTE = "# сохранено в Windows-1251\n"


def damaged(raw: bytes, damage: str, seed: str) -> bytes:
    """`raw` damaged as `damage` says; never UTF-8 any more."""
    if damage == "cp1251":
        text = raw.decode("utf-8")
        if text.isascii():
            text = NOTE + text
        return text.encode("cp1251", "replace")
    if damage == "cut":
        # Right after the first byte of the letter nearest the middle.
        leads = [i for i, byte in enumerate(raw) if byte >= 0xC0] or [len(raw)]
        if leads == [len(raw)]:
            return raw[: len(raw) // 2] + "ё".encode()[:1]
        middle = min(leads, key=lambda i: abs(i - len(raw) // 2))
        return raw[: middle + 1]
    rng = random.Random(seed)
    start = rng.randrange(max(1, len(raw) - 64))
    noise = bytearray(rng.randbytes(64))
    noise[rng.randrange(64)] = 0xFF  # never a byte of UTF-8
    return raw[:start] + bytes(noise) + raw[start + 64 :]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("hostile-data"))


@pytest.fixture
def damage_file(project: Path, request: pytest.FixtureRequest) -> Iterator[tuple[str, str]]:
    """(file, damage): the file of the copy damaged for one test, then restored."""
    file, damage = request.param
    path = project / file
    raw = path.read_bytes()
    path.write_bytes(damaged(raw, damage, seed=f"{file}:{damage}"))
    try:
        yield file, damage
    finally:
        path.write_bytes(raw)


def commands(project: Path, file: str) -> Iterator[tuple[str, Ran]]:
    """(name, outcome) of each command that reads `file` as text and must
    refuse it. translations.py reads the YAML of data/ and the pages, never
    the activity log. The log is a spreadsheet's CSV: its reader
    (activity/sources.py) takes bytes that are not UTF-8 as Windows-1251, as
    Excel saves a CSV, and checks the rows that come out; `make check` reads
    it as text too, and asks for UTF-8."""
    yield "check", run_main(check_content.main, "--project", project, cwd=project)
    if file.endswith(".csv"):
        return
    site = project.parent / f"{project.name}-site"
    yield "build", run_main(build_site.main, "--project", project, "--site-dir", site, cwd=project)
    yield "translations", run_main(translations.main, "--project", project, cwd=project)


@pytest.mark.parametrize(
    "damage_file",
    [pytest.param((file, damage), id=f"{file}-{damage}") for file in FILES for damage in DAMAGES],
    indirect=True,
)
def test_a_damaged_file_is_told_by_line_never_as_a_traceback(
    project: Path, damage_file: tuple[str, str]
) -> None:
    file, _ = damage_file
    named = re.compile(rf"^{re.escape(file)}:\d+: \S")
    for name, ran in commands(project, file):  # run_main fails on a traceback
        lines = (ran.stdout + ran.stderr).splitlines()
        assert ran.returncode == 1, f"{name}: {lines}"
        assert any(named.match(line) for line in lines), f"{name}: {lines}"
        if not file.endswith(".csv"):  # the log's problems quote its damaged cells
            told = [line for line in lines if line != "Сайт не собран:"]
            assert all(re.match(r"^\S+:\d+: \S", line) for line in told), f"{name}: {lines}"


def test_windows_1251_is_named_at_the_line_of_its_first_letter() -> None:
    text = "date: 2026-11-25\ntitle: Сайт открыт\n"
    with pytest.raises(Problems) as refused:
        textfile.decode(text.encode("cp1251"), "docs/ru/news/x.md")
    assert str(refused.value) == f"docs/ru/news/x.md:2: {textfile.NOT_UTF8}"


# ------------------------------------------------------------ billion laughs

LAUGHS = "".join(
    f"lol{n}: &lol{n} [{', '.join([f'*lol{n - 1}'] * 9) if n else ', '.join(['lol'] * 9)}]\n"
    for n in range(10)
)


def run_bounded(script: str, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """scripts/`script` as its own program, stopped (and the test failed)
    after a minute: a YAML bomb would otherwise run for hours."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )


def test_billion_laughs_in_a_data_file_is_refused_at_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    tags = project / "data" / "news-tags.yml"
    lines = len(tags.read_text("utf-8").splitlines())
    bomb = "# added\n- laughs:\n" + "".join(f"    {line}\n" for line in LAUGHS.splitlines())
    tags.write_text(tags.read_text("utf-8") + bomb, "utf-8")
    assert len(bomb.encode()) < 1500
    expected = f"data/news-tags.yml:{lines + 3}: ошибка в записи YAML: {yamldata.ALIAS_RU}"
    check = run_bounded("check_content.py", "--project", project, cwd=project)
    assert check.returncode == 1 and expected in check.stdout.splitlines(), check.stdout
    build = run_bounded(
        "build_site.py", "--project", project, "--site-dir", tmp_path / "s", cwd=project
    )
    assert build.returncode == 1 and expected in build.stderr.splitlines(), build.stderr
    assert "Traceback" not in check.stderr + build.stderr


@pytest.mark.parametrize("lang", site_config.LANGS)
def test_billion_laughs_in_front_matter_is_refused_by_check_build_and_translations(
    tmp_path: Path, lang: str
) -> None:
    alias = f"ошибка в записи YAML: {yamldata.ALIAS_RU}"
    project = copy_project(tmp_path / "project")
    page = project / "docs" / lang / "policy.md"
    page.write_text(f"---\n{LAUGHS}title: *lol9\n---\n\n" + page.read_text("utf-8"), "utf-8")
    check = run_bounded("check_content.py", f"docs/{lang}/policy.md", cwd=project)
    assert check.returncode == 1
    told = f"docs/{lang}/policy.md:2: шапка страницы (front matter): {alias}"
    assert told in check.stdout.splitlines(), check.stdout
    build = run_bounded(
        "build_site.py", "--project", project, "--site-dir", tmp_path / "s", cwd=project
    )
    assert build.returncode == 1
    told = f"docs/{lang}/policy.md:2: {alias}"
    assert told in build.stderr.splitlines(), build.stderr
    status = run_bounded("translations.py", "--project", project, cwd=project)
    assert status.returncode == 1
    assert told in status.stdout.splitlines(), status.stdout + status.stderr


def test_a_data_file_larger_than_its_bound_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    tags = project / "data" / "news-tags.yml"
    tags.write_text(tags.read_text("utf-8") + "#" * yamldata.MAX_BYTES, "utf-8")
    ran = run_main(build_site.main, "--project", project, "--site-dir", tmp_path / "s")
    assert ran.returncode == 1
    assert "data/news-tags.yml:1: файл больше 1 МБ: сократите его" in ran.stderr.splitlines()


def test_anchors_stay_allowed_in_mkdocs_yml() -> None:
    """mkdocs.yml names the school once and repeats it by alias: the trusted
    configuration keeps its anchors (common/site_config.py says why), which
    a data file may not use."""
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert "&school-ru-short" in config and "*school-ru-short" in config
    assert site_config.load.__wrapped__(ROOT).site_url.startswith("https://")
    with pytest.raises(Problems, match=re.escape(yamldata.ALIAS_RU)):
        yamldata.parse(config, "mkdocs.yml")


@pytest.mark.parametrize("name", [name for name in DATA if name.endswith(".yml")])
def test_libyaml_reads_each_data_file_as_pyyaml_does(name: str) -> None:
    """The fast reader (libyaml, where PyYAML has it) gives the data, lines
    and styles the Python one does, so every problem names the same line."""
    text = (ROOT / "data" / name).read_text("utf-8")
    for dates_as_text in (False, True):
        fast = yamldata.parse(text, name, dates_as_text=dates_as_text)
        slow = yamldata.parse(
            text, name, loader=yamldata._TextDatesLoader if dates_as_text else yamldata.DataLoader
        )
        assert fast.data == slow.data
        assert list(_nodes(fast.root)) == list(_nodes(slow.root))


@pytest.mark.parametrize(
    "name",
    ["mkdocs.yml", *(f"data/{name}" for name in DATA if name.endswith(".yml"))],
)
def test_libyaml_composes_each_file_as_pyyaml_does(name: str) -> None:
    """The text edits of the review import and the lines of the checks read
    the node tree's marks: libyaml's are PyYAML's, character for character
    (mkdocs.yml's anchors too), and so is every page's front matter."""
    import yaml

    texts = [(ROOT / name).read_text("utf-8")]
    if name == "mkdocs.yml":
        for page in sorted((ROOT / "docs").rglob("*.md")):
            text = page.read_text("utf-8")
            if span := front_matter_span(text):
                texts.append(text[span[0] : span[1]])
    for text in texts:
        fast = yamldata.compose(text)
        slow = yaml.compose(text, Loader=yaml.SafeLoader)
        assert list(_nodes(fast)) == list(_nodes(slow))


def test_what_libyaml_refuses_is_told_as_pyyaml_tells_it() -> None:
    import yaml

    text = "key: [unclosed\nother: «текст»\n"
    with pytest.raises(yaml.YAMLError) as slow:
        yaml.compose(text, Loader=yaml.SafeLoader)
    with pytest.raises(yaml.YAMLError) as fast:
        yamldata.compose(text)
    assert str(fast.value) == str(slow.value)


def _nodes(node: object) -> Iterator[tuple[object, ...]]:
    """Each node's kind, place (line, column, first and last character),
    style and value, in order."""
    import yaml

    if isinstance(node, yaml.Node):
        start, end = node.start_mark, node.end_mark
        scalar = isinstance(node, yaml.ScalarNode)
        style = node.style if scalar else getattr(node, "flow_style", None)
        value = node.value if scalar else None
        yield type(node).__name__, start.line, start.column, start.index, end.index, style, value
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                yield from _nodes(item)
        elif isinstance(node, yaml.MappingNode):
            for key, item in node.value:
                yield from _nodes(key)
                yield from _nodes(item)
