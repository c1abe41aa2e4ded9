"""Every command of scripts/ explains itself: each option and subcommand has
help text (as sqlite-utils' tests/test_docs.py checks its CLI), and the
preview stops cleanly."""

from __future__ import annotations

import argparse
import ast
import errno
import importlib
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page

import translations
from common.cli import Failure, command
from common.site_config import ROOT
from common.textfile import NOT_UTF8
from serve import preview_folder, rebuild_seconds
from sitebuild.project_copy import copy_project
from support.commands import run_main, run_program

COMMANDS = sorted(path.stem for path in (ROOT / "scripts").glob("*.py"))


def parsers(
    parser: argparse.ArgumentParser, name: str
) -> list[tuple[str, argparse.ArgumentParser]]:
    """The command's parser and every subcommand's, named."""
    found = [(name, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub, subparser in action.choices.items():
                found += parsers(subparser, f"{name} {sub}")
    return found


def test_every_command_is_known() -> None:
    assert COMMANDS == [
        "bench",
        "build_site",
        "check_content",
        "check_links",
        "news",
        "serve",
        "stats",
        "translations",
    ]


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_and_subcommand_has_help(name: str) -> None:
    module = importlib.import_module(name)
    top = module.parser()
    assert (top.description or "").strip(), f"{name}: no description"
    missing = []
    for label, parser in parsers(top, name):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helps = {choice.dest: choice.help for choice in action._choices_actions}
                missing += [f"{label} {sub}" for sub in action.choices if not helps.get(sub)]
            elif action.help != argparse.SUPPRESS and not (action.help or "").strip():
                missing.append(f"{label} {'/'.join(action.option_strings) or action.dest}")
    assert not missing, f"no help text: {missing}"


@pytest.mark.parametrize("name", COMMANDS)
def test_help_is_printed(name: str) -> None:
    module = importlib.import_module(name)
    with pytest.raises(SystemExit) as exit:
        module.main(["--help"])
    assert exit.value.code == 0


def test_bench_refuses_an_unknown_benchmark() -> None:
    result = run_program("bench.py", "--only", "everything")
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_the_preview_serves_follows_an_edit_and_cleans_up_on_sigterm(
    tmp_path: Path, page: Page
) -> None:
    project = copy_project(tmp_path / "project")
    port = free_port()
    started = time.time() - 1
    cache = tmp_path / "cache"  # the user's cache folder (common/user_cache.py)
    serve = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "serve.py"), "--project", str(project),
         "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ | {"XDG_CACHE_HOME": str(cache)},
    )  # fmt: skip
    try:
        assert serve.stdout is not None
        served = f"http://127.0.0.1:{port}/"
        line = serve.stdout.readline()
        while line and preview_folder(line, served) is None:
            line = serve.stdout.readline()
        folder = preview_folder(line, served)
        assert folder is not None, serve.stderr.read() if serve.stderr else ""
        assert line.startswith(f"Предпросмотр: {served} ")  # told in Russian
        url = served + "policy/"
        assert wait_for(lambda: "1. Общие положения" in fetch(url))
        # The open page reloads by itself (the `page` fixture also fails the
        # test if its Content-Security-Policy refuses the live-reload script).
        page.goto(url)
        page.wait_for_load_state("load")
        source = project / "docs" / "ru" / "policy.md"
        source.write_text(source.read_text("utf-8") + "\nПравка для предпросмотра.\n", "utf-8")
        page.get_by_text("Правка для предпросмотра.").wait_for(timeout=60_000)
        assert folder.is_dir()
    finally:
        serve.send_signal(signal.SIGTERM)
        out, err = serve.communicate(timeout=60)
    assert serve.returncode == 0, err
    assert "Traceback" not in out + err
    assert any(rebuild_seconds(line) for line in out.splitlines()), out  # the edit's rebuild
    assert not folder.exists(), "the preview's folder is left behind"
    # The compiled templates it runs are its user's alone, in the user's cache
    # folder, and never in a shared folder of fixed name under /tmp.
    kept = [path.parent for path in cache.rglob("__jinja2_*")]
    assert kept, "the preview kept no compiled template in the user's cache"
    assert all(folder.stat().st_mode & 0o777 == 0o700 for folder in kept)
    shared = Path(tempfile.gettempdir()) / "site-preview-templates"
    assert not any(old.stat().st_mtime >= started for old in shared.glob("*"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    """The page at `url`; "" while the server is not listening yet."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8"))
    except urllib.error.URLError:
        return ""


def wait_for(condition, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


TOLD = {"Problems", "OSError", "Failure", "UnicodeDecodeError"}


def _names(node: ast.expr | None) -> set[str]:
    """The exception names an `except` clause catches."""
    if node is None:
        return set()
    items = node.elts if isinstance(node, ast.Tuple) else [node]
    return {item.id if isinstance(item, ast.Name) else ast.unparse(item) for item in items}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_command_leaves_telling_errors_to_its_one_conversion_point(name: str) -> None:
    """Library code raises Problems (or an OSError); @command (common/cli.py)
    alone prints it and returns 1. A command may collect problems to go on
    (check_content.py reads every file), but never prints them itself."""
    tree = ast.parse((ROOT / "scripts" / f"{name}.py").read_text("utf-8"))
    for handler in ast.walk(tree):
        if not isinstance(handler, ast.ExceptHandler):
            continue
        body = ast.Module(body=handler.body, type_ignores=[])
        called = {
            getattr(node.func, "id", "") for node in ast.walk(body) if isinstance(node, ast.Call)
        }
        if "TOLD" in _names(handler.type):  # goes on after an error: tells it as @command does
            assert "tell" in called and "print" not in called, f"{name}.py:{handler.lineno}"
        elif _names(handler.type) & TOLD:
            returns = any(isinstance(node, ast.Return) for node in ast.walk(body))
            told = "print" in called or returns
            assert not told, f"{name}.py:{handler.lineno}: tells the error itself"


def test_renderers_raise_problems_not_an_error_of_their_own() -> None:
    for path in sorted((ROOT / "scripts" / "render").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Raise) and node.exc is not None:
                raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                assert ast.unparse(raised) != "RenderError", f"{path.name}:{node.lineno}"


PACKAGES = sorted(p.parent for p in (ROOT / "scripts").glob("*/__init__.py"))


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.name)
def test_every_package_maps_its_modules(package: Path) -> None:
    """Each package's docstring names each of its modules, so the next person
    finds their way (the house's layout rule)."""
    doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text("utf-8"))) or ""
    named = set(re.findall(r"^[ \t]*([a-z_]+)[ \t]{2,}\S", doc, re.MULTILINE))
    modules = {p.stem for p in package.glob("*.py") if p.stem != "__init__"}
    assert modules <= named, f"{package.name}/__init__.py does not map {sorted(modules - named)}"


def test_a_unicode_error_no_reader_caught_is_one_line() -> None:
    """The last net: a reader that forgot common/textfile.py still gives a
    person one line and exit status 1, never a traceback."""

    @command
    def main(argv: list[str] | None = None) -> int:
        b"title: \xcf\xf0\xe8\xec\xe5\xf0".decode("utf-8")  # Windows-1251
        return 0

    ran = run_main(main)
    assert ran.returncode == 1
    assert ran.stderr.splitlines() == [f"test_commands.py: {NOT_UTF8} (байт 0xCF)"]


def test_a_file_that_cannot_be_written_is_one_line_in_russian() -> None:
    """The operating system's English (errno) becomes the coordinator's
    Russian, with the file named (common/os_errors.py)."""

    @command
    def main(argv: list[str] | None = None) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", "exports/2025-26.xlsx")

    ran = run_main(main)
    assert ran.returncode == 1
    assert ran.stderr.splitlines() == [
        "exports/2025-26.xlsx: не удаётся прочитать или записать файл: "
        "нет прав на этот файл или папку: выберите другую папку или проверьте права"
    ]


def test_a_workbook_that_cannot_be_written_is_named_by_the_command(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (tmp_path / "not-a-folder").write_text("", "utf-8")
    sheet = tmp_path / "not-a-folder" / "review.xlsx"
    ran = run_main(translations.main, "--project", project, "review", "export", sheet)
    assert ran.returncode == 1
    assert ran.stdout == (
        f"{sheet}:1: не удаётся записать таблицу: часть пути — не папка, а файл: проверьте путь\n"
    )


def test_a_failure_keeps_its_lines_and_escapes_what_is_in_them() -> None:
    @command
    def main(argv: list[str] | None = None) -> int:
        raise Failure("The site was not built:\ndocs/ru/a.md:3: «\x1b[2J»")

    ran = run_main(main)
    assert ran.returncode == 1
    assert ran.stderr.splitlines() == ["The site was not built:", "docs/ru/a.md:3: «\\x1b[2J»"]
