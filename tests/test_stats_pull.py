"""pull: merges, normalises, deduplicates, writes atomically; on any problem
it changes nothing; names are kept only with consent."""

from __future__ import annotations

import datetime
import shutil
from dataclasses import replace
from pathlib import Path

from activity.log import about
from common.site_config import ROOT
from support.stats import ROWS, data_folder, log_rows, run, snapshot, write_csv, write_xlsx


def test_pull_twice_changes_nothing(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "export.csv")
    data = data_folder(tmp_path)
    assert run("pull", source, "--data", data).returncode == 0
    first = snapshot(data)
    again = run("pull", source, "--data", data)
    assert again.returncode == 0
    assert "добавлено 0 новых активностей" in again.stderr and "журнал не изменился" in again.stderr
    assert "Что дальше" not in again.stderr  # nothing to commit
    assert snapshot(data) == first


def test_a_pseudonym_of_digits_is_not_taken_for_a_phone(tmp_path: Path) -> None:
    """One pseudonym in about a hundred has ten decimal digits, like a phone."""
    data = data_folder(tmp_path)
    assert (
        run("pull", write_csv(tmp_path / "one.csv", rows=ROWS[:1]), "--data", data).returncode == 0
    )
    log = data / "activity-log.csv"
    about, header, row = log.read_text("utf-8").splitlines()
    fields = row.split(",")
    fields[1] = "педагог-8912345678"
    log.write_text(f"{about}\n{header}\n{','.join(fields)}\n", "utf-8")
    result = run("pull", write_csv(tmp_path / "two.csv", rows=ROWS[1:2]), "--data", data)
    assert result.returncode == 0, result.stdout
    assert [r[1] for r in log_rows(data)[1:]].count("педагог-8912345678") == 1


def test_the_same_activity_from_csv_then_xlsx_is_stored_once(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    assert run("pull", write_csv(tmp_path / "export.csv"), "--data", data).returncode == 0
    before = log_rows(data)
    # The first two rows again, as another export spells them.
    rows = [
        [datetime.date(2025, 9, 1), "ПЕДАГОГ 01", "infourok.ru", "публикация", "Разработка  урока"],
        [datetime.date(2025, 9, 2), "Педагог 02", "Урок РФ", "онлайн урок", "Урок о дробях"],
    ]
    rows[1].append("https://урок.рф/x")
    rows[0].append("")
    source = write_xlsx(tmp_path / "export.xlsx", rows)
    result = run("pull", source, "--data", data)
    assert result.returncode == 0, result.stdout
    assert log_rows(data) == before
    assert len(before) == 1 + len(ROWS)


def test_a_failed_pull_leaves_the_data_byte_identical(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    assert (
        run("pull", write_csv(tmp_path / "one.csv", rows=ROWS[:2]), "--data", data).returncode == 0
    )
    before = snapshot(data)
    good = write_csv(tmp_path / "good.csv", rows=ROWS[2:])
    bad = write_csv(tmp_path / "bad.csv", rows=[["30.02.2026", "П", "Сферум", "Вебинар", "", ""]])
    result = run("pull", good, bad, "--data", data)
    assert result.returncode == 1
    assert result.stdout == f"{bad}:2: невозможная дата «30.02.2026»: такого дня нет\n"
    assert "ничего не сохранено" in result.stderr
    assert snapshot(data) == before
    # The good source alone goes in.
    assert run("pull", good, "--data", data).returncode == 0
    assert len(log_rows(data)) == 1 + len(ROWS)


def test_real_data_replaces_the_example(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    shutil.copy2(ROOT / "data" / "activity-log.csv", data / "activity-log.csv")
    assert about(data).example is True
    result = run("pull", write_csv(tmp_path / "export.csv"), "--data", data)
    assert result.returncode == 0
    assert "Пример журнала заменён" in result.stderr
    assert len(log_rows(data)) == 1 + len(ROWS)
    assert about(data).example is False


def test_no_name_reaches_the_log_and_the_key_stays_private(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    result = run("pull", write_csv(tmp_path / "export.csv"), "--data", data)
    assert "Создан ключ псевдонимов" in result.stderr
    text = (data / "activity-log.csv").read_text("utf-8")
    assert "Педагог" not in text and "педагог 0" not in text
    key = data / ".teacher-key"
    assert key.stat().st_mode & 0o077 == 0
    assert ".teacher-key" in (ROOT / ".gitignore").read_text("utf-8")


def test_pseudonyms_need_their_key(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    assert (
        run("pull", write_csv(tmp_path / "one.csv", rows=ROWS[:2]), "--data", data).returncode == 0
    )
    (data / ".teacher-key").unlink()
    before = snapshot(data)
    result = run("pull", write_csv(tmp_path / "two.csv", rows=ROWS[2:]), "--data", data)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{data / '.teacher-key'}: файла ключа нет")
    assert snapshot(data) == before


def test_a_consenting_teacher_is_kept_by_name(tmp_path: Path) -> None:
    from activity import registries
    from activity.model import Activity
    from activity.pseudonyms import Pseudonyms

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    key = b"k" * 32
    before = Pseudonyms(key, registries.load(data))
    item = Activity(datetime.date(2025, 9, 1), "sferum", "webinar", "Учитель  Ёлкина")
    hidden = before.apply(item)
    assert hidden.teacher.startswith("педагог-")
    (data / "consent.yml").write_text(
        "- name: Учитель Ёлкина\n  since: 2025-09-01\n  kept: папка согласий\n", "utf-8"
    )
    after = Pseudonyms(key, registries.load(data))
    # Named as data/consent.yml writes the name, however the sheet spells it.
    assert after.apply(item).teacher == "Учитель Ёлкина"
    assert after.apply(replace(item, teacher="учитель\u200b Е.")).teacher == "Учитель Ёлкина"
    # Pulled before the consent, named after it.
    assert after.apply(hidden).teacher == "Учитель Ёлкина"
