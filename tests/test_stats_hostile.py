"""Hostile and unlucky inputs to stats.py (issue 12, and issue 11's gate on
titles and links): every limit, unsafe character, formula, slow or
redirecting address, personal datum and unconsented name is refused by
line with a Russian message, exit status 1, and nothing stored."""

from __future__ import annotations

import csv
import http.server
import io
import threading
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from activity import registries, sources, store
from activity.sources import Rows
from common.problem import Problems
from common.site_config import ROOT
from support.stats import (
    HEADER,
    ROWS,
    csv_bytes,
    data_folder,
    log_rows,
    run,
    snapshot,
    write_csv,
    write_xlsx,
)

OK = ["01.09.2025", "Педагог 01", "Инфоурок", "Публикация"]


def refused(tmp_path: Path, source: Path | str, *lines: str) -> None:
    """`source` is refused with exactly `lines`, by check and by pull, and
    pull changes nothing."""
    checked = run("check", source)
    assert checked.returncode == 1
    assert checked.stdout.splitlines() == list(lines)
    data = data_folder(tmp_path)
    before = snapshot(data)
    pulled = run("pull", source, "--data", data)
    assert pulled.returncode == 1 and pulled.stdout.splitlines() == list(lines)
    assert "ничего не сохранено" in pulled.stderr
    assert snapshot(data) == before


# --- Limits -------------------------------------------------------------------------


def test_a_file_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_BYTES", 2**20)
    source = write_csv(tmp_path / "big.csv", rows=[[*OK, "x" * 2**20, ""]])
    refused(tmp_path, source, f"{source}: файл больше 1 МБ: разделите таблицу по учебным годам")


def test_a_cell_too_long_in_csv_and_xlsx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_CELL", 1000)
    rows = [[*OK, "Урок", ""], [*OK, "ы" * 1001, ""]]
    text = write_csv(tmp_path / "long.csv", rows=rows)
    refused(
        tmp_path,
        text,
        f"{text}:3: дальше файл не читается: ячейка длиннее допустимого "
        "(возможно, не закрыта кавычка)",
    )
    book = write_xlsx(tmp_path / "long.xlsx", rows)
    refused(
        tmp_path,
        book,
        f"{book}:3: ячейка длиннее 1000 символов: в таблице активностей таких не бывает, "
        "проверьте строку",
    )


def test_too_many_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_ROWS", 4)
    source = write_csv(tmp_path / "rows.csv", rows=ROWS)
    refused(
        tmp_path,
        source,
        f"{source}:5: в таблице больше 4 строк: разделите её по учебным годам и загрузите "
        "по частям",
    )


def bomb(path: Path, part_size: int) -> Path:
    """A real workbook with one more part that unpacks `part_size` bytes of
    spaces: what a zip bomb looks like before it is parsed."""
    write_xlsx(path, [[*OK, "", ""]])
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as book:
        book.writestr("xl/media/padding.xml", b" " * part_size)
    return path


def test_an_xlsx_that_unpacks_too_large_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = bomb(tmp_path / "bomb.xlsx", 30 * 2**20)
    assert source.stat().st_size < 100_000
    started = time.monotonic()
    refused(
        tmp_path,
        source,
        f"{source}: часть файла XLSX (xl/media/padding.xml) сжата больше чем в 100 раз — "
        "так выглядит «zip-бомба», а не таблица: сохраните таблицу заново",
    )
    assert time.monotonic() - started < 10
    monkeypatch.setattr(sources, "MAX_UNPACKED", 2**20)
    honest = write_xlsx(tmp_path / "honest.xlsx", [[*OK, f"Урок {n}", ""] for n in range(9000)])
    checked = run("check", honest)
    assert checked.returncode == 1
    assert checked.stdout.startswith(f"{honest}: файл XLSX распаковывается в ")
    assert checked.stdout.endswith(" МБ, больше 1 МБ: разделите таблицу или сохраните её как CSV\n")


