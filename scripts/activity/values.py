"""Reading single values the way teachers type them in spreadsheets."""

from __future__ import annotations

import re
from datetime import date, datetime

from common import personal_data

_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
# What alias matching ignores: spaces, quotes of every kind, hyphens, dashes.
_ALIAS_IGNORED = re.compile(r"[\s\"'«»„“”‘’`\-‐‑‒–—_]+")
_ALIAS_ADDRESS = re.compile(r"^(?:https?://)?(?:www\.)?")


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
    """Name the personal datum `text` seems to hold (a phone number, an
    e-mail address, a SNILS…), which must never reach the site; None if
    there is none. The one detector decides: common/personal_data.py."""
    kind = personal_data.first_kind(text)
    return kind.with_article if kind else None


def clean_text(text: str) -> str:
    """A cell's text on one line, without runs of spaces."""
    return " ".join(text.split())
