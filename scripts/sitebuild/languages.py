"""MkDocs' build of the site's languages side by side, one process each.

mkdocs-static-i18n builds the default language, then, from that build's
post_build event, each other language into the same folder, one after the
other: where two write the same file (the theme's assets, 404.html,
sitemap.xml), the later language's stays; last, it writes one search index
of every language's pages. Here each language other than the default is
built at the same time, in a forked child (common/processes.py), into a
folder of its own beside the site, the plugin told which language it
builds and to build no other. Once the default language is built here, the
children's folders are moved into the site in the plugin's order, and the
plugin writes the search index from every language's entries, as its
post_build does. The site is the sequential build's, byte for byte. Before
its folder is moved in, a child does the next step with it (`then`: the
build finishes the language's pages there, postbuild/finish.py).

What it asks of the plugin (current_language, building, search_entries,
reconfigure_search_index) is mkdocs-static-i18n 1.3's own; the byte-for-byte
test (tests/test_parallel_build.py) tells when a new version changes it.

Their logs are told as the sequential build's would be: the default
language's, then each other language's, up to the first that failed; when
the default language failed before its post_build event (where the others
would have been built), its log alone.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from mkdocs.config.defaults import MkDocsConfig

from common.processes import Forked
from common.site_config import LANGS
from common.words import message
from sitebuild.mkdocs_run import BuildError, Log, mkdocs_logged, problems_of

T = TypeVar("T")


@dataclass
class Built(Generic[T]):
    """A language's build: its log, its search entries and, when it was
    built, what was done next with its folder (`then`)."""

    log: Log
    entries: list[Any] = field(default_factory=list)
    then: T | None = None


def build_languages(
    project: Path, site_dir: Path, site_url: str, then: Callable[[Path, str], T]
) -> list[T]:
    """`mkdocs build --strict` of `project` into `site_dir`, each language in
    a process of its own; raise BuildError with what is wrong. Each language
    but the default is built in a folder of its own and, when it is built,
    `then(folder, lang)` runs in its process before the folder is moved into
    the site: return what it returned, in the languages' order."""
    default, *others = LANGS
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    folders: dict[str, Path] = {}
    children: dict[str, Forked[Built[T]]] = {}
    built: list[Built[T]] = []
    lost: list[BaseException] = []  # a child that ended without its log

    def merge(config: MkDocsConfig) -> None:
        """Once the default language is built: the others moved in, the
        search index written from every language's entries."""
        try:
            built.extend(children[lang].result() for lang in others)
        except BaseException as err:  # told as itself, not as MkDocs' error
            lost.append(err)
            return
        if any(one.log.failed for one in built):
            return
        for lang in others:
            _move_into(folders[lang], site_dir)
        i18n: Any = config.plugins["i18n"]
        for one in built:
            i18n.search_entries.extend(one.entries)
        i18n.reconfigure_search_index(config)

    try:
        for lang in others:
            # Beside the site, on its file system: moved in by renaming.
            folders[lang] = Path(
                tempfile.mkdtemp(prefix=f".{site_dir.name}-{lang}-", dir=site_dir.parent)
            )
            work = functools.partial(_build_one, project, folders[lang], site_url, lang, then)
            children[lang] = Forked(work, message("process_language", lang=lang))
        log = mkdocs_logged(project, site_dir, site_url, before=_only(default), after=merge)
        if log.failed and log.strict and not built:
            # Failed for its warnings, after its post_build event: the others
            # had been built, and their problems are told too.
            built = [children[lang].result() for lang in others]
    finally:
        for child in children.values():
            child.stop()  # not waited for when the default language failed first
        for folder in folders.values():
            shutil.rmtree(folder, ignore_errors=True)
    if lost:
        raise lost[0]
    if (told := _told(log, built)) is not None:
        raise BuildError(problems_of("\n".join(told), project))
    return [one.then for one in built if one.then is not None]


def _only(lang: str) -> Callable[[MkDocsConfig], None]:
    """Set the i18n plugin to build `lang` alone."""

    def set_language(config: MkDocsConfig) -> None:
        i18n: Any = config.plugins["i18n"]
        i18n.current_language = lang
        # As while it builds the other languages: its post_build event keeps
        # the language's search entries and builds nothing more.
        i18n.building = True

    return set_language


def _build_one(
    project: Path, folder: Path, site_url: str, lang: str, then: Callable[[Path, str], T]
) -> Built[T]:
    """In a child: `lang` built alone into `folder`, then `then`."""
    built: Built[T] = Built(Log())  # its log replaced by the build's own

    def keep_entries(config: MkDocsConfig) -> None:
        i18n: Any = config.plugins["i18n"]
        built.entries = list(i18n.search_entries)

    built.log = mkdocs_logged(project, folder, site_url, before=_only(lang), after=keep_entries)
    if not built.log.failed:
        built.then = then(folder, lang)
    return built


def _told(log: Log, others: list[Built[T]]) -> list[str] | None:
    """The log lines of the whole build as the sequential build logs them,
    or None when it did not fail."""
    if not log.failed and not any(built.log.failed for built in others):
        return None
    if log.failed and not log.strict:  # the others would not have been built
        return log.lines
    # The others' lines where the default's post_build event logged them.
    at = log.built if log.built is not None else len(log.lines) - len(log.end)
    lines = log.lines[:at]
    end = log.end
    for built in others:
        lines += built.log.lines[: len(built.log.lines) - len(built.log.end)]
        if built.log.failed:  # raised from the default's post_build event
            end = built.log.end
            break
    else:
        lines += log.lines[at : len(log.lines) - len(log.end)]
    return lines + end


def _move_into(source: Path, target: Path) -> None:
    """Move everything in `source` into `target`, replacing what is there."""
    for entry in os.scandir(source):
        destination = target / entry.name
        if entry.is_dir(follow_symlinks=False) and destination.is_dir():
            _move_into(Path(entry.path), destination)
        else:
            os.replace(entry.path, destination)