# --- Addresses -------------------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[tuple[str, dict[str, object]]]:
    """A server on 127.0.0.1 whose answer to each path the test sets:
    bytes, a ('redirect', address), ('slow', bytes) or ('status', code) pair."""
    answers: dict[str, object] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            answer = answers.get(self.path)
            if isinstance(answer, tuple) and answer[0] == "redirect":
                self.send_response(302)
                self.send_header("Location", answer[1])
                self.end_headers()
            elif isinstance(answer, tuple) and answer[0] == "slow":
                self.send_response(200)
                self.send_header("Content-Length", str(len(answer[1])))
                self.end_headers()
                try:
                    for byte in answer[1]:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(0.2)
                except OSError:  # the client gave up, as it should
                    pass
            elif isinstance(answer, tuple) and answer[0] == "status":
                self.send_error(answer[1])
            elif isinstance(answer, bytes):
                self.send_response(200)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)
            else:
                self.send_error(404)

        def log_message(self, *args: object) -> None:
            pass

    class Server(http.server.ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request: object, client_address: object) -> None:
            pass  # a client that stops reading, as stats.py does past a limit

    httpd = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", answers
    httpd.shutdown()
    httpd.server_close()


def test_a_slow_server_meets_a_deadline(
    tmp_path: Path, server, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, answers = server
    answers["/slow.csv"] = ("slow", csv_bytes([OK]))
    monkeypatch.setattr(sources, "DEADLINE", 1)
    started = time.monotonic()
    refused(
        tmp_path,
        f"{base}/slow.csv",
        f"{base}/slow.csv: сервер не отдал файл за 1 секунд: скачайте таблицу и укажите файл",
    )
    assert time.monotonic() - started < 8  # twice one second, and the rest


def test_a_download_too_large(tmp_path: Path, server, monkeypatch: pytest.MonkeyPatch) -> None:
    base, answers = server
    answers["/big.csv"] = csv_bytes([[*OK, "x" * 3 * 2**20, ""]])
    monkeypatch.setattr(sources, "MAX_BYTES", 2**20)
    refused(
        tmp_path,
        f"{base}/big.csv",
        f"{base}/big.csv: файл больше 1 МБ: разделите таблицу по учебным годам",
    )


def test_redirects_only_to_http_and_never_into_the_local_network(tmp_path: Path, server) -> None:
    base, answers = server
    secret = "Дата,ФИО педагога,Платформа,Вид активности\nсекрет,ТАЙНА,внутренний,сервис\n"
    answers["/secret.csv"] = secret.encode()
    answers["/ftp.csv"] = ("redirect", "ftp://127.0.0.1/a.csv")
    answers["/inside.csv"] = ("redirect", f"{base}/secret.csv")
    answers["/here.csv"] = ("redirect", "/table.csv")
    answers["/table.csv"] = csv_bytes([OK])
    refused(
        tmp_path,
        f"{base}/ftp.csv",
        f"{base}/ftp.csv: адрес перенаправляет на ftp:// — читаются только адреса http:// "
        "и https://",
    )
    # localhost sends on to 127.0.0.1: another host, in the local network.
    local = base.replace("127.0.0.1", "localhost")
    result = run("check", f"{local}/inside.csv")
    assert result.returncode == 1
    assert result.stdout == (
        f"{local}/inside.csv: адрес перенаправляет во внутреннюю сеть (localhost или частный "
        "адрес): такие перенаправления не читаются\n"
    )
    assert "ТАЙНА" not in result.stdout + result.stderr
    # On the same host a redirect is followed.
    assert run("check", f"{base}/here.csv").returncode == 0


def test_a_sheet_not_published_for_everyone_says_what_to_do(tmp_path: Path, server) -> None:
    """A spreadsheet shared only with the school answers 401 or 403."""
    base, answers = server
    answers["/private.csv"] = ("status", 403)
    answers["/login.csv"] = ("status", 401)
    for path, answer in (("/private.csv", "403 Forbidden"), ("/login.csv", "401 Unauthorized")):
        refused(
            tmp_path,
            f"{base}{path}",
            f"{base}{path}: таблица не опубликована для всех: сервер ответил {answer} — адрес "
            "требует входа в аккаунт. Опубликуйте таблицу в интернете как CSV (в Google "
            "Таблицах: «Файл» → «Поделиться» → «Опубликовать в интернете», формат CSV), "
            "возьмите адрес, который покажет сервис, и проверьте его в окне инкогнито: файл "
            "должен скачаться без входа",
        )


def test_an_https_address_never_redirects_to_http() -> None:
    """Without TLS the table could be read or replaced on the way."""
    redirects = sources._Redirects("ТАБЛИЦА")
    request = urllib.request.Request("https://docs.example.com/sheet.csv")
    with pytest.raises(Problems) as told:
        redirects.redirect_request(request, None, 302, "Found", {}, "http://docs.example.com/x")
    assert str(told.value) == (
        "ТАБЛИЦА: адрес https:// перенаправляет на http://, без шифрования: по дороге таблицу "
        "могут прочитать или подменить; дайте адрес, который остаётся на https://"
    )
    # http to https, and https to https, are followed.
    plain = urllib.request.Request("http://docs.example.com/sheet.csv")
    assert redirects.redirect_request(plain, None, 302, "Found", {}, "https://docs.example.com/x")


def test_a_connection_that_reaches_the_local_network_is_closed(server) -> None:
    """A name may resolve to a public address when it is checked and to a
    local one when it connects (DNS rebinding): the address the connection
    reached is checked, unless its host is the one the coordinator gave."""
    base, answers = server
    answers["/table.csv"] = csv_bytes([OK])
    port = int(base.rsplit(":", 1)[1])
    stranger = sources._HTTPConnection(
        "127.0.0.1", port=port, timeout=5, trusted={"docs.example.com"}, label="ТАБЛИЦА"
    )
    with pytest.raises(Problems) as told:
        stranger.request("GET", "/table.csv")
    assert str(told.value) == (
        "ТАБЛИЦА: адрес ведёт во внутреннюю сеть (localhost или частный адрес): такие адреса "
        "не читаются"
    )
    given = sources._HTTPConnection(
        "127.0.0.1", port=port, timeout=5, trusted={"127.0.0.1"}, label="ТАБЛИЦА"
    )
    given.request("GET", "/table.csv")
    assert given.getresponse().status == 200
    given.close()


# --- Clean text ----------------------------------------------------------------------------

UNSAFE = (
    "в ячейке недопустимый символ {} (управляющий или меняющий направление текста): "
    "удалите его и сохраните таблицу снова"
)


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("Урок\x00", "U+0000"),
        ("Урок \x1b[31mкрасный", "U+001B"),
        ("Звонок\x07", "U+0007"),
        ("Урок\x85", "U+0085"),
        ("Урок \u202eкорп", "U+202E"),
        ("Урок \u2066изол\u2069", "U+2066"),
    ],
)
def test_control_and_bidi_characters_are_refused_by_line(
    tmp_path: Path, cell: str, code: str
) -> None:
    source = write_csv(tmp_path / "bad.csv", rows=[[*OK, "Урок", ""], [*OK, cell, ""]])
    refused(tmp_path, source, f"{source}:3: {UNSAFE.format(code)}")


