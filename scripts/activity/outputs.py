"""Where `stats.py` may write a file: exports, the list of refused rows, the
reply to a report issue, a new pseudonym key.

What stats.py writes is for the coordinator or the district office, never
for the repository, which is public: refused rows hold teachers' names
(152-FZ), a key undoes the pseudonyms. So a file goes outside every git
checkout, or to a place inside one that git ignores (exports/), and never
into a folder the site is built from or git keeps its own files in
(PROTECTED), even one git ignores (site/ is published as it is), nor into
the log's folder. A key is the one file that lives in data/, where git
ignores it. The same holds in any checkout, this one or another (a second
worktree of the project, another repository).

    refused(path, root, data, Wanted(".xlsx", "2025-26-q1.xlsx", "--format"))
        → why `path` may not be written, in Russian, or None
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from .model import Problem, Problems

EXPORTS = "exports"  # inside the checkout, git-ignored: exports and refused rows
# Folders of a checkout a file of stats.py never goes into: the site's
# sources, its build, the data, git's own.
PROTECTED = ("docs", "overrides", "site", "data", ".git")


@dataclass(frozen=True)
class Wanted:
    """What a file must be: its extension (".csv", or "" for any), the name
    an example gives when the path names none, and the option that chooses
    the format, if there is one."""

    suffix: str = ""
    name: str = "файл"
    option: str | None = None


def refuse(path: Path, root: Path, data: Path, wanted: Wanted) -> None:
    """Raise Problems (`path`: why) if stats.py may not write `path`."""
    if why := refused(path, root, data, wanted):
        raise Problems([Problem(str(path), 0, why)])


def refused(path: Path, root: Path, data: Path, wanted: Wanted, *, key: bool = False) -> str | None:
    """Why stats.py may not write `path`, or None; `key`: the file is a
    pseudonym key, which may live in data/ as long as git ignores it."""
    folder = _is_folder(path, root)
    named = path.name and not folder and path.name not in (".", "..")
    stem = Path(path.name).stem if named else Path(wanted.name).stem
    example = f"{EXPORTS}/{stem}{wanted.suffix or Path(wanted.name).suffix}"
    if folder:
        return f"это папка, а не файл: укажите имя файла, например {example}"
    why = _misplaced(path, root, data, example, key)
    if why is None and wanted.suffix and path.suffix.lower() != wanted.suffix:
        written = f"расширение «{path.suffix}»" if path.suffix else "нет расширения"
        how = f"назовите файл {path.stem or stem}{wanted.suffix}"
        if wanted.option:
            how += f" (или выберите другой {wanted.option})"
        why = f"у имени файла {written}, а записывается {wanted.suffix[1:].upper()}: {how}"
    return why


def _is_folder(path: Path, root: Path) -> bool:
    """Whether `path` names a folder: one that exists, or the exports folder,
    which a fresh checkout has not made yet."""
    return path.is_dir() or path.resolve() == (root / EXPORTS).resolve()


def _misplaced(path: Path, root: Path, data: Path, example: str, key: bool) -> str | None:
    instead = f"укажите, например, {example} или файл вне проекта"
    target = path.resolve()
    folders = set() if key else {data.resolve(), (root / "data").resolve()}
    for folder in folders:
        if target == folder or folder in target.parents:
            return f"в папке {folder} хранится журнал: сюда stats.py файлы не пишет; {instead}"
    checkout = _checkout_of(target) or root.resolve()
    git = _git_folders(root.resolve()) | _git_folders(checkout)
    if ".git" in target.parts or any(
        target == folder or folder in target.parents for folder in git
    ):
        return f"это служебная папка git: {instead}"
    if file := next((p for p in path.parents if p.exists() and not p.is_dir()), None):
        return f"{file} — файл, а не папка: в пути к файлу все части, кроме последней, — папки"
    if checkout not in target.parents:
        return None  # outside every checkout
    inside = target.relative_to(checkout).parts
    if inside[0] in PROTECTED and not (key and inside[0] == "data"):
        return (
            f"папка {inside[0]}/ — часть сайта или репозитория, и то, что в неё попало, "
            f"может быть опубликовано: {instead}"
        )
    if not _ignored(target, checkout):
        return (
            "git не исключает этот файл (.gitignore): его легко по ошибке добавить в "
            f"репозиторий, а он открыт всем. {instead[0].upper()}{instead[1:]}"
        )
    return None


def _checkout_of(target: Path) -> Path | None:
    """The git work tree `target` would be written in, if any: found from
    the nearest folder of its path that exists."""
    folder = next((parent for parent in target.parents if parent.is_dir()), None)
    found = _git(folder, "rev-parse", "--show-toplevel") if folder else None
    if found is None or found.returncode != 0 or not found.stdout.strip():
        return None
    return Path(found.stdout.strip()).resolve()


def _git_folders(checkout: Path) -> set[Path]:
    """Where git keeps this checkout's own files (for a worktree, outside it)."""
    found = _git(checkout, "rev-parse", "--absolute-git-dir", "--git-common-dir")
    if found is None or found.returncode != 0:
        return {checkout / ".git"}
    return {checkout / ".git"} | {
        (checkout / line).resolve() for line in found.stdout.splitlines() if line
    }


def _ignored(target: Path, checkout: Path) -> bool:
    """Whether git ignores `target`; without git, only exports/ counts as ignored."""
    found = _git(checkout, "check-ignore", "-q", "--", str(target))
    if found is None or found.returncode not in (0, 1):
        return (checkout / EXPORTS) in target.parents
    return found.returncode == 0


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):  # no git here
        return None
