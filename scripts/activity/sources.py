"""Open a source of activity rows: a CSV or XLSX file, here or at an http(s)
address, or rows already in memory; give its rows with their line numbers.

CSV may be UTF-8 (with or without a BOM) or Windows-1251, separated by
commas, semicolons or tabs, as Excel writes it in a Russian locale: the
separator is the one that makes a header of one of the first rows. XLSX is
read from the first sheet, or from the one named; a row's line is the
sheet's row number. Which row is the header is for the validator to find.

Every source is hostile until checked, and bounded the same way whatever it
is (the limits below, which `stats.py --help` lists): its size, the size of
a cell, its rows, what an XLSX unpacks to (checked before it is parsed, so a
zip bomb costs nothing), and the time a download may take in all. An
address may redirect only to http(s), and to an address inside a private
network only from that same host: what a local service answers never reaches
a message. Control characters and bidi overrides are noted by line
(`Table.bad`) for the validator to refuse.
"""

from __future__ import annotations

import codecs
import csv
import functools
import http
import http.client
import io
import ipaddress
import itertools
import os
import re
import socket
import ssl
import stat
import threading
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from common import os_errors

from .columns import HEADER_ROWS, header_score
from .model import Problem, Problems

# The limits of every source (CSV, XLSX, an address); `stats.py --help` lists them.
MAX_BYTES = 50 * 2**20  # a file or a download; a year of a school's activity is far less
MAX_CELL = 131_072  # characters in one cell (what Python's csv reads at most)
MAX_ROWS = 500_000  # rows of one table
MAX_UNPACKED = 200 * 2**20  # bytes an XLSX unpacks to, in all
MAX_RATIO = 100  # how many times larger than packed one part of an XLSX may unpack
DEADLINE = 120  # seconds a download may take in all, however slowly the server sends
TIMEOUT = 30  # seconds of silence from a server

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls format, and an encrypted workbook
# An OOXML workbook saved with a password is an OLE file holding this part
# (MS-OFFCRYPTO), named in UTF-16 in the file's directory.
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
# A file (not an address) named as a workbook.
_XLSX_NAME = re.compile(r"\.xls[xm]\Z", re.IGNORECASE)
_CHUNK = 1 << 16
# Characters no cell may hold: C0 and C1 controls but tab and line breaks,
# DEL, and the bidi overrides and isolates that make text read otherwise
# than it is stored («Trojan Source»).
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# The same in UTF-8 bytes, found without decoding: C0 and DEL by deleting
# every other byte (fast), C1 and bidi controls by their lead bytes.
_C0 = bytes([*range(9), 11, 12, *range(14, 32), 127])
_NOT_C0 = bytes(b for b in range(256) if b not in _C0)
# (Two searches: each with a literal first byte is many times faster than one.)
_C1 = re.compile(rb"\xc2[\x80-\x9f]")
_BIDI = re.compile(rb"\xe2[\x80\x81][\xa6-\xae]")  # a few more (U+2028 too): UNSAFE tells

Cell = str | date | int | float  # XLSX gives dates and numbers as they are
# What reading a text file can still raise after its first line.
READ_ERRORS = (csv.Error, UnicodeDecodeError)


@dataclass
class Table:
    """A source's rows, from its first line.

    `lines_read()` says how many lines (or sheet rows) have been read so far,
    so a row starts on the line after the count taken before reading it.
    `bad` maps a line that holds an unsafe character to the problem.
    """

    source: str
    rows: Iterator[Sequence[Cell]]
    lines_read: Callable[[], int]
    empty: str = "в файле нет ни одной строки"  # the problem when there is no row at all
    bad: dict[int, str] = field(default_factory=dict)
    texts_only: bool = True  # every cell is a str (CSV); XLSX has dates and numbers too


@dataclass(frozen=True)
class Rows:
    """A table already in memory (a form's answers): its header first.
    `label` names it in problems."""

    label: str
    rows: Sequence[Sequence[str]]

    def __str__(self) -> str:
        return self.label


Source = str | Rows


def describe(character: str) -> str:
    """An unsafe character as a message shows it: never the character itself."""
    return f"U+{ord(character):04X}"