def test_unsafe_characters_in_any_column_and_in_xlsx(tmp_path: Path) -> None:
    header = ["№", *HEADER, "Примечание"]
    rows = [["1", *OK, "", "", "ok"], ["2", *OK, "", "", "заметка\x1b"]]
    text = write_csv(tmp_path / "notes.csv", rows=rows, header=header)
    refused(tmp_path, text, f"{text}:3: {UNSAFE.format('U+001B')}")
    book = write_xlsx(
        tmp_path / "bidi.xlsx", [[*OK, "", ""], [*OK[:1], "Педагог\u202e 01", *OK[2:], "", ""]]
    )
    refused(tmp_path, book, f"{book}:3: {UNSAFE.format('U+202E')}")


def test_messages_never_print_a_control_character(tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "esc.csv",
        rows=[["01.09.2025", "Педагог 01", "Инфо\x1b[2Jурок", "Публикация", "", ""]],
    )
    result = run("check", source)
    assert "\x1b" not in result.stdout + result.stderr
    assert "\\x1b[2J" in result.stdout or "U+001B" in result.stdout
    hidden = tmp_path / "имя\x1b[31m.csv"
    hidden.write_bytes(source.read_bytes())
    named = run("check", hidden)
    assert "\x1b" not in named.stdout and "имя\\x1b[31m.csv" in named.stdout


