"""The activity log never loses a row and never changes half-way: one pull
at a time, one file replaced by one rename, a pull stopped at any write
step leaves the old log or the new one, and the pseudonyms' key is checked
before anything is written (issue 12)."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from activity import log as activity_log
from activity import pseudonyms, registries, store
from activity.sources import Rows
from common.site_config import ROOT
from support.stats import (
    HEADER,
    ROWS,
    data_folder,
    log_rows,
    run,
    snapshot,
    write_csv,
)

KNOWN = registries.load(ROOT / "data")


def many_rows(teacher: str, count: int) -> list[list[str]]:
    """`count` different activities of one teacher in the autumn of 2025."""
    return [
        [f"{1 + n % 28:02}.{9 + n // 28 % 3:02}.2025", teacher, "Инфоурок", "Публикация",
         f"Разработка № {n}", ""]
        for n in range(count)
    ]  # fmt: skip


def pulled(data: Path, *sources: Path) -> None:
    for source in sources:
        result = run("pull", source, "--data", data)
        assert result.returncode == 0, result.stdout + result.stderr


# --- One writer at a time -------------------------------------------------------


def test_two_pulls_at_once_keep_every_row_of_both(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    first = write_csv(tmp_path / "a.csv", rows=many_rows("Педагог 01", 4000))
    second = write_csv(tmp_path / "b.csv", rows=many_rows("Педагог 02", 4000))
    command = [sys.executable, str(ROOT / "scripts" / "stats.py"), "pull", "--data", str(data)]
    both = [
        subprocess.Popen([*command, str(source)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for source in (first, second)
    ]
    outcomes = [process.communicate(timeout=300) for process in both]
    assert [process.returncode for process in both] == [0, 0], outcomes
    rows = log_rows(data)[1:]
    assert len(rows) == 8000 == len({tuple(row) for row in rows})
    assert len({row[1] for row in rows}) == 2


def test_a_second_pull_waits_then_refuses_and_can_pull_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = data_folder(tmp_path)
    pulled(data, write_csv(tmp_path / "one.csv", rows=ROWS[:2]))
    before = snapshot(data)
    monkeypatch.setattr(store, "LOCK_WAIT", 0.3)
    source = write_csv(tmp_path / "two.csv", rows=ROWS[2:])
    holding, release = threading.Event(), threading.Event()

    def other_pull() -> None:
        with store.locked(data):
            holding.set()
            release.wait(30)

    other = threading.Thread(target=other_pull)
    other.start()
    assert holding.wait(30)
    try:
        result = run("pull", source, "--data", data)
    finally:
        release.set()
        other.join()
    assert result.returncode == 1
    assert result.stdout == (
        f"{data}: журнал уже меняет другая команда stats.py (ждали 0.3 с): дождитесь, "
        "пока она закончит, и повторите; ничего не сохранено\n"
    )
    assert snapshot(data) == before
    pulled(data, source)
    assert len(log_rows(data)) == 1 + len(ROWS)


# --- One atomic state ---------------------------------------------------------------

# A pull stopped right after each step that writes (store.checkpoint).
STEPS = ("locked", "key", "written", "renamed", "migrated")
KILLED = """
import os, signal, sys
sys.path.insert(0, {scripts!r})
from activity import store
import stats
store.checkpoint = lambda step: os.kill(os.getpid(), signal.SIGKILL) if step == {step!r} else None
sys.exit(stats.main({argv!r}))
"""


def pull_killed_at(step: str, data: Path, source: Path) -> int:
    argv = ["pull", str(source), "--data", str(data)]
    code = KILLED.format(scripts=str(ROOT / "scripts"), step=step, argv=argv)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120).returncode


def old_log(folder: Path, tmp_path: Path) -> None:
    """A log of two files as pulls wrote it before the log was one file."""
    pulled(folder, write_csv(tmp_path / "old.csv", rows=ROWS[:2]))
    _about, *rest = (folder / "activity-log.csv").read_text("utf-8").splitlines(keepends=True)
    (folder / "activity-log.csv").write_text("".join(rest), "utf-8")
    (folder / "activity-log.yml").write_text("example: false\n", "utf-8")


@pytest.mark.parametrize("step", STEPS)
def test_a_pull_stopped_at_any_step_leaves_the_old_log_or_the_new(
    tmp_path: Path, step: str
) -> None:
    source = write_csv(tmp_path / "new.csv", rows=ROWS[2:])
    expected = data_folder(tmp_path / "expected")
    stopped = data_folder(tmp_path / "stopped")
    if step != "key":  # a log from before, in two files; else no log and no key yet
        old_log(expected, tmp_path)
        for name in ("activity-log.csv", "activity-log.yml", ".teacher-key"):
            (stopped / name).write_bytes((expected / name).read_bytes())
            (stopped / name).chmod((expected / name).stat().st_mode)
    old = snapshot(stopped)
    pulled(expected, source)
    new = snapshot(expected)
    assert pull_killed_at(step, stopped, source) == -signal.SIGKILL
    if step == "key":  # the key is random: the new state is the one made with it
        (expected / "activity-log.csv").unlink()
        (expected / ".teacher-key").write_bytes((stopped / ".teacher-key").read_bytes())
        pulled(expected, source)
        new = snapshot(expected)
    after = snapshot(stopped)
    log = after.get("activity-log.csv")
    assert log in (old.get("activity-log.csv"), new["activity-log.csv"])
    if log == old.get("activity-log.csv"):  # the old state whole: its second file too
        assert after.get("activity-log.yml") == old.get("activity-log.yml")
    # Whatever the stop left is cleaned by the next pull, which ends as the
    # uninterrupted one did.
    pulled(stopped, source)
    assert snapshot(stopped) == new
    assert [p.name for p in (stopped / store.WORK).iterdir() if p.suffix == ".tmp"] == []


def test_temporary_files_are_private_and_git_ignores_them(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_bytes((ROOT / ".gitignore").read_bytes())
    data = data_folder(tmp_path)
    source = write_csv(tmp_path / "new.csv")
    assert pull_killed_at("written", data, source) == -signal.SIGKILL
    temporary = list((data / store.WORK).glob("*.tmp"))
    assert len(temporary) == 1 and temporary[0].stat().st_mode & 0o777 == 0o600
    untracked = subprocess.run(
        ["git", "-C", str(tmp_path), "status", "--porcelain", "--untracked-files=all"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert store.WORK not in untracked and ".teacher-key" not in untracked
    assert "data/activity-log.csv" not in untracked  # the stop came before the rename


def test_an_old_log_of_two_files_becomes_one(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    old_log(data, tmp_path)
    rows = log_rows_of_old(data)
    result = run("pull", write_csv(tmp_path / "new.csv", rows=ROWS[2:]), "--data", data)
    assert result.returncode == 0, result.stdout
    assert not (data / "activity-log.yml").exists()
    assert "git add --all" in result.stderr and "activity-log.yml" in result.stderr
    said = activity_log.about(data)
    assert said.example is False and said.key == key_fingerprint(data)
    assert len(log_rows(data)) == len(rows) + 3


def log_rows_of_old(data: Path) -> list[str]:
    return (data / "activity-log.csv").read_text("utf-8").splitlines()


def key_fingerprint(data: Path) -> str:
    return pseudonyms.fingerprint(pseudonyms.read_key(data / ".teacher-key"))


# --- The key ----------------------------------------------------------------------------


def test_a_new_key_is_random_private_and_fingerprinted(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    result = run("pull", write_csv(tmp_path / "one.csv"), "--data", data)
    assert "Создан ключ псевдонимов" in result.stderr
    key = data / ".teacher-key"
    text = key.read_text("ascii")
    assert len(text.strip()) == 64 and int(text, 16)
    assert key.stat().st_mode & 0o777 == 0o600
    said = activity_log.about(data)
    assert (
        said.key == key_fingerprint(data)
        and text.strip() not in (data / "activity-log.csv").read_text()
    )
    shown = run("key", "--data", data)
    assert shown.returncode == 0 and shown.stdout == f"{said.key}\n"
    assert "Это ключ журнала" in shown.stderr


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("", "файл ключа пуст"),
        ("\n  \n", "файл ключа пуст"),
        ("ab" * 16, "ключ из 32 знаков, а нужно 64 (32 байта): файл обрезан или это не тот файл"),
        ("z" * 64, "в файле не ключ (не шестнадцатеричные знаки)"),
        ("ключ", "в файле не ключ (не шестнадцатеричные знаки)"),
    ],
)
def test_a_damaged_key_is_refused_before_anything_is_read(
    tmp_path: Path, content: str, says: str
) -> None:
    data = data_folder(tmp_path)
    key = data / ".teacher-key"
    key.write_text(content, "utf-8")
    before = snapshot(data)
    result = run("pull", write_csv(tmp_path / "one.csv"), "--data", data)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{key}: {says}: скопируйте файл ключа .teacher-key")
    assert len(result.stdout.splitlines()) == 1
    assert snapshot(data) == before


def test_an_unreadable_key_is_refused(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    (data / ".teacher-key").mkdir()
    result = run("pull", write_csv(tmp_path / "one.csv"), "--data", data)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{data / '.teacher-key'}: файл ключа не читается: ")
    assert "это папка, а не файл" in result.stdout


def test_a_key_others_can_read_is_made_private(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    pulled(data, write_csv(tmp_path / "one.csv", rows=ROWS[:1]))
    key = data / ".teacher-key"
    key.chmod(0o644)
    pulled(data, write_csv(tmp_path / "two.csv", rows=ROWS[1:2]))
    assert key.stat().st_mode & 0o777 == 0o600


def test_another_key_is_refused_and_says_how_to_find_the_right_one(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    pulled(data, write_csv(tmp_path / "one.csv", rows=ROWS[:2]))
    right = key_fingerprint(data)
    other = tmp_path / "other-key"
    other.write_text("11" * 32 + "\n")
    (data / ".teacher-key").write_bytes(other.read_bytes())
    before = snapshot(data)
    result = run("pull", write_csv(tmp_path / "two.csv", rows=ROWS[2:]), "--data", data)
    assert result.returncode == 1
    wrong = pseudonyms.fingerprint(bytes.fromhex("11" * 32))
    assert result.stdout == (
        f"{data / '.teacher-key'}: это не ключ журнала: у журнала отпечаток ключа {right}, "
        f"у этого файла {wrong}. Псевдонимы с другим ключом посчитали бы каждого педагога "
        "дважды, поэтому ничего не сохранено. Найдите файл .teacher-key с отпечатком "
        f"{right} на компьютере, где данные загружали раньше (отпечаток файла показывает "
        "stats.py key ФАЙЛ), и укажите его: --key ФАЙЛ\n"
    )
    assert snapshot(data) == before
    checked = run("key", other, "--data", data)
    assert checked.returncode == 1 and checked.stdout == f"{wrong}\n"
    assert f"у журнала отпечаток {right}" in checked.stderr


def test_a_missing_key_of_a_log_that_records_one_is_refused(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    pulled(data, write_csv(tmp_path / "one.csv", rows=ROWS[:2]))
    kept = tmp_path / "saved-key"
    (data / ".teacher-key").rename(kept)
    before = snapshot(data)
    result = run("pull", write_csv(tmp_path / "two.csv", rows=ROWS[2:]), "--data", data)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{data / '.teacher-key'}: файла ключа нет: скопируйте")
    assert "--key ФАЙЛ" in result.stdout
    assert snapshot(data) == before
    again = run("pull", tmp_path / "two.csv", "--data", data, "--key", kept)
    assert again.returncode == 0, again.stdout
    assert not (data / ".teacher-key").exists()  # the key given was used, none made


def test_rekey_makes_every_pseudonym_anew_in_one_change(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    source = write_csv(tmp_path / "one.csv")
    pulled(data, source)
    before = log_rows(data)
    old, new = data / ".teacher-key", tmp_path / "new-key"
    result = run("rekey", "--old", old, "--new", new, source, "--data", data)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Создан новый ключ" in result.stderr and new.stat().st_mode & 0o777 == 0o600
    after = log_rows(data)
    assert [row[0] for row in after] == [row[0] for row in before]
    assert {row[1] for row in after[1:]}.isdisjoint({row[1] for row in before[1:]})
    assert len({row[1] for row in after[1:]}) == len({row[1] for row in before[1:]})
    assert activity_log.about(data).key == pseudonyms.fingerprint(pseudonyms.read_key(new))
    # The old key no longer fits; the new one adds nothing twice.
    assert run("pull", source, "--data", data).returncode == 1
    again = run("pull", source, "--data", data, "--key", new)
    assert again.returncode == 0 and "добавлено 0 новых активностей" in again.stderr


def test_rekey_without_every_name_changes_nothing(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    pulled(data, write_csv(tmp_path / "one.csv"))
    before = snapshot(data)
    some = write_csv(tmp_path / "some.csv", rows=ROWS[:1])
    new = tmp_path / "new-key"
    result = run("rekey", "--old", data / ".teacher-key", "--new", new, some, "--data", data)
    assert result.returncode == 1
    assert result.stdout == (
        f"{data / 'activity-log.csv'}: не для всех псевдонимов журнала нашлись имена в "
        "указанных таблицах (без имени: 2): добавьте таблицы, из которых загружали эти "
        "данные, или список всех педагогов (столбец «ФИО педагога»); журнал не изменён\n"
    )
    assert snapshot(data) == before and not new.exists()


# --- Outputs never overwrite data ----------------------------------------------------


@pytest.mark.parametrize("command", [["pull", "x.csv"], ["summary"], ["key"]])
def test_a_data_folder_that_does_not_exist_is_refused(tmp_path: Path, command) -> None:
    missing = tmp_path / "no-such-folder"
    result = run(*command, "--data", missing)
    assert result.returncode == 1
    assert result.stdout == (
        f"{missing}: такой папки нет: укажите в --data папку журнала (по умолчанию data/ "
        "проекта); новый журнал в другом месте не создаётся\n"
    )
    assert not missing.exists()


# --- The library the intake calls -----------------------------------------------------


def test_pull_takes_rows_in_memory(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    form = Rows("issue #7", [HEADER, ROWS[0], ["30.02.2025", "Педагог 05", "ЭБО", "Статья"]])
    refused = store.pull([form], data, data / ".teacher-key", KNOWN)
    assert [str(p) for p in refused.problems] == [
        "issue #7:3: невозможная дата «30.02.2025»: такого дня нет"
    ]
    assert not refused.stored and snapshot(data) == {}
    done = store.pull([form], data, data / ".teacher-key", KNOWN, partial=True)
    assert done.stored and done.read == 1 and done.new_key
    assert len(log_rows(data)) == 2
    assert [rejected.line for rejected in done.rejected] == [3]


def test_the_key_is_never_written_where_git_sees_it() -> None:
    ignored = subprocess.run(
        ["git", "-C", str(ROOT), "check-ignore", "data/.teacher-key", "data/.stats-work/lock"],
        capture_output=True,
        text=True,
    )
    assert ignored.stdout.split() == ["data/.teacher-key", "data/.stats-work/lock"]


def test_the_shipped_log_is_one_file() -> None:
    assert not (ROOT / "data" / "activity-log.yml").exists()
    said = activity_log.about(ROOT / "data")
    assert said.example is True and not said.legacy
