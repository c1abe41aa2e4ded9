"""Real git repositories for the tests that read history: the translation
status, page dates."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}


def git(project: Path, *args: str, when: str | None = None) -> None:
    """Run git in `project`; `when` (ISO 8601) dates a commit."""
    env = GIT_ENV | ({"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when} if when else {})
    subprocess.run(["git", "-C", str(project), *args], check=True, env=env, capture_output=True)


def commit_all(project: Path, message: str, when: str | None = None) -> None:
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", message, when=when)
