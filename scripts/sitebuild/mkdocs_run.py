"""MkDocs' build, run in this process as its command line runs it, with its
log kept to tell what is wrong: each line of MkDocs' log that says so, a
broken link or anchor as FILE:LINE naming the Markdown source.

    run_mkdocs      `mkdocs build --strict`, raising BuildError
    mkdocs_logged   the same, returning its Log (sitebuild/languages.py
                    runs one language in each process with it)
"""

from __future__ import annotations

import logging
import re
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from click import ClickException
from mkdocs import utils as mkdocs_utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from checks.internal_links import absolute_link_problem
from common.cli import Failure
from common.words import message
from sitebuild.warm_theme import Warm


class BuildError(Failure):
    """The build failed; the message says why, one line per problem."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"{message('not_built')}\n{detail}")
        self.detail = detail

    def __reduce__(self) -> tuple[type[BuildError], tuple[str]]:
        return (type(self), (self.detail,))


def run_mkdocs(project: Path, site_dir: Path, site_url: str, warm: Warm | None = None) -> None:
    """`mkdocs build --strict` of `project`, in this process: as its command
    line runs it (plugins started and shut down, a message logged twice told
    once), with its log kept as the command line prints it, to tell what is
    wrong (problems_of). `warm` keeps the theme warm; by default, for this
    build and its languages, with the templates compiled in the user's
    cache (Warm.kept)."""
    logged = mkdocs_logged(project, site_dir, site_url, warm=warm)
    if logged.failed:
        raise BuildError(problems_of("\n".join(logged.lines), project))


def mkdocs_logged(
    project: Path,
    site_dir: Path,
    site_url: str,
    *,
    warm: Warm | None = None,
    before: Callable[[MkDocsConfig], None] | None = None,
    after: Callable[[MkDocsConfig], None] | None = None,
) -> Log:
    """MkDocs' build as run_mkdocs runs it; return its log, failed or not.
    `before` is called with the loaded configuration before the build,
    `after` once it is built, before the plugins are shut down."""
    log = Log()
    kept = _Kept(log)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(kept)
    propagate, logger.propagate = logger.propagate, False  # told once, by BuildError
    duplicates = mkdocs_utils.DuplicateFilter()
    mkdocs_build.log.addFilter(duplicates)
    # mkdocs-static-i18n replaces it while it builds the other languages,
    # and leaves it replaced when one of them fails: the next build in this
    # process must clean its folder again.
    clean_directory = mkdocs_utils.clean_directory
    try:
        with warnings.catch_warnings(), (warm or Warm.kept()).applied():
            # The command line logs Python's warnings as information, not problems.
            warnings.showwarning = kept.python_warning
            config = load_config(
                str(project / "mkdocs.yml"), site_dir=str(site_dir), site_url=site_url, strict=True
            )
            _snippets_from(project, config)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                if before:
                    before(config)
                mkdocs_build.build(config)
                log.built = len(log.lines)
                if after:
                    after(config)
            finally:
                config.plugins.on_shutdown()
    except Exception as err:  # MkDocs' Abort, a plugin's, an extension's or a template's error
        log.ended(err)
    finally:
        mkdocs_utils.clean_directory = clean_directory
        mkdocs_build.log.removeFilter(duplicates)
        logger.propagate = propagate
        logger.removeHandler(kept)
    return log


def _snippets_from(project: Path, config: MkDocsConfig) -> None:
    """pymdownx.snippets reads its base_path from the current folder: make it
    absolute, under `project`, so the build needs no change of folder."""
    options = config.mdx_configs.get("pymdownx.snippets")
    if options and "base_path" in options:
        paths = options["base_path"]
        paths = [paths] if isinstance(paths, str) else paths
        options["base_path"] = [str(project / path) for path in paths]


@dataclass
class Log:
    """MkDocs' log as its command line prints it ("WARNING -  message"),
    then how the build ended when it raised: `end`, its last lines."""

    lines: list[str] = field(default_factory=list)
    end: list[str] = field(default_factory=list)
    failed: bool = False
    # Whether it failed only for the warnings it logged (strict mode, once
    # every page was built), and how many lines it had once built.
    strict: bool = False
    built: int | None = None

    def ended(self, err: Exception) -> None:
        """The last line the command line prints for an error: Abort's own
        message, a click error's, or a traceback's last line."""
        self.failed = True
        if isinstance(err, Abort):
            self.end = [str(err)]
            self.strict = bool(STRICT_ABORT.match(str(err)))
        elif isinstance(err, ClickException):
            self.end = [f"Error: {err.format_message()}"]
        else:
            self.end = traceback.format_exception_only(err)[-1].splitlines()
        self.lines += self.end


class _Kept(logging.Handler):
    """Keeps MkDocs' log records, and Python's warnings, in a Log."""

    def __init__(self, log: Log) -> None:
        super().__init__(logging.INFO)
        self.log = log

    def emit(self, record: logging.LogRecord) -> None:
        self.log.lines += f"{record.levelname:<8}-  {record.getMessage()}".splitlines()

    def python_warning(
        self,
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        self.log.lines.append(f"INFO    -  {category.__name__}: {message}")


# MkDocs' words when a build logged warnings in strict mode: raised after
# every page is built and every post_build event has run.
STRICT_ABORT = re.compile(r"Aborted with \d+ .* in strict mode!$")


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
