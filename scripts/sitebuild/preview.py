"""The preview behind `make serve`: rebuild only what an edit needs.

    a page (docs/…md) or a template (overrides/)   language map ─> MkDocs
    data/, mkdocs.yml or a report's notes           render ─> language map ─> MkDocs

MkDocs runs in this process, so its modules, the theme's compiled templates
(a Jinja bytecode cache) and the listing of the installed theme's files stay
warm between edits. The preview
leaves out the link-preview cards and the PDFs, which take seconds and which
no edit needs to see. The live-reload server is MkDocs' own, told which files
changed: it watches with the system's file events, not by polling.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Iterable
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import jinja2
import watchdog.events
import watchdog.observers
from mkdocs import theme
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from common import site_config
from common.problem import Problems
from common.site_config import ROOT
from postbuild.finish import finish
from render.core import GENERATED, GENERATED_PAGES, RenderError
from render.registry import MADE_FROM, PAGES_AS_INPUT
from sitebuild import language_map
from sitebuild.build import BuildError, prepare, problems_of

WATCHED = ("docs", "overrides", "data", "mkdocs.yml")
# What the build writes into the watched folders: never a reason to rebuild.
WRITTEN = (f"{GENERATED.as_posix()}/*", f"{language_map.MAP.parent.as_posix()}/*", *GENERATED_PAGES)
CHANGES = {
    watchdog.events.EVENT_TYPE_CREATED,
    watchdog.events.EVENT_TYPE_MODIFIED,
    watchdog.events.EVENT_TYPE_MOVED,
    watchdog.events.EVENT_TYPE_DELETED,
}
# Files editors keep beside the one being edited.
EDITOR_FILES = ("*.swp", "*.swx", "*~", "*/.#*", "*/4913")
# What a page's own edit does not re-render: the translations table follows
# on the next data edit or restart.
RENDER_INPUTS = tuple(
    pattern for inputs in MADE_FROM.values() for pattern in inputs if pattern not in PAGES_AS_INPUT
)


class Preview:
    """A project built into a folder, again after each edit."""

    def __init__(self, project: Path, site_dir: Path, site_url: str) -> None:
        self.project = project
        self.site_dir = site_dir
        self.site_url = site_url
        _keep_compiled_templates()

    def build(self, changed: Iterable[str] | None = None) -> None:
        """Build again for the `changed` files (relative to the project); all
        of it when None. Raise BuildError with what is wrong."""
        changed = None if changed is None else list(changed)
        render = changed is None or any(_matches(path, RENDER_INPUTS) for path in changed)
        if changed is None or "mkdocs.yml" in changed:
            site_config.load.cache_clear()
        try:
            prepare(self.project, self.site_url, pdf=False, render=render)
            self._mkdocs()
            problems = finish(self.site_dir, pdf=False, project=self.project, cards_too=False)
        except (Problems, RenderError) as err:
            raise BuildError(str(err)) from None
        if problems:  # the page is shown cleaned, and the author told why
            raise BuildError("\n".join(map(str, problems)))

    def _mkdocs(self) -> None:
        """MkDocs in this process; its warnings told as in `make site`."""
        told = _Told()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(told)
        logger.propagate = False  # told once, by BuildError, not twice
        cwd = os.getcwd()
        os.chdir(self.project)  # pymdownx.snippets reads docs/.generated/ from here
        try:
            config = load_config(
                str(self.project / "mkdocs.yml"),
                site_dir=str(self.site_dir),
                site_url=self.site_url,
                strict=True,
            )
            mkdocs_build(config)
        except Exception as err:  # MkDocs' Abort, a plugin's or an extension's error
            told.lines.append(f"ERROR - {err}")
        finally:
            os.chdir(cwd)
            logger.removeHandler(told)
            logger.propagate = True
        if any(line.startswith(("WARNING", "ERROR")) for line in told.lines):
            raise BuildError(problems_of("\n".join(told.lines), self.project))


class _Told(logging.Handler):
    """MkDocs' log lines, as its command line prints them."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            self.lines.append(f"{record.levelname} - {record.getMessage()}")


