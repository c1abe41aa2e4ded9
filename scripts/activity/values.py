"""Reading single values the way teachers type them in spreadsheets."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from functools import lru_cache

from common import personal_data

# A date as teachers write it: 28.10.2025, 28.10.25, 28/10/2025, 28-10-2025,
# «28.10.2025 г.», «28 октября 2025 г.», 2025-10-28; maybe with a time.
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
_YEAR_WORD = r"(?:\s*(?:г\.?|года?))?"
_DAY_FIRST = re.compile(rf"(\d{{1,2}})([./-])(\d{{1,2}})\2(\d{{4}}|\d{{2}}){_YEAR_WORD}{_TIME}")
_ISO = re.compile(rf"(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_TIME}")
_MONTHS = (
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
)
_IN_WORDS = re.compile(rf"(\d{{1,2}})\s+([а-яё]+)\s+(\d{{4}}){_YEAR_WORD}")
# Excel's day numbers: a date cell formatted as a number holds the days
# since 30.12.1899 (its day 1 is 01.01.1900, counting the 29.02.1900 that
# never was; every date since 01.03.1900 comes out right).
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_DAYS = range(36770, 2958466)  # 01.09.2000 to 31.12.9999: dates a log may hold
_SERIAL = re.compile(r"(\d{5,7})(?:[.,]0+)?")
# What alias matching ignores: spaces, quotes of every kind, hyphens, dashes,
# and invisible characters (zero-width spaces and joiners, soft hyphens).
_ALIAS_IGNORED = re.compile(
    "[\\s\"'«»„“”‘’`\\-‐‑‒–—_\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff]+"
)
_ALIAS_ADDRESS = re.compile(r"^(?:https?://)?(?:www\.)?")


# The first day a date may be: older ones are typos (1925 for 2025).
EARLIEST = date(2000, 9, 1)


class BadValue(ValueError):
    """A value that cannot be read; the message says why, for a person."""


def parse_date(value: object) -> date:
    """A date written as ДД.ММ.ГГГГ (ДД.ММ.ГГ, with / or -, «г.» after it,
    the month in words) or ГГГГ-ММ-ДД; an Excel date cell, or a number cell
    (or a CSV cell of digits) holding Excel's day number."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value == int(value) and int(value) in _EXCEL_DAYS:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise BadValue(
            f"«{value:g}» — не дата: задайте столбцу формат «Дата» или пишите ДД.ММ.ГГГГ"
        )
    text = one_line(str(value)).casefold()
    if (serial := _SERIAL.fullmatch(text)) and int(serial[1]) in _EXCEL_DAYS:
        # Excel's day number, as a date column formatted as a number exports to CSV.
        return _EXCEL_EPOCH + timedelta(days=int(serial[1]))
    if match := _DAY_FIRST.fullmatch(text):
        day, _, month, year = match.groups()
        if len(year) == 2:
            year = f"20{year}"
    elif match := _ISO.fullmatch(text):
        year, month, day = match.groups()
    elif (match := _IN_WORDS.fullmatch(text)) and (number := _month(match[2])):
        day, month, year = match[1], str(number), match[3]
    else:
        raise BadValue(f"«{one_line(str(value))}» — не дата: пишите ДД.ММ.ГГГГ или ГГГГ-ММ-ДД")
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise BadValue(f"невозможная дата «{one_line(str(value))}»: такого дня нет") from None


def _month(word: str) -> int | None:
    """The month a word names in any case form (октября, октябрь), from 1."""
    for number, stem in enumerate(_MONTHS, start=1):
        if word.startswith(stem) and word[len(stem) :] in _MONTH_ENDINGS:
            return number
    return None


_MONTH_ENDINGS = ("", "ь", "я", "е", "й", "а", "ем")  # октябрь, октября, мае, май, марта


def alias_key(text: str) -> str:
    """How an alias is compared: no case, ё as е, no spaces, quotes or hyphens,
    and an address without http(s)://, www. or a final slash."""
    key = text.strip().casefold().replace("ё", "е")
    key = _ALIAS_ADDRESS.sub("", key).rstrip("/")
    return _ALIAS_IGNORED.sub("", key)


def contact_in(text: str) -> str | None:
    """Name, in Russian, the personal datum `text` seems to hold («номер
    телефона», «адрес электронной почты»…), which must never reach the site;
    None if there is none. The one detector decides: common/personal_data.py."""
    kind = personal_data.first_kind(text)
    return kind.ru if kind else None


def clean_text(text: str) -> str:
    """A cell's text as the log keeps it: as written (a formula's guard taken
    off), on one line, without runs of spaces or invisible characters."""
    if text[:1] == "'":
        text = restored(text)
    return one_line(text)


def one_line(text: str) -> str:
    """`text` on one line, without runs of spaces or invisible characters."""
    if not text.isascii():
        text = _INVISIBLE.sub("", text)
    return " ".join(text.split())


# Zero-width spaces, joiners and marks, the word joiner and its kin, the BOM,
# the soft hyphen: removed from every text kept. (Bidi overrides are refused
# before, with the other unsafe characters: activity/sources.py.)
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff]")


# What a spreadsheet runs as a formula (OWASP, CSV injection): a cell that
# starts with = + - @, a tab or a carriage return; after any quotes, so that
# guarding stays reversible.
_FORMULA = re.compile("'*[=+\\-@\t\r]")


