"""The site's clock and its dates in words.

The community lives in Moscow time: an event's time is written in it, and
"today" (which events are still to come) is today in Moscow.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date

TIMEZONE = "Europe/Moscow"
MOSCOW = ZoneInfo(TIMEZONE)


def now() -> datetime:
    """The current moment, in Moscow time."""
    return datetime.now(MOSCOW)


def day_in_words(day: date, lang: str) -> str:
    """«25 ноября 2026» (ru), «25 ноябрь 2026» (ce): CLDR's month names."""
    return format_date(day, "d MMMM y", locale=lang)


def day_and_month(day: date, lang: str) -> str:
    """«25 ноября» (ru), «25 ноябрь» (ce)."""
    return format_date(day, "d MMMM", locale=lang)


def month_in_words(day: date, lang: str) -> str:
    """«Ноябрь 2026»: the month standing alone, as a heading."""
    text = format_date(day, "LLLL y", locale=lang)
    return text[:1].upper() + text[1:]