def unsafe_problem(text: str) -> str | None:
    """The problem of a cell that holds an unsafe character, or None."""
    found = UNSAFE.search(text)
    if found is None:
        return None
    return (
        f"в ячейке недопустимый символ {describe(found.group(0))} (управляющий или "
        "меняющий направление текста): удалите его и сохраните таблицу снова"
    )


@contextmanager
def open_table(
    source: Source, sheet: str | None = None, label: str | None = None
) -> Iterator[Table]:
    """Open `source` (a path, an http(s) address or Rows); raise Problems for
    a source that cannot be read at all. `label` names it in problems."""
    if isinstance(source, Rows):
        yield _memory_table(label or source.label, source.rows)
        return
    label = label or source
    data = _read_bytes(source, label)
    if data.startswith(_ZIP):
        with _xlsx_table(label, data, sheet) as table:
            yield table
    else:
        _refuse_other_formats(label, data, local_xlsx=_XLSX_NAME.search(source) is not None)
        yield _csv_table(label, data)


def _read_bytes(source: str, label: str) -> bytes:
    scheme = _SCHEME.match(source)
    if scheme and scheme.group(1).lower() in ("http", "https"):
        return _download(source, label)
    if scheme:
        raise _problem(label, f"читаются только адреса http:// и https://, а не {scheme[0]}")
    try:
        with open(source, "rb") as binary:
            return _bounded(label, binary)
    except FileNotFoundError:
        raise _problem(label, "нет такого файла") from None
    except IsADirectoryError:
        raise _problem(label, "это папка, а не файл") from None
    except OSError as err:
        raise _problem(label, f"не удаётся прочитать файл: {os_errors.reason(err)}") from None


def _too_big(label: str) -> Problems:
    return _problem(
        label, f"файл больше {MAX_BYTES // 2**20} МБ: разделите таблицу по учебным годам"
    )


def _bounded(label: str, binary: BinaryIO) -> bytes:
    """The file's bytes, MAX_BYTES at the most. Its size, when the system
    knows it, refuses a file too big before reading, and lets it be read
    into a buffer of its own size (read(MAX_BYTES + 1) would take one of
    the limit's, a few times slower)."""
    try:
        status = os.fstat(binary.fileno())
    except (OSError, ValueError):  # no file of the system's
        status = None
    if status is not None and stat.S_ISREG(status.st_mode):  # not a pipe, not /dev/zero
        if status.st_size > MAX_BYTES:
            raise _too_big(label)
        data = binary.read(status.st_size + 1)  # one more: a file that grew meanwhile
        if len(data) <= status.st_size:
            return data
        data += binary.read(MAX_BYTES - len(data) + 1)
    else:
        data = binary.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _too_big(label)
    return data


# --- Addresses ---------------------------------------------------------------


def _download(url: str, label: str) -> bytes:
    """The body at `url`, within DEADLINE seconds in all: the download runs in
    a thread that is given up on when the time is over."""
    outcome: list[bytes | Problems] = []
    deadline = time.monotonic() + DEADLINE

    def fetch() -> None:
        try:
            outcome.append(_fetch(url, label, deadline))
        except Problems as err:
            outcome.append(err)
        except Exception:  # a thread's end: told, never a traceback
            outcome.append(_problem(label, f"не удаётся скачать: {_NO_DOWNLOAD}"))

    worker = threading.Thread(target=fetch, name="stats-download", daemon=True)
    worker.start()
    worker.join(DEADLINE + 1)
    if not outcome:
        raise _slow(label)
    if isinstance(outcome[0], Problems):
        raise outcome[0]
    return outcome[0]


def _slow(label: str) -> Problems:
    return _problem(
        label,
        f"сервер не отдал файл за {DEADLINE} секунд: скачайте таблицу и укажите файл",
    )


