"""Build the site in one step:

    data/ ──render──> docs/ (generated pages and snippets)
          ──language map──> overrides/.generated/language-map.html
          ──mkdocs build --strict──> site/
          ──postbuild──> search, cards, PDFs

With more than one processor (common/processes.py: cores), the review of
the translation is counted beside the renderers (translation/progress.py),
MkDocs builds each language in a process of its own, which then finishes
its pages (sitebuild/languages.py), and the pass over the other pages is
shared by as many processes (postbuild/finish.py); with one, it all runs in
this process (sitebuild/mkdocs_run.py). The site and what is told are the
same either way.

Every failure a person can fix is raised as BuildError, whose message has
one line per problem (FILE:LINE: message); `notes` are lines a person should
read although the build went on (report PDFs skipped, and why). What a
former build left in the site folder is moved beside it and removed
meanwhile (removing hundreds of files is mostly waiting for the disk). A
build that fails once MkDocs has begun leaves the site folder empty, never
half written; one refused by the gates leaves it built, cleaned.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from common import site_config
from common.cli import Failure
from common.problem import Problem, Problems
from common.processes import Forked, cores
from common.site_config import ROOT
from common.words import message
from postbuild import pdfs
from postbuild.finish import Finished, finish, finish_language
from render.core import render_all
from render.registry import RENDERERS
from sitebuild import language_map
from sitebuild.languages import build_languages
from sitebuild.mkdocs_run import BuildError, run_mkdocs
from translation.progress import counted_once

__all__ = ["BuildError", "Built", "build", "pdf_notes", "prepare", "run_mkdocs"]


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
        pdf = pdfs.available()
        workers = cores()
        url = prepare(project, site_url, pdf=pdf, aside=workers > 1)
        former = set_aside(site_dir)
        try:
            finished: list[Finished] = []
            if workers > 1 and _room_beside(site_dir):
                then = functools.partial(finish_language, project=project, pdf=pdf, workers=workers)
                finished = build_languages(project, site_dir, url, then)
            else:
                run_mkdocs(project, site_dir, url)
            problems = finish(site_dir, pdf, project, workers=workers, finished=finished)
        except BaseException as err:
            empty(site_dir)
            _removed(former, wait=not isinstance(err, KeyboardInterrupt))
            raise
        _removed(former)
    except Problems as err:
        raise BuildError(str(err)) from None
    if problems and gates:
        raise BuildError("\n".join(map(str, problems)))
    return Built(pdf_notes(project), problems)


def prepare(
    project: Path, site_url: str | None, pdf: bool, render: bool = True, aside: bool = False
) -> str:
    """What MkDocs reads besides the pages people write: the generated pages
    (unless `render` is False: nothing under data/ changed) and the language
    map. With `aside`, the translation's review is counted in a process of
    its own meanwhile. Return the site's address."""
    url = site_url or site_config.load(project).site_url
    with counted_once(aside=project if aside and render else None):
        if render:
            render_all(project, RENDERERS)
        language_map.write(project, pdf)
    return url


def pdf_notes(project: Path) -> list[str]:
    """One line when the pages ask for PDFs that this machine cannot print."""
    if pdfs.available() or not language_map.asks_for_pdf(project):
        return []
    return [message("pdfs_skipped", why=pdfs.chromium_problem())]


def empty(site_dir: Path) -> None:
    """Remove what a failed build wrote into `site_dir`: all but hidden
    entries, which MkDocs leaves alone too."""
    for entry in _entries(site_dir):
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            os.unlink(entry.path)


def set_aside(site_dir: Path) -> Forked[None] | None:
    """Move what a former build left in `site_dir` (all but hidden entries,
    as MkDocs cleans it) into a folder beside it, which a child process
    removes while this one builds: removing hundreds of files is mostly
    waiting for the disk. None when there is nothing to move, or it cannot
    be moved (MkDocs then cleans the folder itself)."""
    entries = _entries(site_dir)
    if not entries:
        return None
    try:
        former = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-former-", dir=site_dir.parent))
    except OSError:
        return None
    with contextlib.suppress(OSError):  # what is not moved is MkDocs' to clean
        for entry in entries:
            os.rename(entry.path, former / entry.name)
    return Forked(
        functools.partial(shutil.rmtree, former, ignore_errors=True), message("process_former_site")
    )


def _removed(former: Forked[None] | None, wait: bool = True) -> None:
    """Wait for the former site's removal (or, on Ctrl+C, stop it)."""
    if former is None:
        return
    if not wait:
        former.stop()
        return
    with contextlib.suppress(Failure):  # the remover was killed: its folder stays
        former.result()


def _room_beside(site_dir: Path) -> bool:
    """Whether folders can be made beside `site_dir` (where the other
    languages are built), in the folder that is, or will be, its parent."""
    folder = site_dir.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return os.access(folder, os.W_OK)


def _entries(site_dir: Path) -> list[os.DirEntry[str]]:
    """The entries of `site_dir` a build replaces: all but hidden ones."""
    try:
        return [entry for entry in os.scandir(site_dir) if not entry.name.startswith(".")]
    except (FileNotFoundError, NotADirectoryError):
        return []
