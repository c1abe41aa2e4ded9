"""Read a file people write (a page under docs/, a data file) as text, or say
in one line why it cannot be read.

Every reader of a docs or data file goes through `read` (YAML through
common/yamldata.py, which uses it), so that a file saved in Windows-1251 by
a Windows editor, cut short or too large is one `FILE:LINE: problem` line,
never a traceback. The problems are told in Russian: the coordinator and the
teachers edit these files. A UTF-8 byte-order mark (Notepad's «UTF-8 with
BOM») is dropped, as MkDocs drops it.
"""

from __future__ import annotations

from pathlib import Path

from common.os_errors import reason
from common.problem import Problem, Problems

# A page or a data file people write is a few dozen kilobytes; far more is a
# mistake (a pasted export) that would slow every check and the build.
MAX_BYTES = 4_000_000
NOT_UTF8 = "файл не в кодировке UTF-8: сохраните его как UTF-8"
_BOM = "\ufeff"


def shown(path: Path) -> str:
    """`path` as a person typed it: relative to where the command runs."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read(path: Path, name: str | None = None, *, limit: int = MAX_BYTES) -> str:
    """The text of `path` (named `name` in problems, else as shown()); raise
    Problems when it cannot be read, is larger than `limit` bytes or is not
    UTF-8."""
    try:
        with path.open("rb") as file:
            raw = file.read(limit + 1)
    except OSError as err:
        told = f"не удаётся прочитать файл: {reason(err)}"
        raise Problems([Problem(name or shown(path), 1, told)]) from None
    if len(raw) > limit:
        told = f"файл больше {_size(limit)}: сократите его"
        raise Problems([Problem(name or shown(path), 1, told)])
    try:
        return decode(raw, name or "")
    except Problems:  # named as a person typed it only now: shown() asks the disk
        return decode(raw, name or shown(path))


def decode(raw: bytes, name: str) -> str:
    """`raw` as UTF-8 text; raise Problems naming the line of the first byte
    that is not UTF-8."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise Problems([Problem(name, line, NOT_UTF8)]) from None
    return text.removeprefix(_BOM)


def _size(limit: int) -> str:
    """1 000 000 → «1 МБ», 100 000 → «100 КБ»."""
    return f"{limit // 1_000_000} МБ" if limit >= 1_000_000 else f"{limit // 1000} КБ"