def test_invisible_characters_are_taken_out(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    rows = [[*OK, "Урок\u200b о\u2060 дробях\ufeff", "https://infourok.ru/\u200bx"]]
    result = run("pull", write_csv(tmp_path / "zw.csv", rows=rows), "--data", data)
    assert result.returncode == 0, result.stdout
    assert log_rows(data)[1][4:] == ["Урок о дробях", "https://infourok.ru/x"]


# --- Formulas ------------------------------------------------------------------------------

FORMULAS = [
    '=HYPERLINK("http://evil";"x")',
    "+1 к знаниям",
    "-5 шагов",
    "@канал",
    "\tтаб",
]


def test_formulas_are_stored_guarded_and_read_back_as_written(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    rows = [[*OK, title, ""] for title in FORMULAS]
    result = run("pull", write_csv(tmp_path / "f.csv", rows=rows), "--data", data)
    assert result.returncode == 0, result.stdout
    raw = {row[4] for row in log_rows(data)[1:]}
    # No cell starts a formula; a tab at the start is a space, and spaces go.
    assert raw == {"'" + title for title in FORMULAS[:4]} | {"таб"}
    again = run("pull", tmp_path / "f.csv", "--data", data)  # read back: the same activities
    assert "добавлено 0 новых активностей" in again.stderr
    from activity import log as activity_log

    titles = {
        item.title for item in activity_log.read(data, registries.load(ROOT / "data")).activities
    }
    assert titles == {title.strip() for title in FORMULAS}


def test_the_rejects_file_is_guarded_and_reads_back(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    rows = [
        [*OK, "=1+1", ""],
        ["30.02.2025", "=cmd|' /C calc'!A0", "Инфоурок", "Публикация", "@x", ""],
    ]
    rejects = tmp_path / "exports" / "r.csv"
    result = run(
        "pull",
        write_csv(tmp_path / "f.csv", rows=rows),
        "--data",
        data,
        "--partial",
        "--rejects",
        rejects,
    )
    assert result.returncode == 1
    cells = list(csv.reader(io.StringIO(rejects.read_text("utf-8-sig")), delimiter=";"))
    assert cells[1][:6] == [
        "30.02.2025",
        "'=cmd|' /C calc'!A0",
        "Инфоурок",
        "Публикация",
        "'@x",
        "",
    ]
    assert not any(cell[:1] in "=+-@" for row in cells for cell in row if cell)


def test_exports_keep_text_text(tmp_path: Path) -> None:
    from activity import export

    output = tmp_path / "out.xlsx"
    export.write_xlsx(
        output, [export.Sheet("Лист", ["=ИТОГ"], [("-таблица", ["@a", "b"], [["+1", 2]])])]
    )
    cells = [
        cell
        for row in openpyxl.load_workbook(output).active.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    assert [cell.value for cell in cells] == ["=ИТОГ", "@a", "b", "+1", 2]
    assert all(cell.data_type == "s" for cell in cells if isinstance(cell.value, str))
    text = tmp_path / "out.csv"
    export.write_csv(text, [export.Sheet("Лист", ["=ИТОГ"], [])])
    assert text.read_text("utf-8-sig").splitlines()[0] == "'=ИТОГ"


# --- Personal data and unconsented names in titles and links -------------------------------


@pytest.mark.parametrize(
    ("title", "link", "says"),
    [
        ("", "https://wa.me/79281234567", "в ссылке, похоже, номер телефона"),
        (
            "",
            "https://site.ru/?mail=ivan.petrov@mail.ru",
            "в ссылке, похоже, адрес электронной почты",
        ),
        ("Урок, СНИЛС 112-233-445 95", "", "в названии, похоже, номер СНИЛС"),
        ("Паспорт 45 10 123456", "", "в названии, похоже, номер паспорта"),
        ("Иванов Иван Иванович, 01.02.2012 г.р.", "", "в названии, похоже, имя с датой рождения"),
    ],
)
def test_titles_and_links_with_personal_data_are_refused(
    tmp_path: Path, title: str, link: str, says: str
) -> None:
    source = write_csv(tmp_path / "pd.csv", rows=[[*OK, "Урок", ""], [*OK, title, link]])
    refused(tmp_path, source, f"{source}:3: {says}: личные данные не сохраняются — сократите текст")


NAMED = (
    "{where}, похоже, фамилия педагога без согласия на публикацию («{letter}…»): такие "
    "педагоги хранятся под псевдонимом — сократите {what}, убрав фамилию"
)


@pytest.mark.parametrize(
    ("title", "link", "where", "what", "letter"),
    [
        ("Открытый урок Абдулаевой М. В.", "", "в названии", "название", "А"),
        ("Мастер-класс АБДУЛАЕВОЙ", "", "в названии", "название", "А"),
        ("", "https://infourok.ru/user/abdulayeva-marha", "в ссылке", "ссылку", "A"),
        ("", "https://infourok.ru/user/abdulaeva", "в ссылке", "ссылку", "A"),
        ("", "https://multiurok.ru/abdoulaieva/blog", "в ссылке", "ссылку", "A"),
        ("", "https://урок.рф/user/абдулаева", "в ссылке", "ссылку", "А"),
        (
            "",
            "https://xn--j1ahfl.xn--p1ai/%D0%B0%D0%B1%D0%B4%D1%83%D0%BB%D0%B0%D0%B5%D0%B2%D0%B0",
            "в ссылке",
            "ссылку",
            "А",
        ),
    ],
)
def test_a_title_or_link_naming_a_teacher_without_consent_is_refused(
    tmp_path: Path, title: str, link: str, where: str, what: str, letter: str
) -> None:
    rows = [
        ["01.09.2025", "Абдулаева Марха Висхановна", "Инфоурок", "Публикация", "Урок", ""],
        ["02.09.2025", "Педагог 02", "Инфоурок", "Публикация", title, link],
    ]
    source = write_csv(tmp_path / "named.csv", rows=rows)
    refused(tmp_path, source, f"{source}:3: {NAMED.format(where=where, what=what, letter=letter)}")


def test_a_name_is_looked_for_in_the_whole_source(tmp_path: Path) -> None:
    """The title comes before the teacher's first row; check and pull both see it."""
    rows = [
        ["01.09.2025", "Педагог 02", "Инфоурок", "Публикация", "Вебинар Ясаевой Х. Р.", ""],
        ["02.09.2025", "Ясаева Хава Руслановна", "Сферум", "Вебинар", "", ""],
    ]
    source = write_csv(tmp_path / "later.csv", rows=rows)
    data = data_folder(tmp_path)
    result = run("pull", source, "--data", data, "--partial", "--rejects", tmp_path / "r.csv")
    assert (
        result.stdout
        == f"{source}:2: {NAMED.format(where='в названии', what='название', letter='Я')}\n"
    )
    assert [row[4] for row in log_rows(data)[1:]] == [""]  # nothing of it stored
    assert "Ясаев" not in (data / "activity-log.csv").read_text("utf-8")


def test_a_consented_teacher_may_be_named(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    for name in ("platforms.yml", "activities.yml", "terms.yml"):
        (project / "data" / name).write_bytes((ROOT / "data" / name).read_bytes())
    (project / "data" / "consent.yml").write_text(
        "- name: Абдулаева Марха Висхановна\n  since: 2025-08-30\n  kept: папка согласий\n", "utf-8"
    )
    known = registries.load(project / "data")
    rows = Rows(
        "форма",
        [
            HEADER,
            ["01.09.2025", "Абдулаева Марха Висхановна", "Инфоурок", "Публикация", "Урок", ""],
            ["02.09.2025", "Педагог 02", "Инфоурок", "Публикация", "Урок Абдулаевой М. В.", ""],
        ],
    )
    data = data_folder(tmp_path)
    done = store.pull([rows], data, data / ".teacher-key", known)
    assert done.problems == [] and done.stored
    assert "Урок Абдулаевой М. В." in (data / "activity-log.csv").read_text("utf-8")


def test_first_kinds_says_what_first_kind_says() -> None:
    from hypothesis import example, given, settings
    from hypothesis import strategies as st

    from common import personal_data

    pieces = st.sampled_from(
        ["Урок ", "8 928 123-45-67", "тел. 2-22-33", "a@b.ru", "2015", " 01.02.2010 г.р.",
         "Иванов Иван Иванович", "серия 4510 № 123456", "(at)", "%40", "&#64;", "https://wa.me/7928",
         "1234567", "'", " ", "№ 5", "TEL:+7928 1234567", "WA.ME/7928", "İ", "Вебинар: ", "=7928"]
    )  # fmt: skip
    texts = st.lists(st.lists(pieces, max_size=6).map("".join), max_size=8)

    @settings(max_examples=300, deadline=None)
    @given(texts, st.booleans())
    @example(["https://wa.me/7928 2015", ""], False)  # a phone link, no word before it
    @example(["İ" * 20, "https://wa.me/7928 2015", "Урок"], False)  # lowered, İ is two characters
    def agree(batch: list[str], links: bool) -> None:
        if links:
            batch = ["https://x.ru/" + text.replace(" ", "") for text in batch]
        expected = {
            i: kind for i, text in enumerate(batch) if (kind := personal_data.first_kind(text))
        }
        assert personal_data.first_kinds(batch, links=links) == expected

    agree()
