"""Build the site in one step: data/ ─render─> docs/ ─MkDocs─> site/ ─postbuild─>."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from common.problem import Problems
from common.site_config import ROOT
from postbuild import pdfs
from postbuild.finish import finish
from render.core import RenderError, render_all
from render.registry import RENDERERS
from translation import status as translations


class BuildError(Exception):
    """The build failed; the message says why, for a person to read."""


def build(site_dir: Path, site_url: str | None = None, project: Path = ROOT) -> None:
    try:
        render_all(project, RENDERERS)
    except RenderError as err:
        raise BuildError(str(err)) from None
    # Term reports are printed to PDF only where a browser can print them.
    pdf = pdfs.available()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_PDF="true" if pdf else "false")
    # Read by mkdocs.yml (extra.outdated_translations) for the page notice.
    env[translations.ENV] = "\n".join(translations.outdated(project))
    if site_url:
        env["SITE_URL"] = site_url
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BuildError(_problems(result.stderr + result.stdout, project))
    try:
        finish(site_dir, pdf, project)
    except Problems as err:
        raise BuildError(str(err)) from None


def _problems(log: str, project: Path) -> str:
    """Keep the lines that say what is wrong, without MkDocs' tracebacks.

    A broken link or anchor is told as FILE:LINE: naming the source file, as
    `make check` tells its problems.
    """
    lines = [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    told = [_link_problem(line, project) or line for line in lines]
    return "\n".join(dict.fromkeys(told)) or log.strip().splitlines()[-1]


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
