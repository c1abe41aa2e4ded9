"""Running the commands of scripts/ as a person runs them.

run_main     main(argv) in this process, its output captured: fast, and the
             command's one error conversion point is what is tested;
run_program  the command as its own program: once per command, for the
             promise that nothing a person types prints a traceback.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from common.site_config import ROOT


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


def run_main(main: Callable[..., int], *args: str | Path, cwd: Path | None = None) -> Ran:
    """`main(args)` in this process, from `cwd`; usage errors exit with 2."""
    out, err = io.StringIO(), io.StringIO()
    before = Path.cwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main([str(arg) for arg in args])
            except SystemExit as exit:  # argparse's usage errors
                code = exit.code if isinstance(exit.code, int) else 1
    finally:
        os.chdir(before)
    ran = Ran(code, out.getvalue(), err.getvalue())
    assert "Traceback" not in ran.stdout + ran.stderr
    return ran


def run_program(
    script: str, *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> Ran:
    """scripts/`script` in its own process (with `env` added to the
    environment); it never prints a traceback."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=os.environ | (env or {}),
        timeout=600,
    )
    assert "Traceback" not in result.stdout + result.stderr
    return Ran(result.returncode, result.stdout, result.stderr)
