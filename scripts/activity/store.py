"""The one way the activity log changes: `pull` (and `rekey`, and `carry`).

    pulled = store.pull(sources, data, key, registries)

One writer at a time: a pull takes an exclusive lock on the data folder
(the filelock package) and waits for another pull up to LOCK_WAIT seconds;
it reads the log only once it holds the lock. The sources are read and
checked before, so a slow download never holds the lock.

One atomic state: the log is one file (activity/log.py), written to a
temporary file in the folder's work place (WORK, git-ignored, private) and
renamed over the old one. A pull stopped at any point leaves the old log or
the new one; what it leaves in WORK is removed by the next pull.

The key: the log records its fingerprint; a pull with another key is
refused before anything is written. A key is made only for a log that has
no pseudonyms and records no key.

`checkpoint(step)` is called after each step that writes: tests stop the
process there (tests/test_stats_safety.py) to see that the log stays whole.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import filelock

from . import log as activity_log
from .columns import HEADER_ROWS, field_of
from .model import Activity, Problem, Problems
from .names import LogNames, Merged, Resolved, Where, resolve
from .pseudonyms import KEY_FILE, Pseudonyms, fingerprint, new_key, read_key
from .registries import Registries, year_id
from .sources import Source, open_table
from .validate import Rejected, Validator
from .values import clean_name, is_pseudonym, restored

WORK = ".stats-work"  # in the data folder: the lock and temporary files
LOCK_WAIT = 60  # seconds a pull waits for another one to finish

checkpoint: Callable[[str], None] = lambda step: None  # noqa: E731 - a test's hook


@dataclass
class Pulled:
    """What a pull did, for the command to tell."""

    problems: list[Problem] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)  # with partial=True
    read: int = 0  # activities read and accepted
    added: int = 0
    total: int = 0  # activities in the log afterwards
    stored: bool = False  # False: nothing was stored (a problem, and not partial)
    changed: bool = False
    replaced_example: bool = False
    new_key: bool = False
    migrated: bool = False  # the old data/activity-log.yml is gone
    merged: list[Merged] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)  # rows skipped, rows repeated
    years: Counter[str] = field(default_factory=Counter)  # activities per school year


def pull(
    sources: Sequence[Source],
    data: Path,
    key: Path,
    registries: Registries,
    *,
    sheet: str | None = None,
    partial: bool = False,
    today: date | None = None,
    wait: float = LOCK_WAIT,
    keep_rejected: Callable[[list[Rejected]], None] | None = None,
) -> Pulled:
    """Check `sources` (paths, addresses or sources.Rows) and add their
    activities to the log in the folder `data`, pseudonymised with the key
    in the file `key`.

    With any problem nothing is stored, unless `partial`: then the rows
    that passed are, and the others come back in `rejected`, given first to
    `keep_rejected` (which writes them down): if that fails, the log stays
    as it was, so no refused row is ever lost. Raises
    Problems when nothing may be done at all: no such folder, a wrong or
    damaged key, a damaged log, another pull holding the log too long.
    """
    refuse_missing(data)
    _check_key(data, key)  # before the sources are read: a wrong key costs no download
    known, log_names = knowledge(data, registries, key)
    validator = Validator(registries, today, known, log_names)
    result = Pulled()
    pulled: list[Activity] = []
    rejected: list[Rejected] | None = [] if partial else None
    for source in sources:
        result.problems.extend(validator.read(source, sheet, into=pulled, rejects=rejected))
    result.problems.extend(validator.finish(into=pulled, rejects=rejected))
    result.notices = validator.notices
    result.rejected = rejected or []
    result.read = len(pulled)
    result.merged = validator.merged_names()
    if partial and result.rejected and keep_rejected is not None:
        keep_rejected(result.rejected)
    if result.problems and (not partial or not pulled):
        return result
    with locked(data, wait):
        log = activity_log.read(data, registries)
        names, result.new_key = _pseudonyms(data, key, log, registries, validator.resolved)
        kept = [] if log.example else log.activities  # real data replaces the example
        merged = activity_log.merge(map(names.apply, kept), map(names.apply, pulled))
        new = activity_log.Log(merged, example=False, key=fingerprint(names.key))
        result.changed, result.migrated = _store(data, new)
    result.stored = True
    result.added = len(merged) - len(kept)
    result.total = len(merged)
    result.replaced_example = log.example
    result.years = Counter(year_id(item.date) for item in merged)
    return result


def rekey(
    data: Path, old: Path, new: Path, names: Sequence[Source], registries: Registries
) -> tuple[int, bool]:
    """Pseudonymise the log in `data` again with the key in `new` (made if
    there is no such file), in one atomic change. `old` must be the log's
    key; `names` are tables with a teacher column (the school's exports or
    a staff list) that name every teacher the log holds a pseudonym of.
    Say how many teachers got a new pseudonym, and whether `new` was made."""
    refuse_missing(data)
    named = {name: (str(source), 0) for source in names for name in _teachers(source)}
    with locked(data, LOCK_WAIT):
        log = activity_log.read(data, registries)
        before = Pseudonyms(read_key(old), registries)
        _refuse_other_key(data, old, log.key, fingerprint(before.key))
        hidden = {item.teacher for item in log.activities if is_pseudonym(item.teacher)}
        consented = {name: (CONSENT, 0) for name in registries.consented.values()}
        resolved = resolve(named, consented, LogNames(hidden, before))
        teachers = {
            identity for identity in resolved.identity.values() if not is_pseudonym(identity)
        }
        # pseudonym before → the teacher's key
        known = {before.pseudonym(key): key for key in teachers} | resolved.renamed
        if unknown := hidden - known.keys():
            raise Problems(
                [
                    Problem(
                        str(data / activity_log.LOG),
                        0,
                        "не для всех псевдонимов журнала нашлись имена в указанных таблицах "
                        f"(без имени: {len(unknown)}): добавьте таблицы, из которых загружали "
                        "эти данные, "
                        "или список всех педагогов (столбец «ФИО педагога»); журнал не изменён",
                    )
                ]
            )
        made = not new.exists()
        after = Pseudonyms(new_key(new, _work(data)) if made else read_key(new), registries)
        mapping = {pseudonym: after.pseudonym(key) for pseudonym, key in known.items()}
        activities = [
            _renamed(item, mapping) if is_pseudonym(item.teacher) else item
            for item in log.activities
        ]
        _store(data, activity_log.Log(sorted(activities), log.example, fingerprint(after.key)))
    return len(hidden), made


def carry(
    data: Path,
    rows: Sequence[Activity],
    key: str | None,
    registries: Registries,
    wait: float = LOCK_WAIT,
) -> bool:
    """Add `rows`, already as a log keeps them (from another copy of the log:
    a branch of the intake pull request), to the log in `data`, under the
    lock and by one rename; say whether it changed. `key` is the fingerprint
    of the key their pseudonyms were made with: a log of another key is
    refused, for its pseudonyms would count every teacher twice."""
    refuse_missing(data)
    if not rows:
        return False
    with locked(data, wait):
        log = activity_log.read(data, registries)
        if log.key and key and log.key != key:
            raise Problems(
                [
                    Problem(
                        str(data / activity_log.LOG),
                        0,
                        f"псевдонимы добавляемых строк сделаны другим ключом ({key}), чем "
                        f"псевдонимы журнала ({log.key}): журнал переделан с новым ключом "
                        "(stats.py rekey); эти строки нужно загрузить заново из источника",
                    )
                ]
            )
        kept = [] if log.example else log.activities
        merged = activity_log.merge(kept, rows)
        changed, _ = _store(data, activity_log.Log(merged, example=False, key=log.key or key))
    return changed


@contextmanager
def locked(data: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold the data folder's lock; its work place is cleaned first, for
    whatever a stopped pull left there is stale now."""
    work = _work(data)
    lock = filelock.FileLock(work / "lock", timeout=wait)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise Problems(
            [
                Problem(
                    str(data),
                    0,
                    f"журнал уже меняет другая команда stats.py (ждали {wait:g} с): дождитесь, "
                    "пока она закончит, и повторите; ничего не сохранено",
                )
            ]
        ) from None
    try:
        for stale in work.glob("*.tmp"):
            stale.unlink(missing_ok=True)
        checkpoint("locked")
        yield
    finally:
        lock.release()


