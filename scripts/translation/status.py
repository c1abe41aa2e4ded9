"""Which Chechen pages are translated, missing or outdated, by git history.

A Chechen page is
  translated  when it was last changed after its Russian original;
  outdated    when the Russian original changed, by git history, in a commit
              the Chechen file's last change does not include;
  missing     when docs/ce/ has no such file (the site shows the Russian);
  unknown     when there is no git history to tell (no git, not a clone,
              or a shallow clone as CI makes: fetch the full history).
Uncommitted changes count as the newest. To mark a page as up to date
after checking it, change its Chechen file (for example its review flag).
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from common.site_config import ROOT
from common.source_pages import written_pages

SOURCE, TARGET = "ru", "ce"
DOCS = Path("docs")
STATUSES = ("translated", "outdated", "missing", "unknown")
ENV = "SITE_OUTDATED_TRANSLATIONS"


@dataclass(frozen=True)
class PageStatus:
    page: str  # the path under docs/<lang>/, e.g. "platforms/sferum.md"
    titles: dict[str, str]  # the page's title in each language it is written in
    status: str


class History:
    """What git knows about the files under docs/: the last commit of each."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.latest: dict[str, str] = {}
        self.changed_now: set[str] = set()
        self.known = self._read()

    def _git(self, *args: str) -> subprocess.CompletedProcess[str] | None:
        try:
            return subprocess.run(
                ["git", "-C", str(self.project), *args], capture_output=True, text=True
            )
        except OSError:  # no git on this machine
            return None

    def _lines(self, *args: str) -> list[str] | None:
        result = self._git(*args)
        return result.stdout.splitlines() if result and result.returncode == 0 else None

    def _read(self) -> bool:
        shallow = self._lines("rev-parse", "--is-shallow-repository")
        if shallow != ["false"]:
            return False
        docs = str(DOCS)
        log = self._lines(
            "log", "--topo-order", "--format=commit %H", "--name-only", "--relative", "--", docs
        )
        changed = self._lines(
            "ls-files", "--modified", "--others", "--exclude-standard", "--", docs
        )
        staged = self._lines("diff", "--cached", "--name-only", "--relative", "--", docs)
        if log is None or changed is None or staged is None:
            return False
        commit = ""
        for line in log:
            if line.startswith("commit "):
                commit = line.removeprefix("commit ")
            elif line:
                self.latest.setdefault(line, commit)
        self.changed_now = set(changed) | set(staged)
        return True

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
        result = self._git("merge-base", "--is-ancestor", source_commit, target_commit)
        if result is None or result.returncode not in (0, 1):
            return None
        return result.returncode == 1


def statuses(project: Path = ROOT) -> list[PageStatus]:
    """The status of every Russian page's Chechen translation."""
    history = History(project)
    source_root = project / DOCS / SOURCE
    out = []
    for path in written_pages(project, SOURCE):
        page = path.relative_to(source_root).as_posix()
        target = project / DOCS / TARGET / page
        if not target.exists():
            status = "missing"
        elif not history.known:
            status = "unknown"
        else:
            newer = history.is_newer(f"{DOCS}/{SOURCE}/{page}", f"{DOCS}/{TARGET}/{page}")
            status = {True: "outdated", False: "translated", None: "unknown"}[newer]
        titles = {SOURCE: title_of(path)}
        if target.exists():
            titles[TARGET] = title_of(target)
        out.append(PageStatus(page, titles, status))
    return out


def outdated(project: Path = ROOT) -> list[str]:
    """The Chechen source files (as MkDocs names them: ce/…) that are outdated."""
    return [f"{TARGET}/{s.page}" for s in statuses(project) if s.status == "outdated"]


FRONT_TITLE = re.compile(r"^title:\s*(.+)$", re.MULTILINE)
HEADING = re.compile(r"^#\s+(.+?)(?:\s*\{[^}]*\})?\s*$", re.MULTILINE)


def title_of(path: Path) -> str:
    """A page's title: its front-matter title, else its first heading."""
    text = path.read_text("utf-8")
    found = FRONT_TITLE.search(text.split("\n---", 1)[0]) or HEADING.search(text)
    return found.group(1).strip().strip("\"'") if found else path.stem
