"""From a built page back to the Markdown it was made from, and to a line.

The build's gates (the sanitiser, the privacy gate) tell a problem as
FILE:LINE like `make check` does: the file is the page's source under
docs/ (the Russian one for a Chechen address not translated yet), and the
line the first one holding a clue of what was found; the notes a term
report includes (front matter edit_path) are searched too. What a page
shows from data (its snippets, `--8<--`, or the whole page for a generated
one) is told at the data file's line (render/registry.py MADE_FROM names
the files each is made from), never at the generated text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from common.site_config import LANGS
from common.source_pages import is_generated
from postbuild.sanitise import clue_line
from render.core import GENERATED
from render.registry import made_from

_SNIPPET = re.compile(r'^--8<--\s+"([^":]+)')
_EDIT_PATH = re.compile(r"^edit_path:\s*(\S+)", re.MULTILINE)


class PageSources:
    """The sources of the pages of a site built from `project`."""

    def __init__(self, project: Path) -> None:
        self.project = project

    def source_of(self, page: str) -> Path:
        """The source of a built page given relative to the site
        ("ce/policy/index.html"), relative to the project."""
        parts = page.split("/")
        lang = parts[0] if parts[0] in LANGS[1:] else LANGS[0]
        rest = parts[1:] if lang != LANGS[0] else parts
        if rest[-1] == "404.html":
            return Path("overrides/404.html")
        folder = "/".join(rest[:-1])
        for language in dict.fromkeys([lang, LANGS[0]]):
            for candidate in (f"docs/{language}/{folder}.md", f"docs/{language}/{folder}/index.md"):
                if folder and (self.project / candidate).is_file():
                    return Path(candidate)
            if not folder and (self.project / f"docs/{language}/index.md").is_file():
                return Path(f"docs/{language}/index.md")
        return Path(page)

    def locate(self, page: str, found: Callable[[str], bool]) -> tuple[Path, int]:
        """(file, line) of the first line of the page's source, or of a file
        it includes, that `found` accepts; (source, 1) when none does."""
        return self._first(page, found) or (self._files(self.source_of(page))[0], 1)

    def locate_clues(self, page: str, clues: Iterable[str]) -> tuple[Path, int]:
        """(file, line) of the first of `clues` (in any case) that is written."""
        files = self._files(self.source_of(page))
        for clue in clues:
            for path in files:
                if line := clue_line(self._lines(path), clue):
                    return path, line
        return files[0], 1

    def _first(self, page: str, found: Callable[[str], bool]) -> tuple[Path, int] | None:
        for path in self._files(self.source_of(page)):
            for number, line in enumerate(self._lines(path), start=1):
                if found(line):
                    return path, number
        return None

    def _files(self, source: Path) -> list[Path]:
        """The files a page is made from: its source, unless generated, the
        notes it includes, and, for itself and each generated part it
        includes, the files they are made from (data/…): never the
        generated text, which no one edits."""
        text = "\n".join(self._lines(source))
        files = [source]
        for line in text.splitlines():
            if match := _SNIPPET.match(line.strip()):
                files.append(GENERATED / match[1])
        if match := _EDIT_PATH.search(text):
            files.append(Path(match[1]))
        folder = source.parts[:2]  # ("docs", "ru"): the page's language's pages first
        made = [made_of for path in files for made_of in self._made_from(path, folder)]
        return list(dict.fromkeys(made))

    def _made_from(self, path: Path, folder: tuple[str, ...]) -> list[Path]:
        """`path` itself, or the files a generated one is made from."""
        if not is_generated(path):
            return [path]
        inputs = [
            found.relative_to(self.project)
            for pattern in made_from(path.as_posix())
            for found in sorted(self.project.glob(pattern))
            if found.is_file()
        ]
        inputs.sort(key=lambda found: found.parts[:2] != folder and found.parts[0] == "docs")
        return inputs or [path]

    def _lines(self, path: Path) -> list[str]:
        try:
            return (self.project / path).read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return []
