"""Build the site in one step:

    data/ ──render──> docs/ (generated pages and snippets)
          ──language map──> overrides/.generated/language-map.html
          ──mkdocs build --strict (in this process)──> site/
          ──postbuild──> search, cards, PDFs

Every failure a person can fix is raised as BuildError, whose message has
one line per problem (FILE:LINE: message); `notes` are lines a person should
read although the build went on (report PDFs skipped, and why).
"""

from __future__ import annotations

import logging
import re
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from click import ClickException
from mkdocs import utils as mkdocs_utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from common import site_config
from common.cli import Failure
from common.problem import Problem, Problems
from common.site_config import ROOT
from postbuild import pdfs
from postbuild.finish import finish
from render.core import render_all
from render.registry import RENDERERS
from sitebuild import language_map
from sitebuild.warm_theme import Warm
from translation.progress import counted_once


class BuildError(Failure):
    """The build failed; the message says why, one line per problem."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"The site was not built:\n{detail}")
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
    except Problems as err:
        raise BuildError(str(err)) from None
    if problems and gates:
        raise BuildError("\n".join(map(str, problems)))
    return Built(pdf_notes(project), problems)


def prepare(project: Path, site_url: str | None, pdf: bool, render: bool = True) -> str:
    """What MkDocs reads besides the pages people write: the generated pages
    (unless `render` is False: nothing under data/ changed) and the language
    map. Return the site's address."""
    url = site_url or site_config.load(project).site_url
    with counted_once():
        if render:
            render_all(project, RENDERERS)
        language_map.write(project, pdf)
    return url


def pdf_notes(project: Path) -> list[str]:
    """One line when the pages ask for PDFs that this machine cannot print."""
    if pdfs.available() or not language_map.asks_for_pdf(project):
        return []
    return [f"Report PDFs skipped: {pdfs.MISSING}"]


def run_mkdocs(project: Path, site_dir: Path, site_url: str, warm: Warm | None = None) -> None:
    """`mkdocs build --strict` of `project`, in this process: as its command
    line runs it (plugins started and shut down, a message logged twice told
    once), with its log kept as the command line prints it, to tell what is
    wrong (problems_of). `warm` keeps the theme's compiled templates; by
    default for this build only, whose languages then share them."""
    log = _Log()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(log)
    propagate, logger.propagate = logger.propagate, False  # told once, by BuildError
    duplicates = mkdocs_utils.DuplicateFilter()
    mkdocs_build.log.addFilter(duplicates)
    # mkdocs-static-i18n replaces it while it builds the other languages,
    # and leaves it replaced when one of them fails: the next build in this
    # process must clean its folder again.
    clean_directory = mkdocs_utils.clean_directory
    try:
        with warnings.catch_warnings(), (warm or Warm()).applied():
            # The command line logs Python's warnings as information, not problems.
            warnings.showwarning = log.python_warning
            config = load_config(
                str(project / "mkdocs.yml"), site_dir=str(site_dir), site_url=site_url, strict=True
            )
            _snippets_from(project, config)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build.build(config)
            finally:
                config.plugins.on_shutdown()
    except Exception as err:  # MkDocs' Abort, a plugin's, an extension's or a template's error
        log.ended(err)
    finally:
        mkdocs_utils.clean_directory = clean_directory
        mkdocs_build.log.removeFilter(duplicates)
        logger.propagate = propagate
        logger.removeHandler(log)
    if log.failed:
        raise BuildError(problems_of("\n".join(log.lines), project))


def _snippets_from(project: Path, config: MkDocsConfig) -> None:
    """pymdownx.snippets reads its base_path from the current folder: make it
    absolute, under `project`, so the build needs no change of folder."""
    options = config.mdx_configs.get("pymdownx.snippets")
    if options and "base_path" in options:
        paths = options["base_path"]
        paths = [paths] if isinstance(paths, str) else paths
        options["base_path"] = [str(project / path) for path in paths]


class _Log(logging.Handler):
    """MkDocs' log as its command line prints it ("WARNING -  message"),
    then how the build ended when it raised."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []
        self.failed = False

    def emit(self, record: logging.LogRecord) -> None:
        self.lines += f"{record.levelname:<8}-  {record.getMessage()}".splitlines()

    def python_warning(
        self,
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        self.lines.append(f"INFO    -  {category.__name__}: {message}")

    def ended(self, err: Exception) -> None:
        """The last line the command line prints for an error: Abort's own
        message, a click error's, or a traceback's last line."""
        self.failed = True
        if isinstance(err, Abort):
            self.lines.append(str(err))
        elif isinstance(err, ClickException):
            self.lines.append(f"Error: {err.format_message()}")
        else:
            self.lines += traceback.format_exception_only(err)[-1].splitlines()


def problems_of(log: str, project: Path) -> str:
    """Keep the lines of MkDocs' log that say what is wrong, without its
    tracebacks. A broken link or anchor is told as FILE:LINE: naming the
    source file, as `make check` tells its problems.
    """
    lines = [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    told = [_link_problem(line, project) or line for line in lines]
    return "\n".join(dict.fromkeys(told)) or (log.strip().splitlines() or ["MkDocs failed"])[-1]


LINK_WARNING = re.compile(
    r"Doc file '(?P<file>[^']+)' contains (?P<kind>[\w ]*?link) '(?P<link>[^']+)'(?P<why>.*)"
)


def _link_problem(line: str, project: Path) -> str | None:
    """MkDocs' warning about a link, as FILE:LINE: message; None for others."""
    found = LINK_WARNING.search(line)
    if not found:
        return None
    source = Path("docs") / found["file"]
    number = _line_of(project / source, found["link"])
    why = found["why"].strip(" ,.").removeprefix("but ")
    return f"{source}:{number}: {found['kind']} '{found['link']}': {why}"


def _line_of(path: Path, link: str) -> int:
    """The first line of `path` that has `link` in it (1 if none has)."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError:
        return 1
    return next((n for n, line in enumerate(lines, start=1) if link in line), 1)
