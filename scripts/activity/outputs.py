"""Where `stats.py` may write a file: exports, the list of refused rows, the
reply to a report issue, a new pseudonym key.

What stats.py writes is for the coordinator or the district office, never
for the repository, which is public: refused rows hold teachers' names
(152-FZ), a key undoes the pseudonyms. So a file goes outside the checkout
or to a place inside it that git ignores (exports/), and never into a
folder the site is built from or git keeps its own files in (PROTECTED),
even one git ignores (site/ is published as it is), nor into the log's
folder. A key is the one file that lives in data/, where git ignores it.

`refused(...)` says why a path may not be written, in Russian, or None.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .model import Problem, Problems

EXPORTS = "exports"  # inside the checkout, git-ignored: exports and refused rows
# Folders of the checkout a file of stats.py never goes into: the site's
# sources, its build, the data, git's own.
PROTECTED = ("docs", "overrides", "site", "data", ".git")


def refuse(path: Path, root: Path, data: Path, *, suffix: str | None = None) -> None:
    """Raise Problems (`path`: why) if stats.py may not write `path`."""
    if why := refused(path, root, data, suffix=suffix):
        raise Problems([Problem(str(path), 0, why)])


def refused(
    path: Path, root: Path, data: Path, *, suffix: str | None = None, key: bool = False
) -> str | None:
    """Why stats.py may not write `path`, or None.

    `suffix` (".xlsx") is the one its name must end with; `key`: the file is
    a pseudonym key, which may live in data/ as long as git ignores it."""
    example = f"{EXPORTS}/{path.name}" if path.name else f"{EXPORTS}/файл{suffix or ''}"
    why = _misplaced(path, root, data, example, key)
    if why is None and suffix and path.suffix.lower() != suffix:
        written = f"расширение «{path.suffix}»" if path.suffix else "нет расширения"
        why = (
            f"у имени файла {written}, а формат {suffix[1:]}: назовите файл "
            f"{path.stem or 'выгрузка'}{suffix} (или выберите другой --format)"
        )
    return why


def _misplaced(path: Path, root: Path, data: Path, example: str, key: bool) -> str | None:
    if path.is_dir():
        return f"это папка, а не файл: укажите имя файла, например {example}"
    target = path.resolve()
    folders = set() if key else {data.resolve(), (root / "data").resolve()}
    for folder in folders:
        if target == folder or folder in target.parents:
            return (
                f"в папке {folder} хранится журнал: сюда stats.py файлы не пишет; "
                f"укажите, например, {example}"
            )
    checkout = root.resolve()
    git = _git_folders(checkout)
    if any(target == folder or folder in target.parents for folder in git):
        return f"это служебная папка git: укажите, например, {example}"
    if checkout not in target.parents:
        return None
    inside = target.relative_to(checkout).parts
    if not inside:
        return f"это папка проекта, а не файл: укажите, например, {example}"
    if ".git" in inside or (inside[0] in PROTECTED and not (key and inside[0] == "data")):
        return (
            f"папка {inside[0]}/ — часть сайта или репозитория, и то, что в неё попало, "
            f"может быть опубликовано: укажите, например, {example} или файл вне проекта"
        )
    if not _ignored(target, checkout):
        return (
            "git не исключает этот файл (.gitignore): его легко по ошибке добавить в "
            f"репозиторий, а он открыт всем. Укажите, например, {example} или файл вне проекта"
        )
    return None


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


def _git(checkout: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(
            ["git", "-C", str(checkout), *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):  # no git here
        return None
