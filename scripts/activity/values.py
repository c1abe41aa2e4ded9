"""Reading single values the way teachers type them in spreadsheets."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from functools import lru_cache

from common import personal_data

_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
# What alias matching ignores: spaces, quotes of every kind, hyphens, dashes.
_ALIAS_IGNORED = re.compile(r"[\s\"'«»„“”‘’`\-‐‑‒–—_]+")
_ALIAS_ADDRESS = re.compile(r"^(?:https?://)?(?:www\.)?")


# The first day a date may be: older ones are typos (1925 for 2025).
EARLIEST = date(2000, 9, 1)


class BadValue(ValueError):
    """A value that cannot be read; the message says why, for a person."""


def parse_date(value: object) -> date:
    """A date written as ДД.ММ.ГГГГ or YYYY-MM-DD, or an Excel date cell."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if match := _DOTTED.fullmatch(text):
        day, month, year = match.groups()
    elif match := _ISO.fullmatch(text):
        year, month, day = match.groups()
    else:
        raise BadValue(f"«{text}» — не дата: пишите ДД.ММ.ГГГГ или ГГГГ-ММ-ДД")
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise BadValue(f"невозможная дата «{text}»: такого дня нет") from None


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
    if not text.isascii():
        text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    return " ".join(text.split())


# A word of a name: letters, maybe joined by hyphens or apostrophes
# (Абдул-Хамид, Д'Артаньян); or a number (Педагог 01).
_NAME_WORD = re.compile(r"[^\W\d_]+(?:[-‐‑'’][^\W\d_]+)*|\d+")
# Russian patronymics (Висхановна, Ахмедович, Ильинична) and Turkic ones.
_PATRONYMIC = ("вич", "вна", "чна", "оглы", "кызы")


@lru_cache(maxsize=65536)
def teacher_key(name: str) -> str:
    """What makes two spellings of a teacher's name one teacher.

    Case, ё/е, spaces, invisible characters and dots do not count, and a
    full name counts as the surname with initials: «Абдулаева Марха
    Висхановна», «Абдулаева М. В.», «абдулаева м.в.» and «М.В. Абдулаева»
    all give «абдулаева м в». A name with a number in it (Педагог 01) is
    compared word for word.
    """
    text = unicodedata.normalize("NFKC", clean_name(name)).casefold().replace("ё", "е")
    words = _NAME_WORD.findall(text)
    if len(words) < 2 or any(word.isdigit() for word in words):
        return " ".join(words) if words else text
    surname, given = _surname_first(words)
    return " ".join([surname, *(word[0] for word in given)])


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


def mixed_letter(name: str) -> tuple[str, str] | None:
    """In a name that mixes Latin and Cyrillic letters, the first letter of
    the rarer of the two and its script, («a», "латинская») for a Latin «a»
    typed among Cyrillic ones; None for a name in one script."""
    if name.isascii():
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
