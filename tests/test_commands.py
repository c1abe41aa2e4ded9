"""Every command of scripts/ explains itself: each option and subcommand has
help text (as sqlite-utils' tests/test_docs.py checks its CLI), and the
preview stops cleanly."""

from __future__ import annotations

import argparse
import importlib
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

from common.site_config import ROOT
from sitebuild.preview import CACHE
from sitebuild.project_copy import copy_project
from support.commands import run_program

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


def test_the_preview_serves_follows_an_edit_and_cleans_up_on_sigterm(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    port = free_port()
    started = time.time() - 1
    serve = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "serve.py"), "--project", str(project),
         "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert serve.stdout is not None
        line = serve.stdout.readline()
        while line and not line.startswith("Preview at"):
            line = serve.stdout.readline()
        assert line.startswith("Preview at"), serve.stderr.read() if serve.stderr else ""
        folder = Path(line.rsplit("built in ", 1)[1].strip())
        url = f"http://127.0.0.1:{port}/policy/"
        assert wait_for(lambda: "1. Общие положения" in fetch(url))
        page = project / "docs" / "ru" / "policy.md"
        page.write_text(page.read_text("utf-8") + "\nПравка для предпросмотра.\n", "utf-8")
        assert wait_for(lambda: "Правка для предпросмотра." in fetch(url))
        assert folder.is_dir()
    finally:
        serve.send_signal(signal.SIGTERM)
        out, err = serve.communicate(timeout=60)
    assert serve.returncode == 0, err
    assert "Traceback" not in out + err
    assert not folder.exists(), "the preview's folder is left behind"
    # The compiled templates it runs are its owner's alone, in the checkout's
    # git-ignored .cache/, and never in a shared folder of fixed name.
    assert CACHE.is_relative_to(ROOT) and CACHE.stat().st_mode & 0o777 == 0o700
    ignored = subprocess.run(["git", "check-ignore", "-q", str(CACHE)], cwd=ROOT, check=False)
    assert ignored.returncode == 0, f"{CACHE} is not ignored by git"
    assert any(CACHE.glob("__jinja2_*")), "the preview kept no compiled template there"
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
