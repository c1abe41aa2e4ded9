"""The site's clock and its dates in words.

The community lives in the school's time zone (mkdocs.yml extra.timezone,
Moscow time): an event's time is written in it, and "today" (which events
are still to come) is today there. Dates in words follow the patterns of
data/words.yml `page_dates`, the same the pages' «Обновлено» line uses.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo

from babel.dates import format_date

from common import site_config
from common.site_config import ROOT
from common.words import load as load_words

SCHOOL_TIME = ZoneInfo(site_config.load().timezone)


def now() -> datetime:
    """The current moment, in the school's time zone (its date is
    site_config.today())."""
    return datetime.now(SCHOOL_TIME)


@cache
def _pattern(lang: str, key: str) -> str:
    return load_words(ROOT).of("page_dates", lang)[key]


def day_in_words(day: date, lang: str) -> str:
    """«25 ноября 2026» (ru), «2026 шеран 25 ноябрь» (ce)."""
    return format_date(day, _pattern(lang, "format"), locale=lang)


def day_and_month(day: date, lang: str) -> str:
    """«25 ноября» (ru), «25 ноябрь» (ce)."""
    return format_date(day, _pattern(lang, "day_month"), locale=lang)


def month_in_words(day: date, lang: str) -> str:
    """«Ноябрь 2026»: the month standing alone, as a heading."""
    text = format_date(day, "LLLL y", locale=lang)
    return text[:1].upper() + text[1:]