def _fetch(url: str, label: str, deadline: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "belgatoy-network-stats"})
    # The host the coordinator gave, and the proxies, may be in the local
    # network; every other peer is checked once connected (_Connected).
    trusted = {urlsplit(url).hostname or ""} | {
        urlsplit(proxy).hostname or "" for proxy in urllib.request.getproxies().values()
    }
    opener = urllib.request.build_opener(
        _Redirects(label), _CheckedHTTP(label, trusted), _CheckedHTTPS(label, trusted)
    )
    chunks: list[bytes] = []
    size = 0
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            while chunk := response.read1(_CHUNK):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise _too_big(label)
                if time.monotonic() > deadline:
                    raise _slow(label)
                chunks.append(chunk)
    except urllib.error.HTTPError as err:
        # Our own words for the status, never the server's.
        if err.code in (401, 403):
            answer = f"{err.code} {_PHRASES.get(err.code, '')}".rstrip()
            raise _problem(label, _not_published(answer)) from None
        raise _problem(label, f"не удаётся скачать: {_status(err.code)}") from None
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as err:
        raise _problem(label, f"не удаётся скачать: {_failed(err)}") from None
    return b"".join(chunks)


_NO_DOWNLOAD = "проверьте адрес и связь с интернетом или скачайте таблицу и укажите файл"
_PHRASES = {status.value: status.phrase for status in http.HTTPStatus}  # 403 Forbidden
_STATUSES = {  # 401 and 403: _not_published
    404: "по этому адресу ничего нет: проверьте адрес",
    410: "таблица по этому адресу удалена: проверьте адрес",
    429: "сервер просит подождать: повторите позже",
}


def _status(code: int) -> str:
    """An HTTP error status, in Russian, with what to do."""
    if code in _STATUSES:
        return f"сервер ответил {code} — {_STATUSES[code]}"
    if code >= 500:
        return f"сервер ответил {code} — ошибка на сервере: повторите позже"
    return f"сервер ответил {code} — {_NO_DOWNLOAD}"


def _failed(err: Exception) -> str:
    """Why a download failed, in Russian: never the system's English text."""
    reason = getattr(err, "reason", err)
    if isinstance(reason, socket.timeout | TimeoutError):
        return f"сервер молчит дольше {TIMEOUT} секунд: повторите позже"
    if isinstance(reason, socket.gaierror):
        return "такой сервер не найден: проверьте адрес и связь с интернетом"
    if isinstance(reason, ConnectionRefusedError):
        return "сервер не принимает соединения: проверьте адрес"
    if isinstance(reason, ssl.SSLError):
        return "защищённое соединение не установлено (сертификат сервера): проверьте адрес"
    if isinstance(reason, ConnectionError):
        return "соединение с сервером прервалось: повторите позже"
    if isinstance(err, http.client.HTTPException):
        return "сервер ответил не по правилам HTTP: скачайте таблицу и укажите файл"
    if isinstance(err, ValueError):
        return "адрес записан неверно: проверьте его"
    return _NO_DOWNLOAD


