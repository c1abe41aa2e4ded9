"""Build the site in one step:

    data/ ──render──> docs/ (generated pages and snippets)
          ──language map──> overrides/.generated/language-map.html
          ──mkdocs build --strict──> site/ ──postbuild──> search, cards, PDFs

Every failure a person can fix is raised as BuildError, whose message has
one line per problem (FILE:LINE: message); `notes` are lines a person should
read although the build went on (report PDFs skipped, and why).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from checks.internal_links import absolute_link_problem
from common import site_config
from common.cli import Failure
from common.problem import Problem, Problems
from common.site_config import ROOT
from common.words import message
from postbuild import pdfs
from postbuild.finish import finish
from render.core import RenderError, render_all
from render.registry import RENDERERS
from sitebuild import language_map


class BuildError(Failure):
    """The build failed; the message says why, one line per problem."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"{message('not_built')}\n{detail}")
        self.detail = detail


@dataclass(frozen=True)
class Built:
    """What a build has to say: notes for a person, and what the gates found
    (always empty unless the build ran with gates=False)."""

    notes: list[str]
    problems: list[Problem]


def build(
    site_dir: Path, site_url: str | None = None, project: Path = ROOT, *, gates: bool = True
) -> Built:
    """Build `project` into `site_dir`. The gates (postbuild's sanitiser and
    privacy gate) fail the build with what they found; with gates=False the
    site is still written, cleaned, and their problems are returned: the
    tests use it to open a page that the build refuses in a browser."""
    try:
        url = prepare(project, site_url, pdf=pdfs.available())
        run_mkdocs(project, site_dir, url)
        problems = finish(site_dir, pdf=pdfs.available(), project=project)
    except (Problems, RenderError) as err:
        raise BuildError(str(err)) from None
    if problems and gates:
        raise BuildError("\n".join(map(str, problems)))
    return Built(pdf_notes(project), problems)


def prepare(project: Path, site_url: str | None, pdf: bool, render: bool = True) -> str:
    """What MkDocs reads besides the pages people write: the generated pages
    (unless `render` is False: nothing under data/ changed) and the language
    map. Return the site's address."""
    url = site_url or site_config.load(project).site_url
    if render:
        render_all(project, RENDERERS)
    language_map.write(project, pdf)
    return url


def pdf_notes(project: Path) -> list[str]:
    """One line when the pages ask for PDFs that this machine cannot print."""
    if pdfs.available() or not language_map.asks_for_pdf(project):
        return []
    return [message("pdfs_skipped", why=pdfs.chromium_problem())]


def run_mkdocs(project: Path, site_dir: Path, site_url: str) -> None:
    """`mkdocs build --strict`, in a process of its own (pymdownx.snippets
    reads docs/.generated/ from the current folder)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BuildError(problems_of(result.stderr + result.stdout, project))


def problems_of(log: str, project: Path) -> str:
    """Keep the lines of MkDocs' log that say what is wrong, without its
    tracebacks. A broken link or anchor is told as FILE:LINE: naming the
    source file, as `make check` tells its problems.
    """
    lines = [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    told = [_link_problem(line, project) or line for line in lines]
    last = (log.strip().splitlines() or [message("mkdocs_failed")])[-1]
    return "\n".join(dict.fromkeys(told)) or last


LINK_WARNING = re.compile(
    r"Doc file '(?P<file>[^']+)' contains (?P<kind>[\w ]*?link) '(?P<link>[^']+)'(?P<why>.*)"
)


def _link_problem(line: str, project: Path) -> str | None:
    """MkDocs' warning about a link, as FILE:LINE: message (in Russian for
    the kinds a page's author meets); None for others."""
    found = LINK_WARNING.search(line)
    if not found:
        return None
    source = Path("docs") / found["file"]
    number = _line_of(project / source, found["link"])
    if found["kind"] == "an absolute link":  # told as `make check` tells it
        lang = Path(found["file"]).parts[0]
        said = absolute_link_problem(project / source, project / "docs", lang, found["link"])
        return f"{source}:{number}: {said}"
    why = found["why"].strip(" ,.").removeprefix("but ")
    return f"{source}:{number}: {_link_said(found['kind'], found['link'], why)}"


_MEANT = re.compile(r"Did you mean '([^']+)'")


def _link_said(kind: str, link: str, why: str) -> str:
    """What MkDocs says of a link, told in Russian where it is one of its
    known warnings, as it said it otherwise."""
    meant = _MEANT.search(why)
    hint = message("relative_link_hint", target=meant[1]) if meant else ""
    if kind == "an unrecognized relative link":
        return message("unrecognized_link", link=link, hint=hint)
    if "anchor" in why:
        return message("anchor_not_found", link=link)
    if "not found" in why:
        return message("link_not_found", link=link)
    return f"{kind} '{link}': {why}"


def _line_of(path: Path, link: str) -> int:
    """The first line of `path` that has `link` in it (1 if none has)."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError:
        return 1
    return next((n for n, line in enumerate(lines, start=1) if link in line), 1)