def _work(data: Path) -> Path:
    """The folder's private work place, which git ignores wherever it is."""
    work = data / WORK
    work.mkdir(mode=0o700, exist_ok=True)
    ignore = work / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Made by scripts/stats.py: its lock and temporary files.\n*\n")
    return work


def _store(data: Path, log: activity_log.Log) -> tuple[bool, bool]:
    """Replace the log in `data` by `log` with one rename; say whether it
    changed, and whether the old data/activity-log.yml was removed."""
    path = data / activity_log.LOG
    content = activity_log.to_bytes(log)
    legacy = data / activity_log.LEGACY_META
    if path.exists() and path.read_bytes() == content:
        changed = False
    else:
        fd, temporary = tempfile.mkstemp(dir=_work(data), prefix="log-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(content)
                file.flush()
                os.fsync(file.fileno())
            checkpoint("written")
            os.chmod(temporary, 0o644)  # the log is public, as the repository is
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _sync_folder(data)
        checkpoint("renamed")
        changed = True
    if legacy.exists():  # the log says it all now
        legacy.unlink()
        checkpoint("migrated")
        return True, True
    return changed, False


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` survive a power cut (where the system can)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def refuse_missing(data: Path) -> None:
    """Raise Problems unless `data` is a folder: a typo never starts a new log."""
    if not data.is_dir():
        what = "это не папка" if data.exists() else "такой папки нет"
        raise Problems(
            [
                Problem(
                    str(data),
                    0,
                    f"{what}: укажите в --data папку журнала (по умолчанию data/ проекта); "
                    "новый журнал в другом месте не создаётся",
                )
            ]
        )


def _check_key(data: Path, key: Path) -> None:
    """Refuse a key that cannot be the log's, without the lock: the pull
    checks again once it holds it."""
    said = activity_log.about(data)
    if said.key or key.exists():
        _refuse_other_key(data, key, said.key, fingerprint(read_key(key)))


def _pseudonyms(
    data: Path, key: Path, log: activity_log.Log, registries: Registries, resolved: Resolved
) -> tuple[Pseudonyms, bool]:
    """The pseudonyms of the log's key; a new key only for a log that has
    neither pseudonyms nor a key recorded. Say whether the key is new."""
    if key.exists() or log.key:
        secret = read_key(key)
        _refuse_other_key(data, key, log.key, fingerprint(secret))
        return Pseudonyms(secret, registries, resolved), False
    if not log.example and any(is_pseudonym(item.teacher) for item in log.activities):
        raise Problems(
            [
                Problem(
                    str(key),
                    0,
                    "файла ключа нет, а псевдонимы в журнале сделаны с ключом: скопируйте "
                    f"файл {KEY_FILE} с компьютера, на котором данные загружали раньше "
                    "(в репозиторий он не попадает)",
                )
            ]
        )
    secret = new_key(key, _work(data))
    checkpoint("key")
    return Pseudonyms(secret, registries, resolved), True


def _refuse_other_key(data: Path, key: Path, recorded: str | None, actual: str) -> None:
    if recorded is None or recorded == actual:
        return
    raise Problems(
        [
            Problem(
                str(key),
                0,
                f"это не ключ журнала: у журнала отпечаток ключа {recorded}, у этого файла "
                f"{actual}. Псевдонимы с другим ключом посчитали бы каждого педагога дважды, "
                f"поэтому ничего не сохранено. Найдите файл {KEY_FILE} с отпечатком {recorded} "
                "на компьютере, где данные загружали раньше (отпечаток файла показывает "
                "stats.py key ФАЙЛ), и укажите его: --key ФАЙЛ",
            )
        ]
    )


CONSENT = "data/consent.yml"


def knowledge(
    data: Path, registries: Registries, key: Path | None
) -> tuple[dict[str, Where], LogNames | None]:
    """The names known besides the sources: data/consent.yml's and those the
    log keeps; and the log's pseudonyms with the key's hasher, when `key` is
    the log's key."""
    known = {name: (CONSENT, 0) for name in registries.consented.values()}
    if activity_log.about(data).example or not (data / activity_log.LOG).exists():
        return known, None  # the invented example names nobody
    log = activity_log.read(data, registries)
    shown = str(data / activity_log.LOG)
    for item in log.activities:
        if not is_pseudonym(item.teacher):
            known.setdefault(item.teacher, (shown, 0))
    hidden = {item.teacher for item in log.activities if is_pseudonym(item.teacher)}
    if not hidden or key is None or not key.exists():
        return known, None
    hasher = Pseudonyms(read_key(key), registries)
    if log.key and fingerprint(hasher.key) != log.key:
        return known, None
    return known, LogNames(hidden, hasher)


def _teachers(source: Source) -> Iterator[str]:
    """The names in the teacher column of a table: the first of its first
    rows that has one is its header."""
    with open_table(source) as table:
        column = -1
        for number, row in enumerate(table.rows):
            if column < 0:
                column = next((i for i, cell in enumerate(row) if field_of(cell) == "teacher"), -1)
                if column < 0 and number + 1 >= HEADER_ROWS:
                    raise Problems(
                        [Problem(str(source), 0, "нет столбца «ФИО педагога» в первых строках")]
                    )
                continue
            if column < len(row) and (name := clean_name(restored(str(row[column])))):
                yield name


def _renamed(item: Activity, mapping: dict[str, str]) -> Activity:
    return replace(item, teacher=mapping[item.teacher])
