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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from common import textfile
from common.history import History
from common.site_config import LANGS, ROOT
from common.source_pages import written_pages

# Every translation is made from the default language; the site has one.
SOURCE, TARGET = LANGS[0], LANGS[1]
DOCS = Path("docs")
STATUSES = ("translated", "outdated", "missing", "unknown")


@dataclass(frozen=True)
class PageStatus:
    page: str  # the path under docs/<lang>/, e.g. "platforms/sferum.md"
    titles: dict[str, str]  # the page's title in each language it is written in
    status: str


def statuses(
    project: Path = ROOT, history: History | None = None, parts: PartReader | None = None
) -> list[PageStatus]:
    """The status of every Russian page's Chechen translation.

    `history` is read from git when not given (the build reads it once);
    `parts` gives a generated part's text, for a title a part makes.
    """
    history = history or History(project)
    out = []
    for path, page, target, status in _statuses(project, history):
        titles = {SOURCE: title_of(path, parts)}
        if target.exists():
            titles[TARGET] = title_of(target, parts)
        out.append(PageStatus(page, titles, status))
    return out


def outdated(project: Path, history: History) -> set[str]:
    """The pages (paths under docs/<lang>/) whose Chechen translation is
    outdated: as statuses() says, without reading their titles."""
    return {page for _, page, _, status in _statuses(project, history) if status == "outdated"}


def _statuses(project: Path, history: History) -> Iterator[tuple[Path, str, Path, str]]:
    """(source, page, translation, status) of every Russian page."""
    source_root = project / DOCS / SOURCE
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
        yield path, page, target, status


FRONT_TITLE = re.compile(r"^title:\s*(.+)$", re.MULTILINE)
HEADING = re.compile(r"^#\s+(.+?)(?:\s*\{[^}]*\})?\s*$", re.MULTILINE)
# A part included in place of the heading: --8<-- "platforms/x.ru.md:title"
FIRST_SNIPPET = re.compile(r"""^[ \t]*-+8<-+[ \t]+(["'])([^"':\n]+)(?::([\w-]+))?\1[ \t]*$""")
PartReader = Callable[[str], str | None]


def title_of(path: Path, parts: PartReader | None = None) -> str:
    """A page's title: its front-matter title, else its first heading, in
    its own text or in the part it includes before any text of its own."""
    text = textfile.read(path)
    head, _, body = text.partition("\n---") if text.startswith("---") else ("", "", text)
    found = FRONT_TITLE.search(head) if head else None
    if found is None:
        found = HEADING.search(_with_first_part(body, parts))
    return found.group(1).strip().strip("\"'") if found else path.stem


def _with_first_part(body: str, parts: PartReader | None) -> str:
    """`body` with a part that comes before its first heading put in place."""
    for line in body.splitlines():
        if not line.strip() or line.lstrip().startswith("---"):
            continue
        snippet = FIRST_SNIPPET.match(line)
        text = parts(snippet[2]) if snippet and parts else None
        if snippet is None or text is None:
            return body
        if snippet[3]:  # a section: between its start and end marks
            start, end = f"[start:{snippet[3]}]", f"[end:{snippet[3]}]"
            text = text.split(start, 1)[-1].split(end, 1)[0]
        return text.replace("-->", "-->\n") + "\n" + body
    return body
