"""What git knows about the project's files: the last commit of each, and when.

One `git log` reads the history of docs/, data/ and mkdocs.yml. Files changed
and not committed yet (untracked ones too, but not ignored ones) count as
changed now. Without a full history (no git, not a clone, a tarball, or a
shallow clone as CI makes by default) nothing is known: `known` is False
and every answer is None, never a guess and never a failure.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

WATCHED = ("docs", "data", "mkdocs.yml")
# A git that hangs (a lock, a network filesystem) must not hang the build.
TIMEOUT = 60


class History:
    """The last commit of every file under WATCHED, and the files changed since."""

    def __init__(self, project: Path, timezone: str = "UTC") -> None:
        self.project = project
        self.zone = ZoneInfo(timezone)
        self.latest: dict[str, str] = {}  # path (relative to the project) -> commit
        self.when: dict[str, int] = {}  # commit -> its time, in seconds since 1970
        self.changed_now: set[str] = set()
        self.known = self._read()

    def git(self, *args: str) -> subprocess.CompletedProcess[str] | None:
        try:
            return subprocess.run(
                ["git", "-C", str(self.project), *args],
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
            )
        except (OSError, subprocess.TimeoutExpired):  # no git on this machine, or stuck
            return None

    def _lines(self, *args: str) -> list[str] | None:
        result = self.git(*args)
        return result.stdout.splitlines() if result and result.returncode == 0 else None

    def _read(self) -> bool:
        if self._lines("rev-parse", "--is-shallow-repository") != ["false"]:
            return False
        paths = [name for name in WATCHED if (self.project / name).exists()]
        log = self._lines(
            "log", "--topo-order", "--format=commit %H %ct", "--name-only", "--relative",
            "--", *paths,
        )  # fmt: skip
        changed = self._lines(
            "ls-files", "--modified", "--others", "--exclude-standard", "--", *paths
        )
        staged = self._lines("diff", "--cached", "--name-only", "--relative", "--", *paths)
        if log is None or changed is None or staged is None:
            return False
        commit = ""
        for line in log:
            if line.startswith("commit "):
                commit, seconds = line.removeprefix("commit ").split()
                self.when[commit] = int(seconds)
            elif line:
                self.latest.setdefault(line, commit)
        self.changed_now = set(changed) | set(staged)
        return True

    def last_changed(self, path: str) -> date | None:
        """The day `path` last changed, in the site's time zone; None if unknown."""
        if not self.known:
            return None
        if path in self.changed_now:
            return datetime.now(self.zone).date()
        commit = self.latest.get(path)
        if commit is None:
            return None
        return datetime.fromtimestamp(self.when[commit], UTC).astimezone(self.zone).date()

    def is_newer(self, source: str, target: str) -> bool | None:
        """Whether `source` changed after `target` last did; None if unknown."""
        if target in self.changed_now:
            return False
        if source in self.changed_now:
            return True
        source_commit, target_commit = self.latest.get(source), self.latest.get(target)
        if not source_commit or not target_commit:
            return None
        if source_commit == target_commit:
            return False
        key = (source_commit, target_commit)
        if key not in _ANCESTORS:
            result = self.git("merge-base", "--is-ancestor", source_commit, target_commit)
            if result is None or result.returncode not in (0, 1):
                return None
            _ANCESTORS[key] = result.returncode == 0
        return not _ANCESTORS[key]


# Whether one commit is an ancestor of another, as git answered: a commit's
# id names its whole history, so the answer never changes. Pages changed in
# the same commits, and every build of the same history, ask it once.
_ANCESTORS: dict[tuple[str, str], bool] = {}
