"""The spreadsheets schools really keep: a title above the header, a «№»
column, one teacher spelled five ways; a partial pull that keeps the good
rows and hands back the bad ones; and every word of stats.py in Russian."""

from __future__ import annotations

import csv
import datetime
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from activity.names import resolve
from activity.values import clean_name, mixed_letter, teacher_key
from support.stats import (
    ENGLISH,
    HEADER,
    csv_bytes,
    data_folder,
    log_rows,
    run,
    snapshot,
    write_csv,
    write_xlsx,
)

# As a school keeps it: a title, the date it was made, an empty row, then
# the header with a «№» column first.
ABOVE = [
    ["Учёт участия педагогов МБОУ «СОШ с. Белгатой» в сетевых мероприятиях"],
    ["", "", "", "Составлено: 10.11.2025"],
    [],
]
SCHOOL_HEADER = ["№", *HEADER]
SCHOOL_ROWS = [
    ["1", "01.09.2025", "Абдулаева Марха Висхановна", "Инфоурок", "Публикация", "Урок", ""],
    ["2", "05.09.2025", "Абдулаева М. В.", "Сферум", "Вебинар", "", ""],
    ["3", "28.10.2025", "абдулаева  м.в.", "Просвещение", "КПК", "", ""],
    ["4", "03.11.2025", "АБДУЛАЕВА\u200b М.\u200fВ.", "Урок.РФ", "Онлайн-урок", "", ""],
    ["5", "06.11.2025", "М. В. Абдулаёва", "ЭБО", "Конкурс", "", ""],
    ["6", "07.11.2025", "Абдулаев Магомед Ахмедович", "Инфоурок", "Курсы", "", ""],
    ["", "", "", "", "", "", ""],
    ["Итого: 6", "", "", "", "", "", ""],
]


def teachers_counted(data: Path) -> int:
    summary = json.loads(run("summary", "--data", data, "--json").stdout)
    return summary["years"][0]["teachers"]


@pytest.mark.parametrize("kind", ["xlsx", "csv-cp1251", "csv-utf8"])
def test_a_title_above_the_header_and_a_number_column(tmp_path: Path, kind: str) -> None:
    if kind == "xlsx":
        source = write_xlsx(tmp_path / "учёт.xlsx", SCHOOL_ROWS, header=SCHOOL_HEADER, above=ABOVE)
    else:
        encoding = "cp1251" if kind == "csv-cp1251" else "utf-8-sig"
        rows = SCHOOL_ROWS
        if encoding == "cp1251":  # which has no invisible characters
            rows = [[clean_name(cell) for cell in row] for row in rows]
        source = tmp_path / "учёт.csv"
        source.write_bytes(
            csv_bytes(rows, SCHOOL_HEADER, encoding=encoding, delimiter=";", above=ABOVE)
        )
    checked = run("check", source)
    assert checked.returncode == 0, checked.stdout
    data = data_folder(tmp_path)
    assert run("pull", source, "--data", data).returncode == 0
    rows = log_rows(data)
    assert len(rows) == 1 + 6
    # Five spellings of one teacher: one pseudonym, one teacher.
    assert len({row[1] for row in rows[1:]}) == 2
    assert teachers_counted(data) == 2


def test_problems_name_the_row_of_the_sheet_under_a_title(tmp_path: Path) -> None:
    rows = [
        ["1", datetime.date(2025, 9, 1), "Педагог 01", "Инфоурок", "Публикация", "", ""],
        ["2", datetime.date(2025, 9, 2), "Педагог 01", "Одноклассники", "Публикация", "", ""],
    ]
    source = write_xlsx(tmp_path / "учёт.xlsx", rows, header=SCHOOL_HEADER, above=ABOVE)
    result = run("check", source)
    assert result.returncode == 1
    # Three rows above the header (row 4): the bad row is the sheet's row 6.
    assert result.stdout.startswith(f"{source}:6: неизвестная платформа «Одноклассники»")


def test_no_header_in_the_first_ten_rows(tmp_path: Path) -> None:
    above = [[f"строка {n}"] for n in range(10)]
    source = write_xlsx(
        tmp_path / "title.xlsx", [SCHOOL_ROWS[0]], header=SCHOOL_HEADER, above=above
    )
    result = run("check", source)
    assert result.returncode == 1
    assert result.stdout == (
        f"{source}:1: в первых 10 строках нет строки заголовков: нужны столбцы «Дата», "
        "«ФИО педагога», «Платформа», «Вид активности»\n"
    )


