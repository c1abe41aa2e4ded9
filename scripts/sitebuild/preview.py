"""The preview behind `make serve`: rebuild only what an edit needs.

    a page (docs/…md) or a template (overrides/)   language map ─> MkDocs
    data/, mkdocs.yml or a report's notes           render ─> language map ─> MkDocs

MkDocs runs in this process, as in `make site`, so its modules, the theme's
compiled templates (a Jinja bytecode cache, kept across restarts in the
user's own cache folder, common/user_cache.py) and the listing of the
installed theme's files (sitebuild/warm_theme.py) stay warm between edits.
The preview leaves out the link-preview cards and the PDFs, which take
seconds and which no edit needs to see. The live-reload server is MkDocs'
own, told which files changed: it watches with the system's file events,
not by polling. The script it adds to each page it serves is let through
the page's Content-Security-Policy by its hash, or the page would never
reload itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import watchdog.events
import watchdog.observers
from mkdocs.livereload import LiveReloadServer

from common import site_config
from common.problem import Problems
from postbuild.csp import allow_script
from postbuild.finish import finish
from render.core import GENERATED, GENERATED_PAGES
from render.registry import MADE_FROM, PAGES_AS_INPUT
from sitebuild import language_map
from sitebuild.build import prepare
from sitebuild.mkdocs_run import BuildError, run_mkdocs
from sitebuild.warm_theme import Warm

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
        self.warm = Warm.kept()

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
        except Problems as err:
            raise BuildError(str(err)) from None
        if problems:  # the page is shown cleaned, and the author told why
            raise BuildError("\n".join(map(str, problems)))

    def _mkdocs(self) -> None:
        """MkDocs in this process, its theme kept warm between edits."""
        run_mkdocs(self.project, self.site_dir, self.site_url, self.warm)


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

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        page: bytes = super()._inject_js_into_html(content, epoch)  # type: ignore[no-untyped-call]
        # The script MkDocs just added is the last one of the page.
        start = page.rindex(b"<script>") + len(b"<script>")
        script = page[start : page.index(b"</script>", start)].decode("utf-8", "surrogateescape")
        html = page.decode("utf-8", "surrogateescape")
        return allow_script(html, script).encode("utf-8", "surrogateescape")

    def _build(self) -> None:
        with self._lock:
            changed, self._changed = self._changed, set()
        self.rebuild(changed)