def neutralised(text: str) -> str:
    """`text` as a spreadsheet shows it and never runs: a formula-like start
    gets a ' in front, as OWASP advises. Every CSV and XLSX the statistics
    write passes its cells through here; `restored` gives the text back."""
    return "'" + text if _FORMULA.match(text) else text


def restored(text: str) -> str:
    """The text `neutralised` was given: its guarding quote taken off."""
    return text[1:] if text[:1] == "'" and _FORMULA.match(text, 1) else text


def clean_name(text: str) -> str:
    """A name as it is shown: composed letters (NFC), without invisible
    characters (zero-width spaces and joiners, bidi marks, soft hyphens),
    on one line, without runs of spaces."""
    text = unicodedata.normalize("NFC", text)
    if not text.isprintable():  # (a format character never is)
        text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    return " ".join(text.split())


# The log's pseudonyms (activity/pseudonyms.py): «педагог-» and ten hex digits.
_PSEUDONYM = re.compile(r"педагог-[0-9a-f]{10}")


def is_pseudonym(teacher: str) -> bool:
    return _PSEUDONYM.fullmatch(teacher) is not None


# A word of a name: letters, maybe joined by hyphens or apostrophes
# (Абдул-Хамид, Д'Артаньян); or a number (Педагог 01).
_NAME_WORD = re.compile(r"[^\W\d_]+(?:[-‐‑'’][^\W\d_]+)*|\d+")
# Russian patronymics (Висхановна, Ахмедович, Ильинична) and Turkic ones.
_PATRONYMIC = ("вич", "вна", "чна", "оглы", "кызы")


@lru_cache(maxsize=65536)
def teacher_key(name: str) -> str:
    """One teacher's spelling, whatever the case, ё/е, spaces, invisible
    characters, dots and word order: «Абдулаева Марха Висхановна»,
    «АБДУЛАЁВА  марха висхановна» and «Марха Висхановна Абдулаева» give
    «абдулаева марха висхановна»; «Абдулаева М. В.», «абдулаева м.в.» and
    «М.В. Абдулаева» give «абдулаева м в». The surname comes first.

    A full name and its initials are different keys: whether they name one
    teacher depends on the other names known (activity/names.py). A name
    with a number in it (Педагог 01) is compared word for word.
    """
    words = name_words(name)
    if len(words) < 2 or any(word.isdigit() for word in words):
        return " ".join(words) if words else clean_name(name).casefold()
    surname, given = _surname_first(words)
    return " ".join([surname, *given])


def initials_key(name: str) -> str:
    """`teacher_key` with every given name cut to its initial, as pseudonyms
    were made before full names were told apart (activity/names.py reads
    such logs): «абдулаева м в» for «Абдулаева Марха Висхановна»."""
    words = teacher_key(name).split(" ")
    if len(words) < 2 or any(word.isdigit() for word in words):
        return " ".join(words)
    return " ".join([words[0], *(word[0] for word in words[1:])])


def name_words(name: str) -> list[str]:
    """The words of a name, in lower case with ё as е, as written."""
    text = unicodedata.normalize("NFKC", clean_name(name)).casefold().replace("ё", "е")
    return _NAME_WORD.findall(text)


def surname_of(name: str) -> str | None:
    """The surname in a teacher's name, as teacher_key finds it; None for a
    name with a number in it (Педагог 01)."""
    words = _NAME_WORD.findall(unicodedata.normalize("NFKC", clean_name(name)))
    if not words or any(word.isdigit() for word in words):
        return None
    return _surname_first(words)[0] if len(words) > 1 else words[0]


def _surname_first(words: list[str]) -> tuple[str, list[str]]:
    """The surname and the other words of a name, whatever the order."""
    full = [len(word) > 1 for word in words]
    if not full[0] and full[-1]:  # М. В. Абдулаева
        return words[-1], words[:-1]
    if (
        len(words) == 3
        and all(full)
        and words[1].endswith(_PATRONYMIC)
        and not words[2].endswith(_PATRONYMIC)
    ):  # Марха Висхановна Абдулаева
        return words[2], words[:2]
    return words[0], words[1:]


# Where Unicode has letters named LATIN (and a few others): a name without
# any is in one script, which most names are, told by one search.
_LATIN_LETTER = re.compile(
    "[A-Za-z\u00aa\u00ba\u00c0-\u02ff\u1d00-\u1eff\u2000-\u21ff\u2c00-\u2cff"
    "\ua700-\uabff\ufb00-\ufbff\U0001df00-\U0001dfff]"
)


def mixed_letter(name: str) -> tuple[str, str] | None:
    """In a name that mixes Latin and Cyrillic letters, the first letter of
    the rarer of the two and its script, («a», "латинская») for a Latin «a»
    typed among Cyrillic ones; None for a name in one script."""
    if name.isascii() or not _LATIN_LETTER.search(name):
        return None
    latin: list[str] = []
    cyrillic: list[str] = []
    for char in name:
        if char.isalpha():
            script = unicodedata.name(char, "").split(" ", 1)[0]
            if script == "LATIN":
                latin.append(char)
            elif script == "CYRILLIC":
                cyrillic.append(char)
    if not latin or not cyrillic:
        return None
    if len(latin) <= len(cyrillic):
        return latin[0], "латинская"
    return cyrillic[0], "кириллическая"