# The compiled templates are code the preview runs: kept in this checkout's
# git-ignored .cache/, readable and writable by its owner alone, never at a
# fixed path of the shared temporary folder, where another user could put
# code of their own first.
CACHE = ROOT / ".cache" / "preview-templates"


def _keep_compiled_templates() -> None:
    """Give the theme's Jinja environment a bytecode cache, keyed by each
    template's source, so a rebuild does not compile Material's templates
    again: MkDocs makes a new environment for every build."""
    if getattr(theme.Theme.get_env, "cached", False):
        return
    CACHE.mkdir(mode=0o700, parents=True, exist_ok=True)
    CACHE.chmod(0o700)
    cache = jinja2.FileSystemBytecodeCache(str(CACHE))
    plain = theme.Theme.get_env

    def get_env(self: theme.Theme) -> jinja2.Environment:
        env = plain(self)
        env.bytecode_cache = cache
        return env

    get_env.cached = True  # type: ignore[attr-defined]
    theme.Theme.get_env = get_env  # type: ignore[method-assign]
    jinja2.FileSystemLoader.list_templates = _list_templates  # type: ignore[method-assign]


_PLAIN_LIST = jinja2.FileSystemLoader.list_templates
_INSTALLED: dict[str, list[str]] = {}


def _list_templates(self: jinja2.FileSystemLoader) -> list[str]:
    """The loader's templates, listing the installed theme's folders (some
    ten thousand icons, which never change) once: MkDocs lists them twice a
    build to find the theme's static files. Folders of the project, such as
    overrides/, are listed afresh every time."""
    found: set[str] = set()
    for folder in self.searchpath:
        installed = Path(folder).resolve().is_relative_to(Path(sys.prefix).resolve())
        if installed and folder in _INSTALLED:
            found.update(_INSTALLED[folder])
            continue
        names = _PLAIN_LIST(jinja2.FileSystemLoader(folder, followlinks=self.followlinks))
        if installed:
            _INSTALLED[folder] = names
        found.update(names)
    return sorted(found)


def _matches(path: str, patterns: Iterable[str]) -> bool:
    return any(fnmatchcase(path, pattern) for pattern in patterns)


class Server(LiveReloadServer):
    """MkDocs' live-reload server, which tells the builder what changed and
    hears of changes from the system at once instead of polling."""

    def __init__(self, project: Path, build: Callable[[set[str]], None], **options: Any) -> None:
        super().__init__(builder=self._build, **options)
        self.project = project
        self.rebuild = build
        # MkDocs polls every half second; the system's events come at once.
        self.observer = watchdog.observers.Observer()  # type: ignore[assignment]
        self._changed: set[str] = set()
        self._lock = threading.Lock()

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        server = self

        class Handler(watchdog.events.FileSystemEventHandler):
            def on_any_event(self, event: watchdog.events.FileSystemEvent) -> None:
                # Not opened or closed without writing: MkDocs reads the files.
                if not event.is_directory and event.event_type in CHANGES:
                    paths = [event.src_path, getattr(event, "dest_path", "")]
                    server.changed(str(p) for p in paths if p)

        self.observer.schedule(Handler(), path, recursive=recursive)
        self._watched_paths[path] = 1

    def changed(self, paths: Iterable[str]) -> None:
        """Note edited files; wake the build loop when one matters."""
        wanted = set()
        for path in paths:
            try:
                relative = Path(path).resolve().relative_to(self.project).as_posix()
            except ValueError:
                continue
            if not _matches(relative, WRITTEN + EDITOR_FILES):
                wanted.add(relative)
        if not wanted:
            return
        with self._lock:
            self._changed |= wanted
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()

    def _build(self) -> None:
        with self._lock:
            changed, self._changed = self._changed, set()
        self.rebuild(changed)