def _not_published(answer: str) -> str:
    return (
        f"таблица не опубликована для всех: сервер ответил {answer} — адрес требует входа "
        "в аккаунт. Опубликуйте таблицу в интернете как CSV (в Google Таблицах: «Файл» → "
        "«Поделиться» → «Опубликовать в интернете», формат CSV), возьмите адрес, который "
        "покажет сервис, и проверьте его в окне инкогнито: файл должен скачаться без входа"
    )


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to http(s), and into a private network only on
    the same host: an address must not open a way to the local services."""

    def __init__(self, label: str) -> None:
        self._label = label

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: object,
        code: int,
        msg: str,
        headers: object,
        newurl: str,
    ) -> urllib.request.Request | None:
        target = urlsplit(newurl)
        if target.scheme.lower() not in ("http", "https"):
            raise _problem(
                self._label,
                f"адрес перенаправляет на {target.scheme or 'другой'}:// — читаются только "
                "адреса http:// и https://",
            )
        if urlsplit(req.full_url).scheme.lower() == "https" and target.scheme.lower() == "http":
            raise _problem(
                self._label,
                "адрес https:// перенаправляет на http://, без шифрования: по дороге таблицу "
                "могут прочитать или подменить; дайте адрес, который остаётся на https://",
            )
        here = urlsplit(req.full_url).hostname
        if target.hostname != here and not _public(target.hostname or ""):
            raise _problem(
                self._label,
                "адрес перенаправляет во внутреннюю сеть (localhost или частный адрес): "
                "такие перенаправления не читаются",
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore[arg-type]


class _Connected:
    """What a connection checks once connected (mixed in before the
    http.client class): the address it reached is public, unless its host is
    trusted (the one the coordinator gave, or a proxy). A name checked public
    before the request can resolve to a local address by the time it
    connects (DNS rebinding); the peer cannot lie."""

    sock: socket.socket
    host: str

    def __init__(self, host: str, *, trusted: set[str], label: str, **options: Any) -> None:
        super().__init__(host, **options)  # type: ignore[call-arg]
        self.trusted, self.label = trusted, label

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        if self.host in self.trusted:
            return
        peer = str(self.sock.getpeername()[0]).split("%")[0]
        if not ipaddress.ip_address(peer).is_global:
            self.sock.close()
            raise _problem(
                self.label,
                "адрес ведёт во внутреннюю сеть (localhost или частный адрес): такие "
                "адреса не читаются",
            )


class _HTTPConnection(_Connected, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_Connected, http.client.HTTPSConnection):
    pass


class _CheckedHTTP(urllib.request.HTTPHandler):
    def __init__(self, label: str, trusted: set[str]) -> None:
        super().__init__()
        self._made = functools.partial(_HTTPConnection, trusted=trusted, label=label)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._made, req)


class _CheckedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, label: str, trusted: set[str]) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(context=self._tls)
        self._made = functools.partial(_HTTPSConnection, trusted=trusted, label=label)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._made, req, context=self._tls)


def _public(host: str) -> bool:
    """Whether every address `host` names is on the public internet."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return True  # it cannot be reached at all: the request fails and says so
    return all(ipaddress.ip_address(str(address).split("%")[0]).is_global for address in addresses)


# --- CSV -----------------------------------------------------------------------


def _refuse_other_formats(source: str, data: bytes, local_xlsx: bool) -> None:
    """Refuse what is no CSV: an empty file, an Excel file of another kind (a
    workbook with a password is one too), a web page, a binary file, and a
    file named .xlsx that is not one."""
    head = data[:512]
    if not head.strip(codecs.BOM_UTF8 + b" \t\r\n"):
        raise _problem(source, "файл пуст")
    if head.startswith(_OLE) and _ENCRYPTED in data:
        raise _problem(
            source,
            "файл XLSX защищён паролем, и его не прочитать: откройте его в Excel "
            "(Файл → Сведения → Защита книги → Зашифровать с использованием пароля, "
            "сотрите пароль) или в LibreOffice (Сохранить как, без пароля) и сохраните без пароля",
        )
    if head.startswith(_OLE):
        raise _problem(source, "старый формат Excel .xls: сохраните файл как .xlsx или CSV")
    if local_xlsx:
        raise _problem(
            source,
            "файл назван .xlsx, но это не таблица XLSX (XLSX — архив ZIP, а этот файл нет): "
            "откройте его в Excel или LibreOffice и сохраните как .xlsx или CSV",
        )
    if head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        raise _problem(
            source, "это веб-страница, а не CSV или XLSX: опубликуйте таблицу как CSV или XLSX"
        )
    # A binary file: a PDF, or a NUL on the first line (a NUL further on is
    # refused by line, as every control character is).
    if head.startswith(b"%PDF") or b"\0" in head.split(b"\n", 1)[0]:
        raise _problem(source, _NOT_TEXT)


_NOT_TEXT = "это не текстовый файл: сохраните таблицу как CSV (UTF-8) или XLSX"


def _csv_table(source: str, data: bytes) -> Table:
    csv.field_size_limit(MAX_CELL)
    lines: Iterator[str]
    if _may_be_unsafe(data):
        try:
            text = _text(data)
        except UnicodeDecodeError:
            raise _problem(source, _NOT_DECODED) from None
        bad = _unsafe_lines(text)
        if bad or "\u2028" in text or "\u2029" in text:
            # Line breaks of other kinds (\u2028, \x0b…): split at \r and \n
            # alone, as a file is.
            lines = io.StringIO(text, newline="")
        else:
            lines = iter(text.splitlines(keepends=True))
    else:  # most files: decoded and split into lines a block at a time
        bad = {}
        lines = _lines(data)
    try:
        head = list(itertools.islice(lines, HEADER_ROWS))
    except UnicodeDecodeError:
        raise _problem(source, _NOT_DECODED) from None
    reader = csv.reader(
        itertools.chain(head, lines), delimiter=_delimiter([line[:_HEAD_LINE] for line in head])
    )
    return Table(source, reader, lambda: reader.line_num, bad=bad)


