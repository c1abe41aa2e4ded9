"""What a build keeps between runs, in a folder of this user's own.

    ~/.cache/belgatoy-network/<name>/   (under $XDG_CACHE_HOME when it is set)

Outside the checkout, so that nothing a change commits can stand in for what
the build made; private to the user (0700). Each entry is named by a hash of
everything it is made from, so an entry is either right or not found. A
folder keeps the entries used last; when it cannot be made, nothing is kept.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "belgatoy-network"
# Entries kept per folder: several checkouts' worth of what one build makes.
KEPT = 500


def folder(name: str) -> Path | None:
    """This user's cache folder `name`, made if need be; None when it cannot be."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    try:
        root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
        path = root / APP / name
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # no home, a read-only one
        return None
    return path


def read(path: Path) -> bytes | None:
    """An entry's bytes, marked as used; None when it is not there."""
    try:
        data = path.read_bytes()
        os.utime(path)
    except OSError:
        return None
    return data


def prune(path: Path, kept: int = KEPT) -> None:
    """Remove all but the `kept` entries of the folder used last."""
    try:
        entries = sorted(
            (entry.stat().st_mtime, entry) for entry in path.iterdir() if entry.is_file()
        )
    except OSError:
        return
    for _, entry in entries[: max(len(entries) - kept, 0)]:
        entry.unlink(missing_ok=True)
