"""Work done side by side in forked processes, told as if done in this one.

    cores()            how many processors this process may run on
    Forked(work, name) `work()` run in a child process forked now (`name`
                       says what it does, for a person);
    .result()          its value, or the very exception it raised
    portable(err)      an exception kept to be raised later, anywhere

A child starts as a copy of this process (modules imported, data parsed),
so it needs nothing sent to it; what it returns or raises comes back
pickled through a pipe. An exception is raised again here as itself, so the
one conversion point of a command (common/cli.py) tells it as it tells its
own: Problems as FILE:LINE lines, an OSError in Russian, exit status 1. A
child that ends without a word (killed, out of memory) is a Failure naming
its work and its exit status, in Russian (data/words.yml, messages). A
program error keeps the child's traceback as a note.

Used only where this process runs no threads of its own work (the site
build; not the preview's server).
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

from common.cli import TOLD, Failure
from common.words import message

T = TypeVar("T")


def cores() -> int:
    """The processors this process may run on (taskset and containers
    limit them), at least 1."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class Forked(Generic[T]):
    """`work()` running in a forked child; `result()` waits for it."""

    def __init__(self, work: Callable[[], T], name: str) -> None:
        self.name = name
        read, write = os.pipe()
        # Nothing buffered here is written twice, by the child too.
        sys.stdout.flush()
        sys.stderr.flush()
        # The child's garbage collector leaves alone what it starts with: it
        # would otherwise read (and so copy) every page of it.
        gc.freeze()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns to the caller's code
            os.close(read)
            _run_and_exit(work, write)
        gc.unfreeze()
        os.close(write)
        self._read: int | None = read

    def result(self) -> T:
        """What `work()` returned; what it raised is raised here."""
        data = self._collect()
        if not data:
            raise Failure(message("process_lost", work=self.name, how=self._status))
        outcome, value = pickle.loads(data)
        if outcome == "raised":
            raise value
        result: T = value
        return result

    def stop(self) -> None:
        """End the child at once (its result is no longer wanted)."""
        if self._read is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self._collect()

    def _collect(self) -> bytes:
        if self._read is None:
            return b""
        chunks = []
        with os.fdopen(self._read, "rb") as pipe:
            self._read = None
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
        _, status = os.waitpid(self.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code < 0:
            self._status = message("process_signal", signal=-code)
        else:
            self._status = message("process_exit", code=code)
        return b"".join(chunks)


def _run_and_exit(work: Callable[[], object], write: int) -> None:
    """In the child: run `work`, send its outcome, and exit without running
    anything of the parent's (no atexit handlers, no buffered output)."""
    code = 0
    try:
        try:
            outcome = pickle.dumps(("returned", work()))
        except KeyboardInterrupt:
            code = 130
            outcome = b""
        except BaseException as err:  # sent to the parent, which raises it
            outcome = pickle.dumps(("raised", portable(err)))
        with os.fdopen(write, "wb") as pipe:
            pipe.write(outcome)
    finally:
        os._exit(code)


def portable(err: BaseException) -> BaseException:
    """`err`, kept to be raised later, maybe in another process: as itself
    when it can be pickled and made again, else a Failure with its text; a
    program error with its traceback as a note, which pickling leaves out."""
    told = "" if isinstance(err, TOLD) else "".join(traceback.format_exception(err))
    try:
        pickle.loads(pickle.dumps(err))
    except Exception:
        err = Failure(f"{type(err).__name__}: {err}")
    if told:
        err.add_note(told)
    return err