def test_a_header_missing_a_column_is_named_at_its_row(tmp_path: Path) -> None:
    header = ["№", "Дата", "Педагог", "Где", "Вид активности"]
    source = tmp_path / "cols.csv"
    source.write_bytes(
        csv_bytes([["1", "01.09.2025", "П", "Сферум", "Вебинар"]], header, above=ABOVE)
    )
    result = run("check", source)
    assert result.stdout == f"{source}:4: нет обязательного столбца «Платформа» или «Platform»\n"


@pytest.mark.parametrize(
    "spelling",
    [
        "Абдулаева Марха Висхановна",
        "Абдулаева М. В.",
        "абдулаева м.в.",
        "Абдулаева М.В",
        "  Абдулаева   Марха  Висхановна ",
        "АБДУЛАЁВА МАРХА ВИСХАНОВНА",
        "М.В. Абдулаева",
        "Марха Висхановна Абдулаева",
        "Абдулаева\u00a0М.\u00a0В.",
        "\u200bАбдулаева\u200d М.\u2060В.\u200e",
        "\u202bАбдулаева М. В.\u202c",
        "Абдулае\u0308ва М. В.",  # ё typed as е and a combining diaeresis
    ],
)
def test_spellings_of_one_teacher_count_as_one(spelling: str) -> None:
    """Each spelling, read with the full name, counts as the full name."""
    full = "Абдулаева Марха Висхановна"
    resolved = resolve({full: ("a.csv", 2), spelling: ("a.csv", 3)})
    assert resolved.identity[spelling] == resolved.identity[full] == teacher_key(full)
    assert teacher_key(spelling) in ("абдулаева марха висхановна", "абдулаева м в")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Абдулаева М. В.", "Абдулаева М. А."),
        ("Абдулаева Марха", "Абдулаев Марха"),
        ("Педагог 01", "Педагог 10"),
        ("Абдулаева", "Абдулаева М. В."),
    ],
)
def test_different_teachers_stay_apart(one: str, other: str) -> None:
    assert teacher_key(one) != teacher_key(other)


INVISIBLE = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2066", "\ufeff"])


@given(
    st.lists(st.booleans(), min_size=26, max_size=26),
    st.lists(st.tuples(st.integers(0, 26), INVISIBLE), max_size=4),
    st.sampled_from([" ", "  ", "\u00a0", "\t"]),
)
def test_case_spaces_and_invisible_characters_never_count(flips, inserted, space) -> None:
    name = "Абдулаева Марха Висхановна"
    text = "".join(c.upper() if f else c.lower() for c, f in zip(name, flips, strict=True))
    chars = list(text.replace(" ", space))
    for index, char in sorted(inserted, reverse=True):
        chars.insert(min(index, len(chars)), char)
    written = "".join(chars)
    assert teacher_key(written) == teacher_key(name)
    assert "\u200b" not in clean_name(written)


def test_canonical_before_the_pseudonym(tmp_path: Path) -> None:
    """Spellings pulled apart, in two pulls, still give one pseudonym."""
    data = data_folder(tmp_path)
    first = write_csv(
        tmp_path / "a.csv",
        rows=[["01.09.2025", "Абдулаева Марха Висхановна", "Сферум", "Вебинар", "", ""]],
    )
    second = write_csv(
        tmp_path / "b.csv", rows=[["02.09.2025", "абдулаева м.в.", "Сферум", "Вебинар", "", ""]]
    )
    assert run("pull", first, "--data", data).returncode == 0
    assert run("pull", second, "--data", data).returncode == 0
    teachers = {row[1] for row in log_rows(data)[1:]}
    assert len(teachers) == 1 and next(iter(teachers)).startswith("педагог-")
    assert teachers_counted(data) == 1


