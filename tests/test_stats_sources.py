"""stats.py reads every kind of source teachers have: CSV in three encodings
and two separators, XLSX with real date cells, and both from an address."""

from __future__ import annotations

import datetime
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.stats import HEADER, ROWS, csv_bytes, data_folder, log_rows, run, write_csv, write_xlsx

EXPECTED = [
    ["date", "teacher", "platform", "activity", "title", "url"],
    ["2025-09-01", "Педагог 01", "infourok", "publication", "Разработка урока", ""],
    ["2025-09-02", "Педагог 02", "urokrf", "lesson", "Урок о дробях", "https://урок.рф/x"],
    ["2025-09-15", "Педагог 01", "sferum", "webinar", "", ""],
    ["2025-10-01", "Педагог 03", "prosv", "course", "КПК", ""],
    ["2025-10-24", "педагог 02", "sferum", "contest", "Олимпиада", ""],
]


def pseudonymised(rows: list[list[str]]) -> list[list[str]]:
    """The log's rows with each teacher as a marker: names never reach the log."""
    seen: dict[str, str] = {}
    result = [rows[0]]
    for row in rows[1:]:
        assert row[1].startswith("педагог-") and len(row[1]) == len("педагог-") + 10
        result.append([row[0], seen.setdefault(row[1], f"T{len(seen)}"), *row[2:]])
    return result


def expected_log() -> list[list[str]]:
    # "Педагог 02" and "педагог  02" are one teacher: one pseudonym.
    teachers = {"Педагог 01": "T0", "Педагог 02": "T1", "Педагог 03": "T2", "педагог 02": "T1"}
    rows = [[row[0], teachers[row[1]], *row[2:]] for row in EXPECTED[1:]]
    order = {"T0": 0, "T1": 1, "T2": 2}
    return [EXPECTED[0], *sorted(rows, key=lambda r: (r[0], r[2], r[3], order[r[1]]))]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_in_every_encoding_and_separator(tmp_path: Path, encoding, delimiter) -> None:
    source = write_csv(tmp_path / "export.csv", encoding=encoding, delimiter=delimiter)
    assert run("check", source).returncode == 0
    result = run("pull", source, "--data", data_folder(tmp_path))
    assert result.returncode == 0, result.stdout
    assert pseudonymised(log_rows(data_folder(tmp_path))) == expected_log()


def test_english_headers_in_any_case(tmp_path: Path) -> None:
    header = ["DATE", "teacher", "Platform", "activity", "TITLE", "url"]
    source = write_csv(tmp_path / "export.csv", header=header)
    assert run("check", source).returncode == 0


def test_xlsx_with_real_date_cells(tmp_path: Path) -> None:
    rows = [[datetime.datetime(2025, 9, 1), "Педагог 01", "Инфоурок", "Публикация", "Урок", ""]]
    rows.append([datetime.date(2025, 11, 5), "Педагог 02", "Сферум", "Онлайн-урок", "", ""])
    source = write_xlsx(tmp_path / "export.xlsx", rows)
    result = run("pull", source, "--data", data_folder(tmp_path))
    assert result.returncode == 0, result.stdout
    dates = [row[0] for row in log_rows(data_folder(tmp_path))[1:]]
    assert dates == ["2025-09-01", "2025-11-05"]


def test_xlsx_named_sheet(tmp_path: Path) -> None:
    rows = [["01.09.2025", "Педагог 01", "Инфоурок", "Публикация", "", ""]]
    source = write_xlsx(tmp_path / "export.xlsx", rows, sheet="Активность", before=["Титул"])
    assert run("check", source).returncode == 1  # the first sheet is empty
    assert run("check", source, "--sheet", "Активность").returncode == 0
    missing = run("check", source, "--sheet", "Нет такого")
    assert missing.returncode == 1
    assert "«Нет такого»" in missing.stdout and "«Активность»" in missing.stdout


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTP server on 127.0.0.1 serving the files of a folder."""
    folder = tmp_path / "served"
    folder.mkdir()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", folder
    httpd.shutdown()
    httpd.server_close()


def test_csv_and_xlsx_from_an_address(tmp_path: Path, server) -> None:
    base, folder = server
    (folder / "export").write_bytes(csv_bytes(ROWS, delimiter=";", encoding="cp1251"))
    write_xlsx(folder / "book.xlsx", [["01.09.2025", "Педагог 09", "ЭБО", "Статья", "", ""]])
    result = run("pull", base + "export", base + "book.xlsx", "--data", data_folder(tmp_path))
    assert result.returncode == 0, result.stdout
    assert len(log_rows(data_folder(tmp_path))) == 1 + len(ROWS) + 1


def test_address_problems(server) -> None:
    base, folder = server
    (folder / "page.html").write_text("<!DOCTYPE html><html><body>таблица</body></html>")
    result = run("check", base + "missing.csv", base + "page.html")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"{base}missing.csv: не удаётся скачать: сервер ответил 404 — по этому адресу ничего "
        "нет: проверьте адрес"
    )
    assert lines[1].startswith(f"{base}page.html: это веб-страница, а не CSV или XLSX")


def test_header_only_is_reported(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "export.csv", rows=[], header=HEADER)
    result = run("check", source)
    assert result.stdout == f"{source}:1: под строкой заголовков нет ни одной активности\n"