_NOT_DECODED = "текст не в UTF-8 и не в Windows-1251: сохраните таблицу как CSV (UTF-8)"


def _may_be_unsafe(data: bytes) -> bool:
    """Whether `data` may hold an unsafe character (or a line break of
    another kind): told from its bytes in a few milliseconds, and for most
    files it is no. (In UTF-8 the bytes of a C1 control, a bidi control, or
    U+2028 and U+2029; a few more, and a few a Windows-1251 text has too,
    which the exact look then clears.)"""
    return bool(
        data.translate(None, _NOT_C0)
        or (b"\xc2" in data and _C1.search(data))  # most files have no \xc2 at all
        or _BIDI.search(data)
    )


def _text(data: bytes) -> str:
    """The whole text of a CSV file: UTF-8 (with or without a BOM), else
    Windows-1251."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251")


_BLOCK = 1 << 18  # bytes of a CSV file decoded, and split into lines, at a time


def _lines(data: bytes) -> Iterator[str]:
    """The lines of a CSV file, decoded and split a block of whole lines at a
    time, while the block is in the processor's cache: a third faster than
    the whole file at once, and the lines are the same. UTF-8 (with or
    without a BOM); from the first block that is not, Windows-1251 (a
    file's blocks before it, all UTF-8, are most often plain ASCII, the same
    in both). A block that is neither raises UnicodeDecodeError."""
    bom = data.startswith(codecs.BOM_UTF8)
    start, encoding = (len(codecs.BOM_UTF8) if bom else 0), "utf-8"
    while start < len(data):
        end = data.find(b"\n", start + _BLOCK)
        end = len(data) if end < 0 else end + 1  # a block ends after a line break
        try:
            text = data[start:end].decode(encoding)
        except UnicodeDecodeError:
            if bom or encoding != "utf-8":  # a BOM says UTF-8: a byte that is not is wrong
                raise
            encoding = "cp1251"
            text = data[start:end].decode(encoding)
        yield from text.splitlines(keepends=True)
        start = end


def _unsafe_lines(text: str) -> dict[int, str]:
    """Line → problem, for each line of `text` with an unsafe character."""
    bad: dict[int, str] = {}
    line, at = 1, 0
    for found in UNSAFE.finditer(text):
        line += text.count("\n", at, found.start())
        at = found.start()
        bad.setdefault(line, unsafe_problem(found.group(0)) or "")
    return bad


_HEAD_LINE = 1 << 16  # characters of each first line read to find the separator


def _delimiter(head: list[str]) -> str:
    """The separator that makes a header of one of the first lines; else the
    one the first line with any has most of."""
    scores = {}
    for delimiter in ";,\t":
        try:
            rows = list(csv.reader(head, delimiter=delimiter))
        except csv.Error:
            continue
        scores[delimiter] = max((header_score(row) for row in rows), default=0)
    best = max(scores, key=scores.__getitem__, default=",")
    if scores.get(best):
        return best
    first = next((line for line in head if any(c in line for c in ";,\t")), "")
    return max(";,\t", key=first.count) if first else ","


# --- XLSX and rows in memory -----------------------------------------------------


def _unpacks_safely(source: str, data: bytes) -> None:
    """Refuse an XLSX whose parts unpack too large, before anything is parsed.

    The sizes are the ones the zip declares: Python's zipfile never unpacks a
    part beyond its declared size, so they bound what parsing costs."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _problem(source, _DAMAGED) from None
    names = {part.filename for part in parts}
    if not names >= _WORKBOOK_PARTS:
        raise _problem(
            source,
            "это архив ZIP, а не таблица XLSX: откройте таблицу в Excel или LibreOffice "
            "и сохраните её как .xlsx или CSV",
        )
    total = sum(part.file_size for part in parts)
    if total > MAX_UNPACKED:
        raise _problem(
            source,
            f"файл XLSX распаковывается в {total // 2**20} МБ, больше {MAX_UNPACKED // 2**20} МБ: "
            "разделите таблицу или сохраните её как CSV",
        )
    for part in parts:
        if part.file_size > MAX_RATIO * max(part.compress_size, 1024):
            raise _problem(
                source,
                f"часть файла XLSX ({part.filename}) сжата больше чем в {MAX_RATIO} раз — "
                "так выглядит «zip-бомба», а не таблица: сохраните таблицу заново",
            )


