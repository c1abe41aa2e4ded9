"""Which Chechen pages are translated, missing or outdated: `make translations`.

A Chechen page is
  translated  when it was last changed after its Russian original;
  outdated    when the Russian original changed, by git history, in a commit
              the Chechen file's last change does not include;
  missing     when docs/ce/ has no such file (the site shows the Russian);
  unknown     when there is no git history to tell (no git, not a clone,
              or a shallow clone as CI makes: fetch the full history).
Uncommitted changes count as the newest. To mark a page as up to date
after checking it, change its Chechen file (for example its review flag).

The site shows the same table on /contributing/translations/ (rendered by
`render_status`), and an outdated Chechen page carries a notice: build_site
passes the outdated files to MkDocs in SITE_OUTDATED_TRANSLATIONS.

    python scripts/translations.py [--project DIR]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from mdtext import cell
from mdtext import table as mdtable
from render import GENERATED, NOTICE
from source_pages import written_pages

ROOT = Path(__file__).resolve().parent.parent
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

    def _git(self, *args: str) -> subprocess.CompletedProcess | None:
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


# The status page's words, in each language of the site.
WORDS = {
    "ru": {
        "page": "Страница",
        "status": "Перевод",
        "translated": "переведена",
        "outdated": "русский текст изменился после перевода",
        "missing": "ещё не переведена",
        "unknown": "неизвестно",
        "counts": "Переведено {translated} из {total}; устарело {outdated}; "
        "не переведено {missing}.",
        "no_history": "Без истории git состояние переводов неизвестно.",
    },
    "ce": {
        "page": "АгӀо",
        "status": "Гочдар",
        "translated": "гочйина",
        "outdated": "гочдинчул тӀаьхьа оьрсийн йоза хийцина",
        "missing": "хӀинца а гочйина яц",
        "unknown": "хууш дац",
        "counts": "{total} агӀонах гочйина {translated}; тиша хилла {outdated}; "
        "гочйина яц {missing}.",
        "no_history": "git-н истори йоцуш гочдарийн хьал хууш дац.",
    },
}


def table(pages: list[PageStatus], lang: str) -> str:
    """The status table in Markdown, for docs/<lang>/contributing/translations.md."""
    words = WORDS[lang]
    counts = Counter(p.status for p in pages)
    rows = []
    for p in pages:
        title = p.titles.get(lang)
        if title is None:  # not written in this language: its title in Russian, marked so
            title = f'<span lang="{SOURCE}">{p.titles[SOURCE]}</span>'
        rows.append([f"[{cell(title)}](../{p.page})", words[p.status]])
    counted = words["counts"].format(total=len(pages), **{s: counts[s] for s in STATUSES})
    text = f"{counted}\n\n{mdtable([words['page'], words['status']], rows)}"
    return text + (f"\n{words['no_history']}\n" if counts["unknown"] else "")


def render_status(project: Path) -> dict[Path, str]:
    """Renderer (scripts/render.py): the status table in both languages."""

    pages = statuses(project)
    return {GENERATED / f"translations.{lang}.md": NOTICE + table(pages, lang) for lang in WORDS}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--project", type=Path, default=ROOT)
    args = parser.parse_args()
    pages = statuses(args.project.resolve())
    width = max(map(len, STATUSES))
    for p in pages:
        print(f"{p.status:<{width}}  {DOCS / TARGET / p.page}")
    counts = Counter(p.status for p in pages)
    print(", ".join(f"{counts[s]} {s}" for s in STATUSES), f"of {len(pages)} pages")
    if counts["unknown"]:
        print("unknown: no full git history here (a shallow clone? run `git fetch --unshallow`)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
