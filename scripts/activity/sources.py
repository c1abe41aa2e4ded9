"""Open a source of activity rows: a CSV or XLSX file, here or at an http(s)
address, and give its rows with their line numbers.

CSV may be UTF-8 (with or without a BOM) or Windows-1251, separated by
commas, semicolons or tabs, as Excel writes it in a Russian locale: the
separator is the one that makes a header of one of the first rows. XLSX is
read from the first sheet, or from the one named; a row's line is the
sheet's row number. Which row is the header is for the validator to find.
"""

from __future__ import annotations

import codecs
import csv
import http.client
import io
import re
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from .columns import HEADER_ROWS, header_score
from .model import Problem, Problems

MAX_DOWNLOAD = 50 * 2**20  # bytes; a year of a school's activity is far less
TIMEOUT = 60  # seconds
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls format
_CHUNK = 1 << 20
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

Cell = str | date
# What reading a text file can still raise after its first line.
READ_ERRORS = (csv.Error, UnicodeDecodeError)


@dataclass
class Table:
    """A source's rows, from its first line.

    `lines_read()` says how many lines (or sheet rows) have been read so far,
    so a row starts on the line after the count taken before reading it.
    """

    source: str
    rows: Iterator[Sequence[Cell]]
    lines_read: Callable[[], int]
    empty: str = "в файле нет ни одной строки"  # the problem when there is no row at all


@contextmanager
def open_table(source: str, sheet: str | None = None, label: str | None = None) -> Iterator[Table]:
    """Open `source` (a path or an http(s) address); raise Problems for a
    source that cannot be read at all. `label` names it in problems."""
    label = label or source
    with _open_binary(source, label) as binary:
        head = binary.read(512)
        binary.seek(0)
        if head.startswith(_ZIP):
            with _xlsx_table(label, binary, sheet) as table:
                yield table
        else:
            _refuse_other_formats(label, head)
            yield _csv_table(label, binary)


@contextmanager
def _open_binary(source: str, label: str) -> Iterator[BinaryIO]:
    scheme = _SCHEME.match(source)
    if scheme and scheme.group(1).lower() in ("http", "https"):
        yield _download(source)
        return
    if scheme:
        raise _problem(label, f"читаются только адреса http:// и https://, а не {scheme[0]}")
    try:
        binary = open(source, "rb")  # noqa: SIM115 - closed below, after the errors
    except FileNotFoundError:
        raise _problem(label, "нет такого файла") from None
    except IsADirectoryError:
        raise _problem(label, "это папка, а не файл") from None
    except OSError as err:
        raise _problem(label, f"не удаётся прочитать файл: {err.strerror}") from None
    with binary:
        yield binary


def _download(url: str) -> BinaryIO:
    request = urllib.request.Request(url, headers={"User-Agent": "belgatoy-network-stats"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            data = response.read(MAX_DOWNLOAD + 1)
    except urllib.error.HTTPError as err:
        raise _problem(url, f"не удаётся скачать: сервер ответил {err.code} {err.reason}") from None
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as err:
        reason = getattr(err, "reason", err)
        raise _problem(url, f"не удаётся скачать: {reason}") from None
    if len(data) > MAX_DOWNLOAD:
        raise _problem(url, f"файл по адресу больше {MAX_DOWNLOAD // 2**20} МБ")
    return io.BytesIO(data)


def _refuse_other_formats(source: str, head: bytes) -> None:
    if not head.strip(codecs.BOM_UTF8 + b" \t\r\n"):
        raise _problem(source, "файл пуст")
    if head.startswith(_OLE):
        raise _problem(source, "старый формат Excel .xls: сохраните файл как .xlsx или CSV")
    if head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        raise _problem(
            source, "это веб-страница, а не CSV или XLSX: опубликуйте таблицу как CSV или XLSX"
        )
    if b"\0" in head:
        raise _problem(source, _NOT_TEXT)


_NOT_TEXT = "это не текстовый файл: сохраните таблицу как CSV (UTF-8) или XLSX"


def _csv_table(source: str, binary: BinaryIO) -> Table:
    text = io.TextIOWrapper(binary, encoding=_encoding(binary), newline="")
    try:
        head = [text.readline(_HEAD_LINE) for _ in range(HEADER_ROWS)]
    except UnicodeDecodeError:
        raise _problem(
            source, "текст не в UTF-8 и не в Windows-1251: сохраните таблицу как CSV (UTF-8)"
        ) from None
    if any(_CONTROL.search(line) for line in head):
        raise _problem(source, _NOT_TEXT)
    text.seek(0)
    reader = csv.reader(text, delimiter=_delimiter(head))
    return Table(source, reader, lambda: reader.line_num)


def _encoding(binary: BinaryIO) -> str:
    """UTF-8 with a BOM, UTF-8, or else Windows-1251: one fast pass decides."""
    if binary.read(3) == codecs.BOM_UTF8:
        binary.seek(0)
        return "utf-8-sig"
    binary.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := binary.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
        encoding = "utf-8"
    except UnicodeDecodeError:
        encoding = "cp1251"
    binary.seek(0)
    return encoding


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


@contextmanager
def _xlsx_table(source: str, binary: BinaryIO, sheet: str | None) -> Iterator[Table]:
    import openpyxl  # imported here: reading CSV does not need it

    try:
        book = openpyxl.load_workbook(binary, read_only=True, data_only=True)
    except Exception as err:  # a damaged file fails in many ways; all mean the same
        raise _problem(source, f"не удаётся прочитать файл XLSX: {err}") from None
    try:
        if sheet is None:
            worksheet = book.worksheets[0]
        elif sheet in book.sheetnames:
            worksheet = book[sheet]
        else:
            names = ", ".join(f"«{name}»" for name in book.sheetnames)
            raise _problem(source, f"нет листа «{sheet}»; листы в файле: {names}")
        read = [0]  # sheet rows read so far

        def rows() -> Iterator[list[Cell]]:
            for row in worksheet.iter_rows(values_only=True):
                read[0] += 1
                yield [_cell(value) for value in row]

        yield Table(source, rows(), lambda: read[0], f"лист «{worksheet.title}» пуст")
    finally:
        book.close()


def _cell(value: object) -> Cell:
    """An XLSX cell as the validator reads it: dates stay dates, the rest text."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _problem(source: str, message: str, line: int = 1) -> Problems:
    return Problems([Problem(source, line, message)])