# The parts every workbook has (Office Open XML): a zip without them is no XLSX.
_WORKBOOK_PARTS = {"[Content_Types].xml", "xl/workbook.xml"}
_DAMAGED = (
    "файл XLSX повреждён или записан не до конца: откройте его в Excel или LibreOffice "
    "и сохраните заново (или сохраните таблицу как CSV)"
)


@contextmanager
def _xlsx_table(source: str, data: bytes, sheet: str | None) -> Iterator[Table]:
    import openpyxl  # imported here: reading CSV does not need it

    _unpacks_safely(source, data)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # a damaged file fails in many ways; all mean the same
        raise _problem(source, _DAMAGED) from None
    try:
        if sheet is None:
            worksheet = book.worksheets[0]
        elif sheet in book.sheetnames:
            worksheet = book[sheet]
        else:
            names = ", ".join(f"«{name}»" for name in book.sheetnames)
            raise _problem(source, f"нет листа «{sheet}»; листы в файле: {names}")
        table = Table(
            source, iter(()), lambda: 0, f"лист «{worksheet.title}» пуст", texts_only=False
        )
        table.rows, table.lines_read = _checked_rows(
            table, (tuple(map(_cell, row)) for row in worksheet.iter_rows(values_only=True))
        )
        yield table
    finally:
        book.close()


def _memory_table(label: str, rows: Sequence[Sequence[str]]) -> Table:
    table = Table(label, iter(()), lambda: 0, "нет ни одной строки")
    table.rows, table.lines_read = _checked_rows(table, (tuple(map(str, row)) for row in rows))
    return table


def _checked_rows(
    table: Table, rows: Iterator[tuple[Cell, ...]]
) -> tuple[Iterator[Sequence[Cell]], Callable[[], int]]:
    """Rows with their count; a cell too long, or one with an unsafe
    character, noted as a bad line (CSV's reader does the same for CSV)."""
    read = [0]

    def counted() -> Iterator[Sequence[Cell]]:
        for row in rows:
            read[0] += 1
            for cell in row:
                if isinstance(cell, str) and cell:
                    if len(cell) > MAX_CELL:
                        table.bad.setdefault(read[0], _long_cell())
                    elif problem := unsafe_problem(cell):
                        table.bad.setdefault(read[0], problem)
            yield row

    return counted(), lambda: read[0]


def _long_cell() -> str:
    return (
        f"ячейка длиннее {MAX_CELL} символов: в таблице активностей таких не бывает, "
        "проверьте строку"
    )


def _cell(value: object) -> Cell:
    """An XLSX cell as the validator reads it: dates stay dates and numbers
    numbers (a date column formatted as a number holds Excel's day number),
    whole ones as int; the rest is text."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return str(value)


def csv_error(err: Exception) -> str:
    """Why Python's csv reader stopped, in Russian, with what to do."""
    if "field larger than field limit" in str(err):
        return "ячейка длиннее допустимого (возможно, не закрыта кавычка)"
    if "NUL" in str(err):
        return "в файле нулевой байт: это не текстовый файл, сохраните таблицу как CSV (UTF-8)"
    return (
        "строка не разбирается как CSV (возможно, не закрыта кавычка): откройте таблицу "
        "в Excel или LibreOffice и сохраните её как CSV заново"
    )


def _problem(source: str, message: str, line: int = 0) -> Problems:
    return Problems([Problem(source, line, message)])
