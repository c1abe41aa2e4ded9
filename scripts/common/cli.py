"""How every command ends: the one place where what went wrong becomes
lines for a person and an exit status, never a traceback.

    @command
    def main(argv: list[str] | None = None) -> int: ...

    @command(os_error=os_errors.told)    # OSError told in the command's own words

Library code raises Problems (FILE:LINE: message, printed one a line on
standard output, as the checks print them) or Failure (a sentence on
standard error); a file that cannot be read or written is an OSError,
named with the command (`os_error` words it: common/os_errors.py says it
in Russian). Each gives exit status 1; Ctrl+C gives 130; usage
errors stay argparse's (status 2). Control characters are printed escaped.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, overload

from common.problem import Problems, printable


class Main(Protocol):
    """A command's main: its arguments (sys.argv's when None) to an exit status."""

    def __call__(self, argv: list[str] | None = None) -> int: ...


class Failure(Exception):
    """A command cannot do its work; the message says why, for a person."""


OsErrorWords = Callable[[str, OSError], str]  # the program's name and the error → a line


def _as_raised(program: str, err: OSError) -> str:
    return f"{program}: {err}"


@overload
def command(main: Main) -> Main: ...
@overload
def command(*, os_error: OsErrorWords) -> Callable[[Main], Main]: ...
def command(
    main: Main | None = None, *, os_error: OsErrorWords = _as_raised
) -> Main | Callable[[Main], Main]:
    """`main`, with what it raises told as the house tells it; `os_error`
    words a file that cannot be read or written."""
    if main is None:
        return functools.partial(_wrapped, os_error=os_error)
    return _wrapped(main, os_error)


def _wrapped(main: Main, os_error: OsErrorWords) -> Main:
    @functools.wraps(main)
    def run(argv: list[str] | None = None) -> int:
        name = Path(sys.argv[0]).name if argv is None else main.__module__ + ".py"
        try:
            return main(argv)
        except Problems as err:
            print(err, flush=True)
            return 1
        except Failure as err:
            print(printable(str(err)), file=sys.stderr, flush=True)
            return 1
        except OSError as err:  # a file that cannot be read or written, a full disk
            print(printable(os_error(name, err)), file=sys.stderr, flush=True)
            return 1
        except KeyboardInterrupt:
            return 130

    return run
