"""Reading single values the way teachers type them in spreadsheets."""

from __future__ import annotations

import re
from datetime import date, datetime

_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
# What alias matching ignores: spaces, quotes of every kind, hyphens, dashes.
_ALIAS_IGNORED = re.compile(r"[\s\"'«»„“”‘’`\-‐‑‒–—_]+")
_ALIAS_ADDRESS = re.compile(r"^(?:https?://)?(?:www\.)?")
_EMAIL = re.compile(r"[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>().]{2,}")
# A Russian phone number: 10 digits grouped 3-3-2-2, with +7, 7 or 8 before
# them or not, and spaces, hyphens or brackets between the groups.
_DIGIT_RUN = re.compile(r"\d[\d\s()-]{8,}\d")  # a quick test before the exact one
_PHONE = re.compile(r"(?<![\w+])(?:\+7|7|8)?[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?!\w)")


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
        raise BadValue(f"«{text}» is not a date: write ДД.ММ.ГГГГ or ГГГГ-ММ-ДД")
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise BadValue(f"impossible date «{text}»: there is no such day") from None


def alias_key(text: str) -> str:
    """How an alias is compared: no case, ё as е, no spaces, quotes or hyphens,
    and an address without http(s)://, www. or a final slash."""
    key = text.strip().casefold().replace("ё", "е")
    key = _ALIAS_ADDRESS.sub("", key).rstrip("/")
    return _ALIAS_IGNORED.sub("", key)


def contact_in(text: str) -> str | None:
    """Name the contact detail `text` seems to hold: a phone number or an
    e-mail address, which must never reach the site; None if there is none."""
    if "@" in text and _EMAIL.search(text):
        return "an e-mail address"
    if _DIGIT_RUN.search(text) and _PHONE.search(text):
        return "a phone number"
    return None


def clean_text(text: str) -> str:
    """A cell's text on one line, without runs of spaces."""
    return " ".join(text.split())
