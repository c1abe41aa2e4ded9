"""How every command ends: the one place where what went wrong becomes
lines for a person and an exit status, never a traceback.

    @command
    def main(argv: list[str] | None = None) -> int: ...

Library code raises Problems (FILE:LINE: message, printed one a line on
standard output, as the checks print them) or Failure (a sentence on
standard error); a file that cannot be read or written is an OSError,
named with the command and told in Russian (common/os_errors.py). Each
gives exit status 1; Ctrl+C gives 130; usage errors stay argparse's
(status 2). Control characters are printed escaped.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Protocol

from common.os_errors import told
from common.problem import Problems, printable


class Main(Protocol):
    """A command's main: its arguments (sys.argv's when None) to an exit status."""

    def __call__(self, argv: list[str] | None = None) -> int: ...


class Failure(Exception):
    """A command cannot do its work; the message says why, for a person."""


def command(main: Main) -> Main:
    """`main`, with what it raises told as the house tells it."""

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
            print(printable(told(name, err)), file=sys.stderr, flush=True)
            return 1
        except KeyboardInterrupt:
            return 130

    return run
