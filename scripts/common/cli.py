"""How every command ends: the one place where what went wrong becomes
lines for a person and an exit status, never a traceback.

    @command
    def main(argv: list[str] | None = None) -> int: ...

Library code raises Problems (FILE:LINE: message, printed one a line on
standard output, as the checks print them) or Failure (a sentence, or a
heading and its lines, on standard error); a file that cannot be read or
written is an OSError, named with the command and told in Russian
(common/os_errors.py). Files are read through common/textfile.py, which
names a file that is not UTF-8 by line; should a reader miss it, the
UnicodeDecodeError is still one line here, never a traceback. Each gives
exit status 1; Ctrl+C gives 130; usage errors stay argparse's (status 2).
Control characters are printed escaped.

`tell` is that conversion alone, for a command that goes on after an error
(serve.py's preview tells a failed rebuild and keeps serving).
"""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path
from typing import Protocol

from common import os_errors
from common.problem import Problems, printable
from common.textfile import NOT_UTF8


class Main(Protocol):
    """A command's main: its arguments (sys.argv's when None) to an exit status."""

    def __call__(self, argv: list[str] | None = None) -> int: ...


class Failure(Exception):
    """A command cannot do its work; the message says why, for a person."""


# What a command tells a person as lines, never as a traceback.
TOLD = (Problems, Failure, OSError, UnicodeDecodeError)


def tell(err: Problems | Failure | OSError | UnicodeDecodeError, name: str) -> None:
    """Print `err` for a person, as every command of `name` does."""
    if isinstance(err, Problems):
        print(err, flush=True)  # Problem.__str__ escapes each line
        return
    if isinstance(err, Failure):  # our own words: its line breaks are kept
        told = "\n".join(printable(line) for line in str(err).splitlines())
    elif isinstance(err, OSError):  # a file that cannot be read or written, a full disk
        told = printable(os_errors.told(name, err))
    else:  # a reader that did not use common/textfile.py
        told = f"{name}: {NOT_UTF8} (байт 0x{err.object[err.start]:02X})"
    print(told, file=sys.stderr, flush=True)


def command(main: Main) -> Main:
    """`main`, with what it raises told as the house tells it."""

    @functools.wraps(main)
    def run(argv: list[str] | None = None) -> int:
        name = Path(sys.argv[0]).name if argv is None else main.__module__ + ".py"
        try:
            return main(argv)
        except TOLD as err:
            tell(err, name)
            return 1
        except KeyboardInterrupt:
            return 130

    return run


# What makes a folder this kind of project: the tools read nothing else first.
PROJECT_MARKS = ("mkdocs.yml", "docs")


def project_folder(value: str) -> Path:
    """argparse `type` of --project: a folder with mkdocs.yml and docs/, so
    that a command never creates files in, or reports on, another folder."""
    path = Path(value).resolve()
    missing = [name for name in PROJECT_MARKS if not (path / name).exists()]
    if missing:
        raise argparse.ArgumentTypeError(
            printable(f"«{value}» — не папка проекта сайта: в ней нет {' и '.join(missing)}")
        )
    return path