def test_check_lists_the_names_it_merged(tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "учёт.xlsx", SCHOOL_ROWS, header=SCHOOL_HEADER, above=ABOVE)
    other = write_csv(
        tmp_path / "ещё.csv", rows=[["10.11.2025", "Абдулаев М.А.", "Сферум", "Вебинар", "", ""]]
    )
    result = run("check", source, other)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f"{source}:6: один педагог: «Абдулаева М. В.» считается тем же, что "
        "«Абдулаева Марха Висхановна» (строка 5)",
        f"{source}:7: один педагог: «абдулаева м.в.» считается тем же, что "
        "«Абдулаева Марха Висхановна» (строка 5)",
        f"{source}:8: один педагог: «АБДУЛАЕВА М.В.» считается тем же, что "
        "«Абдулаева Марха Висхановна» (строка 5)",
        f"{source}:9: один педагог: «М. В. Абдулаёва» считается тем же, что "
        "«Абдулаева Марха Висхановна» (строка 5)",
        f"{other}:2: один педагог: «Абдулаев М.А.» считается тем же, что "
        f"«Абдулаев Магомед Ахмедович» ({source}:10)",
        f"{source}:12: замечание: строка итогов «Итого: 6» пропущена — это не активность",
    ]


@pytest.mark.parametrize(
    ("name", "letter", "script"),
    [
        ("Абдулаeва М. В.", "e", "латинская"),  # a Latin e
        ("AбдулаеваМ", "A", "латинская"),
        ("Ivanova Mаria", "а", "кириллическая"),
        ("Абдул-Iалим Р.", "I", "латинская"),  # a Latin I for the palochka
    ],
)
def test_a_name_mixing_latin_and_cyrillic_is_refused(
    tmp_path: Path, name: str, letter: str, script: str
) -> None:
    assert mixed_letter(name) == (letter, script)
    rows = [["01.09.2025", "Педагог 01", "Сферум", "Вебинар", "", ""]]
    rows.append(["01.09.2025", name, "Сферум", "Вебинар", "", ""])
    source = write_csv(tmp_path / "mixed.csv", rows=rows)
    result = run("check", source)
    assert result.returncode == 1
    assert result.stdout == (
        f"{source}:3: в имени «{name}» смешаны латинские и русские буквы: "
        f"{script} «{letter}»; наберите имя в одной раскладке\n"
    )


@pytest.mark.parametrize("name", ["Ivanova M. P.", "Абдулаева Ӏаьла", "Педагог 01"])
def test_a_name_in_one_script_is_fine(name: str) -> None:
    assert mixed_letter(name) is None


PARTIAL = [
    ["01.09.2025", "Педагог 01", "Инфоурок", "Публикация", "Урок", ""],  # 2
    ["31.02.2025", "Педагог 02", "Сферум", "Вебинар", "", ""],  # 3: no such day
    ["02.09.2025", "Педагог 03", "Одноклассники", "Вебинар", "", ""],  # 4: unknown
    ["03.09.2025", "Педагог 04", "Сферум", "Вебинар", "", ""],  # 5
    ["04.09.2025", "Пeдагог 05", "Сферум", "Танцы", "", ""],  # 6: Latin e, unknown kind
]


def test_partial_pull_keeps_the_good_rows_and_hands_back_the_bad(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "учёт.csv", rows=PARTIAL, delimiter=";")
    data, rejects = data_folder(tmp_path), tmp_path / "exports" / "отказы.csv"
    result = run("pull", source, "--data", data, "--partial", "--rejects", rejects)
    assert result.returncode == 1
    assert [line.split(": ", 1)[0] for line in result.stdout.splitlines()] == [
        f"{source}:3",
        f"{source}:4",
        f"{source}:6",
        f"{source}:6",
    ]
    said = result.stderr.splitlines()
    assert said[0].startswith(f"3 строки не приняты; непринятые строки с причинами — в {rejects}")
    assert said[-1] == "Загружено не всё: 4 ошибки. Из верных строк сохранено 2 новые активности."
    assert [row[0] for row in log_rows(data)[1:]] == ["2025-09-01", "2025-09-03"]
    raw = rejects.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # opens in Excel as it is
    refused = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert refused[0] == [*HEADER, "Причина", "Откуда"]
    assert [row[:6] for row in refused[1:]] == [PARTIAL[1], PARTIAL[2], PARTIAL[4]]
    assert refused[1][6] == "невозможная дата «31.02.2025»: такого дня нет"
    assert refused[3][6].count("; ") >= 1  # both reasons of row 6
    assert [row[7] for row in refused[1:]] == [f"{source}:3", f"{source}:4", f"{source}:6"]

    # The coordinator fixes the rows in the file and pulls it again.
    fixed = [[*row[:6]] for row in refused[1:]]
    fixed[0][0], fixed[1][2], fixed[2][1:4] = (
        "28.02.2025",
        "Сферум",
        ["Педагог 05", "Сферум", "Вебинар"],
    )
    again = tmp_path / "исправлено.csv"
    again.write_bytes(csv_bytes(fixed, refused[0], delimiter=";"))
    assert run("pull", again, "--data", data).returncode == 0
    assert len(log_rows(data)) == 1 + 5


