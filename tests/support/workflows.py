"""The GitHub workflows' own scripts, run as a runner runs them.

`Hub` is a small GitHub: a bare repository as `origin` holding a copy of
the project, and the fake `gh` (tests/support/fake_gh.py) with what GitHub
would know (pull requests, issues, permissions). `Hub.run_job` checks out
a fresh clone as actions/checkout does (full history), and runs the job's
steps from .github/workflows/*.yml: each `run:` script with
`bash -eo pipefail`, its `env:` with `${{ }}` expanded from the context
the test gives (the event, secrets, needs), and a step that uses one of the
project's actions (`$/.github/actions/…`) as a composite runs. The other
actions (checkout, setup-python) are what the clone already is; the step
that installs Python packages is the project's .venv, linked in.

Only the network stands in: every other command is the real one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from common.site_config import ROOT
from sitebuild.project_copy import copy_project
from support.git import GIT_ENV, commit_all, git

GITHUB = ROOT / ".github"
REPOSITORY = "belgatoy-school/network"
_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
_EQUALS = re.compile(r"([\w.-]+) == '([^']*)'")
INSTALL = "make .venv/.runtime"  # what .venv, linked into the clone, already is


def load(path: Path) -> dict[str, Any]:
    # BaseLoader keeps `on:` a key rather than the boolean True.
    data: dict[str, Any] = yaml.load(path.read_text("utf-8"), Loader=yaml.BaseLoader)
    return data


@dataclass
class Step:
    name: str
    returncode: int
    stdout: str
    stderr: str


@dataclass
class Job:
    """What a job did: its result as `needs.<job>.result` says it, its
    outputs, each step's output, and the run's summary."""

    result: str
    outputs: dict[str, str]
    steps: list[Step] = field(default_factory=list)
    summary: str = ""

    def said(self) -> str:
        return "\n".join(f"{step.name}: {step.stdout}{step.stderr}" for step in self.steps)


class Hub:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.origin = root / "origin.git"
        self.fake = root / "gh"
        self.runs = 0
        seed = copy_project(root / "seed")
        shutil.copytree(
            ROOT / "scripts", seed / "scripts", ignore=shutil.ignore_patterns("__pycache__")
        )
        shutil.copytree(GITHUB, seed / ".github", dirs_exist_ok=True)
        for name in (".gitignore", "Makefile"):
            shutil.copy2(ROOT / name, seed / name)
        git(seed, "init", "--quiet", "--initial-branch=main")
        commit_all(seed, "The project")
        subprocess.run(
            ["git", "init", "--quiet", "--bare", "--initial-branch=main", str(self.origin)],
            check=True,
            capture_output=True,
        )
        git(seed, "push", "--quiet", str(self.origin), "main")
        (self.fake / "bin").mkdir(parents=True)
        gh = self.fake / "bin" / "gh"
        fake = ROOT / "tests" / "support" / "fake_gh.py"
        gh.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{fake}" "$@"\n')
        gh.chmod(0o755)
        self.write_state({"pulls": [], "issues": {}, "permissions": {}})

    # --- What GitHub knows ------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.fake / "state.json").read_text("utf-8"))
        return data

    def write_state(self, state: dict[str, Any]) -> None:
        (self.fake / "state.json").write_text(json.dumps(state, ensure_ascii=False), "utf-8")

    def issue(self, number: int, *labels: str, state: str = "OPEN") -> None:
        data = self.state()
        data["issues"][str(number)] = {"labels": list(labels), "state": state}
        self.write_state(data)

    def calls(self) -> list[dict[str, Any]]:
        path = self.fake / "calls.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text("utf-8").splitlines()]

    def calls_of(self, *words: str) -> list[dict[str, Any]]:
        return [call for call in self.calls() if call["args"][: len(words)] == list(words)]

    def git(self, *args: str) -> str:
        """git in the origin repository: what GitHub holds."""
        return subprocess.run(
            ["git", "-C", str(self.origin), *args],
            capture_output=True,
            text=True,
            check=True,
            env=GIT_ENV,
        ).stdout

    def clone(self) -> Path:
        """A fresh checkout of main, as actions/checkout makes with fetch-depth: 0."""
        self.runs += 1
        work = self.root / f"run-{self.runs}"
        subprocess.run(
            ["git", "clone", "--quiet", str(self.origin), str(work / "project")],
            check=True,
            capture_output=True,
        )
        (work / "project" / ".venv").symlink_to(ROOT / ".venv")
        with open(work / "project" / ".git" / "info" / "exclude", "a") as exclude:
            exclude.write(".venv\n")
        (work / "temp").mkdir()
        return work

    # --- Running a job -----------------------------------------------------------------

    def run_job(
        self,
        workflow: str,
        job: str,
        event: dict[str, Any],
        secrets: dict[str, str] | None = None,
        needs: dict[str, Any] | None = None,
    ) -> Job:
        """Run `job` of `workflow` for `event` (an `issues` event's payload,
        or {} for a schedule) on a fresh checkout of main."""
        work = self.clone()
        project, temp = work / "project", work / "temp"
        event_path = work / "event.json"
        event_path.write_text(json.dumps(event, ensure_ascii=False), "utf-8")
        summary = temp / "summary.md"
        summary.touch()
        env = {
            **GIT_ENV,
            "PATH": f"{self.fake / 'bin'}{os.pathsep}{os.environ['PATH']}",
            "HOME": str(work),
            "GH_FAKE": str(self.fake),
            "GITHUB_ACTIONS": "true",
            "GITHUB_REPOSITORY": REPOSITORY,
            "GITHUB_REF_NAME": "main",
            "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_RUN_ID": str(1000 + self.runs),
            "GITHUB_EVENT_PATH": str(event_path),
            "GITHUB_STEP_SUMMARY": str(summary),
            "RUNNER_TEMP": str(temp),
        }
        context = {
            "github": {"event": event, "token": "fake-token"},
            "secrets": secrets or {},
            "runner": {"temp": str(temp)},
            "needs": needs or {},
            "steps": {},
        }
        definition = load(GITHUB / "workflows" / workflow)["jobs"][job]
        done = Job("success", {})
        for step in definition["steps"]:
            if not _when(step.get("if", "success()"), context, done.result):
                continue
            uses = step.get("uses", "")
            if uses.startswith("$/"):
                outputs = self._composite(uses[2:], step, context, env, project, done)
            elif "run" in step and step["run"].strip() != INSTALL:
                outputs = self._run(step, step["run"], context, env, project, done)
            else:
                continue
            if "id" in step:
                context["steps"][step["id"]] = {"outputs": outputs}
        done.outputs = {
            name: _expand(value, context) for name, value in definition.get("outputs", {}).items()
        }
        done.summary = summary.read_text("utf-8")
        return done

    def _run(
        self,
        step: dict[str, Any],
        script: str,
        context: dict[str, Any],
        env: dict[str, str],
        project: Path,
        done: Job,
    ) -> dict[str, str]:
        output = Path(env["RUNNER_TEMP"]) / f"output-{len(done.steps)}"
        output.write_text("")
        step_env = {name: _expand(value, context) for name, value in step.get("env", {}).items()}
        result = subprocess.run(
            ["bash", "-eo", "pipefail", "-c", script],
            cwd=project,
            env={**env, **step_env, "GITHUB_OUTPUT": str(output)},
            capture_output=True,
            text=True,
            timeout=300,
        )
        name = step.get("name") or step.get("id") or script.split("\n", 1)[0]
        done.steps.append(Step(name, result.returncode, result.stdout, result.stderr))
        if result.returncode:
            done.result = "failure"
        return dict(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)

    def _composite(
        self,
        action: str,
        step: dict[str, Any],
        context: dict[str, Any],
        env: dict[str, str],
        project: Path,
        done: Job,
    ) -> dict[str, str]:
        definition = load(ROOT / action / "action.yml")
        given = step.get("with", {})
        inputs = {
            name: _expand(given.get(name, spec.get("default", "")), context)
            for name, spec in definition.get("inputs", {}).items()
        }
        inner = {**context, "inputs": inputs, "steps": {}}
        for inner_step in definition["runs"]["steps"]:
            if done.result != "success":
                break
            outputs = self._run(inner_step, inner_step["run"], inner, env, project, done)
            if "id" in inner_step:
                inner["steps"][inner_step["id"]] = {"outputs": outputs}
        return {
            name: _expand(spec["value"], inner)
            for name, spec in definition.get("outputs", {}).items()
        }


def _expand(text: str, context: dict[str, Any]) -> str:
    """`text` with each `${{ a.b.c }}` replaced by that value of `context`
    ("" where there is none, as GitHub does)."""

    def value(found: re.Match[str]) -> str:
        here: Any = context
        for part in found[1].split("."):
            here = here.get(part, "") if isinstance(here, dict) else ""
        return str(here)

    return _EXPRESSION.sub(value, text)


def _when(condition: str, context: dict[str, Any], result: str) -> bool:
    """A step's `if:`, of the forms the workflows use: success(), always(),
    and a value of the context compared with a string."""
    condition = condition.strip()
    if condition == "always()":
        return True
    if condition == "success()":
        return result == "success"
    if found := _EQUALS.fullmatch(condition):
        return result == "success" and _expand(f"${{{{ {found[1]} }}}}", context) == found[2]
    raise AssertionError(f"a step's condition the tests cannot evaluate: {condition}")
