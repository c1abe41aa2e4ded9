"""The one pull request that proposes new rows for the activity log.

Every accepted report issue and every pull of the published spreadsheet go
to one branch, BRANCH, and its one open pull request: the coordinator
reviews one list, and the jobs that write it run one at a time (the
workflows' concurrency group `activity-log`; the push is refused besides if
the branch moved meanwhile). The branch is the base (main) and one commit
per source, marked by a trailer of its message:

    Activity-Source: issue-12      the row of report issue #12
    Activity-Source: sheet         the rows of the published spreadsheet

`rebuild` makes the branch afresh on the commit checked out, which is the
current main: first the rows each carried source added (read from its
commit: its log less its parent's), then the rows this run stored in the
working tree (`from-issue --pull`, or `pull` of the spreadsheet), each
source one commit. Rows are carried, not patches, so a source never
conflicts with main, and a source whose rows main holds already makes no
commit. A source not carried drops out: an issue edited after it was
accepted or no longer labelled «принято» (the workflow asks GitHub which),
the source this run stores anew, and an older pull of the spreadsheet,
which holds all its rows every time.

Commits the coordinator adds by hand are not carried: a row is corrected at
its source (the issue, the spreadsheet), and the pull request says so.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from . import log as activity_log
from . import store
from .model import Activity, Problem, Problems
from .registries import Registries

BRANCH = "activity/intake"
TRAILER = "Activity-Source"
SHEET = "sheet"
SOURCE = re.compile(r"issue-[1-9][0-9]{0,8}|sheet")
_TRAILER_LINE = re.compile(rf"^{TRAILER}: (\S+)[ \t]*$", re.MULTILINE)
TIMEOUT = 120  # seconds one git command may take


@dataclass(frozen=True)
class Commit:
    """A commit of the branch that carries a source's rows."""

    sha: str
    source: str
    message: str


def message(source: str) -> str:
    """The message of the commit that adds the rows of `source`."""
    if source == SHEET:
        title = "Журнал участия: строки онлайн-таблицы"
    else:
        title = f"Журнал участия: заявка #{source.removeprefix('issue-')}"
    return f"{title}\n\n{TRAILER}: {source}\n"


def sources(repo: Path, base: str, branch: str) -> list[Commit]:
    """The commits of `branch` since `base` that carry a source, oldest first."""
    shas = _git(repo, "rev-list", "--reverse", "--topo-order", f"{base}..{branch}").split()
    found = []
    for sha in shas:
        text = _git(repo, "show", "--no-patch", "--format=%B", sha)
        trailers = [name for name in _TRAILER_LINE.findall(text) if SOURCE.fullmatch(name)]
        if len(trailers) == 1:
            found.append(Commit(sha, trailers[0], text))
    return found


def rebuild(
    repo: Path,
    data: Path,
    registries: Registries,
    branch: str | None,
    carried: Collection[str],
    source: str | None,
) -> list[str]:
    """Commit onto HEAD the rows of each source of `branch` that is in
    `carried`, then the rows the working tree's log holds beyond HEAD's as
    `source`'s; return the sources committed, in order. The log is
    data/activity-log.csv of the folder `data`, inside the repository `repo`."""
    path = (data / activity_log.LOG).resolve().relative_to(_top(repo)).as_posix()
    main = _log_at(repo, "HEAD", path, registries)
    held = set() if main.example else {item.key() for item in main.activities}
    now = activity_log.read(data, registries)
    added = [] if now.example else [item for item in now.activities if item.key() not in held]
    _git(repo, "checkout", "--quiet", "HEAD", "--", path)  # main's log again
    made = []
    for commit in sources(repo, "HEAD", branch) if branch else []:
        if commit.source not in carried or commit.source == source:
            continue
        after = _log_at(repo, commit.sha, path, registries)
        before = _log_at(repo, f"{commit.sha}^", path, registries)
        known = set() if before.example else {item.key() for item in before.activities}
        rows = [item for item in after.activities if item.key() not in known]
        if _commit(repo, data, path, rows, after.key, commit.message, held, registries):
            made.append(commit.source)
    if source and _commit(repo, data, path, added, now.key, message(source), held, registries):
        made.append(source)
    return made


def _commit(
    repo: Path,
    data: Path,
    path: str,
    rows: list[Activity],
    key: str | None,
    text: str,
    held: set[tuple[object, ...]],
    registries: Registries,
) -> bool:
    """Add `rows` to the log and commit them with the message `text`; none
    when main holds every row already. The commit may be empty: its rows came
    with another source too, and the source is still proposed."""
    if all(row.key() in held for row in rows):
        return False
    store.carry(data, rows, key, registries)
    _git(repo, "add", "--", path)
    _git(repo, "commit", "--quiet", "--allow-empty", "--file=-", stdin=text)
    return True


def _log_at(repo: Path, revision: str, path: str, registries: Registries) -> activity_log.Log:
    """The log as `revision` has it; an empty one where it has none."""
    listed = _git(repo, "ls-tree", "--name-only", revision, "--", path).strip()
    if not listed:
        return activity_log.Log([], example=False)
    content = subprocess.run(
        ["git", "-C", str(repo), "show", f"{revision}:{path}"],
        capture_output=True,
        check=False,
        timeout=TIMEOUT,
    )
    if content.returncode:
        raise _failed(repo, ["show", f"{revision}:{path}"], content.stderr.decode(errors="replace"))
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / activity_log.LOG).write_bytes(content.stdout)
        return activity_log.read(Path(folder), registries, label=f"{revision}:{path}")


def _top(repo: Path) -> Path:
    return Path(_git(repo, "rev-parse", "--show-toplevel").strip()).resolve()


def _git(repo: Path, *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        input=stdin,
        check=False,
        timeout=TIMEOUT,
    )
    if result.returncode:
        raise _failed(repo, list(args), result.stderr)
    return result.stdout


def _failed(repo: Path, args: list[str], said: str) -> Problems:
    told = " ".join(said.split()) or "без объяснений"
    return Problems([Problem(str(repo), 0, f"git {' '.join(args[:2])} не удался: {told}")])
