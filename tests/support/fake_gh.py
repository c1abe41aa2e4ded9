"""A stand-in for GitHub's command line `gh`: the one part of the workflows'
scripts the tests cannot run for real, since it talks to GitHub.

It keeps what GitHub would know in `$GH_FAKE/state.json` (pull requests,
issues with their labels and state, collaborators' permissions), answers
the few commands the workflows use as gh answers them (`--json` and `--jq`
through the real jq), and appends every call to `$GH_FAKE/calls.jsonl`:
its arguments, and the text of a `--body-file` as it was then. A command it
does not know fails, so a new call in a workflow is noticed.

Run as a program: tests/support/workflows.py puts a `gh` on PATH that runs it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

REPOSITORY = "belgatoy-school/network"


def main(argv: list[str]) -> int:
    folder = Path(os.environ["GH_FAKE"])
    state = json.loads((folder / "state.json").read_text("utf-8"))
    options = _options(argv)
    call: dict[str, Any] = {"args": argv}
    if "--body-file" in options:
        call["body"] = Path(options["--body-file"]).read_text("utf-8")
    with open(folder / "calls.jsonl", "a", encoding="utf-8") as calls:
        calls.write(json.dumps(call, ensure_ascii=False) + "\n")
    words = [arg for arg in argv if not arg.startswith("-")][:2]
    answer = _answer(words, argv, options, state)
    (folder / "state.json").write_text(json.dumps(state, ensure_ascii=False), "utf-8")
    if answer is None:
        print(f"fake gh: unknown command {argv}", file=sys.stderr)
        return 1
    if "--jq" in options:
        answer = subprocess.run(
            ["jq", "-r", options["--jq"]],
            input=json.dumps(answer),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    elif not isinstance(answer, str):
        answer = json.dumps(answer) + "\n"
    sys.stdout.write(answer)
    return 0


def _options(argv: list[str]) -> dict[str, str]:
    return {arg: argv[i + 1] for i, arg in enumerate(argv[:-1]) if arg.startswith("--")}


def _answer(words: list[str], argv: list[str], options: dict[str, str], state: dict) -> Any:
    pulls: list[dict[str, Any]] = state.setdefault("pulls", [])
    issues: dict[str, dict[str, Any]] = state.setdefault("issues", {})
    number = next((arg for arg in argv[2:] if arg.isdigit()), "")
    match words:
        case ["auth", "setup-git"] | ["workflow", "run"]:
            return ""
        case ["pr", "list"]:
            state_wanted = options.get("--state", "open").upper()
            return [
                {"number": pull["number"]}
                for pull in pulls
                if pull["head"] == options.get("--head")
                and pull["base"] == options.get("--base")
                and pull["state"] == state_wanted
            ]
        case ["pr", "create"]:
            pull = {
                "number": len(pulls) + 1,
                "head": options["--head"],
                "base": options["--base"],
                "title": options["--title"],
                "body": Path(options["--body-file"]).read_text("utf-8"),
                "state": "OPEN",
            }
            pulls.append(pull)
            return f"https://github.com/{REPOSITORY}/pull/{pull['number']}\n"
        case ["pr", "edit"]:
            pull = pulls[int(number) - 1]
            pull["title"] = options.get("--title", pull["title"])
            if "--body-file" in options:
                pull["body"] = Path(options["--body-file"]).read_text("utf-8")
            return ""
        case ["pr", "close"]:
            pulls[int(number) - 1]["state"] = "CLOSED"
            return ""
        case ["issue", "view"]:
            issue = issues[number]
            return {
                "state": issue["state"],
                "labels": [{"name": name} for name in issue["labels"]],
            }
        case ["issue", "edit"]:
            if label := options.get("--remove-label"):
                issues[number]["labels"].remove(label)
            return ""
        case ["issue", "comment"]:
            return f"https://github.com/{REPOSITORY}/issues/{number}#issuecomment-1\n"
        case ["issue", "close"]:
            issues[number]["state"] = "CLOSED"
            return ""
        case ["api", path] if path.endswith("/permission"):
            login = path.split("/")[-2]
            return {"permission": state.get("permissions", {}).get(login, "read")}
    return None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
