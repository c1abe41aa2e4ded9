"""MkDocs' theme kept warm in this process: each template compiled once,
and the installed theme's files listed once.

MkDocs makes a new Jinja environment for every build, and
mkdocs-static-i18n runs one build per language, so every template
(Material's, overrides/, the language map) would be compiled once per
language, and the installed theme's folders (some ten thousand icons)
listed twice per language to find its static files. While `Warm.applied()`
is in force, each environment MkDocs makes gets the same bytecode cache:
Jinja's own, keyed by the template's name and used only when a hash of
its source is unchanged. The folders of the installed theme are listed
once; the project's own folders, such as overrides/, afresh every time.

`make site` and the preview (`make serve`) keep the compiled templates in
the user's own cache folder (common/user_cache.py), from one run to the
next: each is used only while the hash of its source is unchanged (Jinja's
own check), so compiling is left to the templates that changed. In the
user's own folder: compiled code in a shared one would run as theirs. The
preview keeps the listing too, for as long as it runs.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import jinja2
from mkdocs import theme

from common import user_cache

# The compiled templates' folder in the user's cache.
CACHE = "templates"
_PLAIN_ENV = theme.Theme.get_env
_PLAIN_LIST = jinja2.FileSystemLoader.list_templates


class InMemory(jinja2.BytecodeCache):
    """Compiled templates kept for the life of this object."""

    def __init__(self) -> None:
        self.stored: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.stored.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)  # reset if its source changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.stored[bucket.key] = bucket.bytecode_to_string()


class Warm:
    """A bytecode cache and the installed theme's listing, for the MkDocs
    builds run while `applied()` is in force."""

    def __init__(self, bytecode: jinja2.BytecodeCache | None = None) -> None:
        self.bytecode = bytecode or InMemory()
        self.installed: dict[str, list[str]] = {}

    @classmethod
    def kept(cls) -> Warm:
        """Templates compiled into the user's cache folder, kept there from
        one run to the next; in memory when there is no such folder."""
        cache = user_cache.folder(CACHE)
        if cache is None:
            return cls()
        user_cache.prune(cache)
        return cls(jinja2.FileSystemBytecodeCache(str(cache)))

    @contextmanager
    def applied(self) -> Iterator[None]:
        warm = self

        def get_env(self: theme.Theme) -> jinja2.Environment:
            env = _PLAIN_ENV(self)
            env.bytecode_cache = warm.bytecode
            return env

        def list_templates(self: jinja2.FileSystemLoader) -> list[str]:
            return warm.list_templates(self)

        theme.Theme.get_env = get_env  # type: ignore[method-assign]
        jinja2.FileSystemLoader.list_templates = list_templates  # type: ignore[method-assign]
        try:
            yield
        finally:
            theme.Theme.get_env = _PLAIN_ENV  # type: ignore[method-assign]
            jinja2.FileSystemLoader.list_templates = _PLAIN_LIST  # type: ignore[method-assign]

    def list_templates(self, loader: jinja2.FileSystemLoader) -> list[str]:
        """The loader's templates, as Jinja lists them, but for hidden ones;
        an installed folder (under sys.prefix, where pip puts the theme) is
        listed once.

        MkDocs lists the templates only to find the theme's static files
        (Files.add_files_from_theme), and its filter drops every hidden name
        ('.*', '*/.*'): Material's ten thousand icons, under .icons/, which
        it reads by path. Dropping them here spares the filter's dozen
        patterns on each, for each language."""
        found: set[str] = set()
        for folder in loader.searchpath:
            installed = Path(folder).resolve().is_relative_to(Path(sys.prefix).resolve())
            if installed and folder in self.installed:
                found.update(self.installed[folder])
                continue
            listed = _PLAIN_LIST(jinja2.FileSystemLoader(folder, followlinks=loader.followlinks))
            names = [name for name in listed if not _hidden(name)]
            if installed:
                self.installed[folder] = names
            found.update(names)
        return sorted(found)


def _hidden(name: str) -> bool:
    return name.startswith(".") or "/." in name