def test_without_partial_pull_stays_all_or_nothing(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "учёт.csv", rows=PARTIAL)
    result = run("pull", source, "--data", data_folder(tmp_path))
    assert result.returncode == 1
    assert "ничего не сохранено" in result.stderr
    assert snapshot(tmp_path / "data") == {}


def test_a_partial_pull_with_no_good_row_changes_nothing(tmp_path: Path) -> None:
    from common.site_config import ROOT

    data = data_folder(tmp_path)
    (data / "activity-log.csv").write_bytes((ROOT / "data" / "activity-log.csv").read_bytes())
    before = snapshot(data)
    source = write_csv(tmp_path / "учёт.csv", rows=[PARTIAL[1], PARTIAL[2]])
    rejects = tmp_path / "exports" / "отказы.csv"
    result = run("pull", source, "--data", data, "--partial", "--rejects", rejects)
    assert result.returncode == 1
    assert "ничего не сохранено" in result.stderr
    assert snapshot(data) == before
    assert len(rejects.read_text("utf-8-sig").splitlines()) == 1 + 2


def test_the_rejects_go_neither_over_a_source_nor_into_data(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "учёт.csv", rows=PARTIAL)
    before = source.read_bytes()
    data = data_folder(tmp_path)
    over = run("pull", source, "--data", data, "--partial", "--rejects", source)
    assert over.returncode == 1
    assert over.stdout.startswith(f"{source}: это одна из загружаемых таблиц")
    assert source.read_bytes() == before
    inside = run("pull", source, "--data", data, "--partial", "--rejects", data / "r.csv")
    assert inside.returncode == 1 and "хранится журнал" in inside.stdout
    assert snapshot(data) == {}


def test_help_is_in_russian() -> None:
    for command in ([], ["check"], ["pull"], ["summary"], ["export"], ["key"], ["rekey"]):
        result = run(*command, "--help")
        assert result.returncode == 0
        assert result.stdout.startswith("использование: stats.py")
        assert "показать эту справку и выйти" in result.stdout
        assert not [word for word in ENGLISH if word in result.stdout], command
    assert "--partial" in run("pull", "--help").stdout
    assert "--year" in run("export", "--help").stdout


def test_after_a_pull_that_changed_the_log_the_next_step(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    source = write_csv(tmp_path / "учёт.csv")
    first = run("pull", source, "--data", data)
    assert "make serve" in first.stderr
    assert f"git add {data / 'activity-log.csv'}" in first.stderr
    assert "Никогда не добавляйте в репозиторий data/.teacher-key" in first.stderr
    assert "exports/" in first.stderr
    again = run("pull", source, "--data", data)
    assert "make serve" not in again.stderr


def test_every_line_printed_is_russian(tmp_path: Path) -> None:
    from activity import registries
    from common.site_config import ROOT

    known = registries.load(ROOT / "data")
    # Ids, commands and numerals are typed as they are; no English word is printed.
    allowed = {kind.id for kind in known.platforms + known.activities}
    allowed |= {"make", "serve", "git", "add", "commit", "m", "I", "II", "III", "IV"}
    source = write_csv(tmp_path / "учёт.csv", rows=PARTIAL)
    for result in (
        run("check", source),
        run("pull", source, "--data", data_folder(tmp_path)),
        run("pull", write_csv(tmp_path / "ok.csv"), "--data", data_folder(tmp_path)),
        run("summary", "--data", data_folder(tmp_path)),
    ):
        for line in (result.stdout + result.stderr).splitlines():
            words = {word for word in line.split() if word.isalpha() and word.isascii()}
            assert words <= allowed, line
