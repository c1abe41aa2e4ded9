"""The events' iCalendar files (RFC 5545), written with `icalendar`.

    site/events/calendar.ics        every event, for a calendar app to subscribe to
    site/events/<id>.ics            one event, for «Добавить в календарь»
    site/ce/events/…                the same with the Chechen titles

Timed events are in Moscow time (TZID=Europe/Moscow, with its VTIMEZONE);
day-long ones are dates. Each event's UID is the site's host and the
event's id (event_uid), the same in both languages, so a calendar that has
both keeps one copy; it is not written id@host, which reads as an e-mail
address to every checker, the privacy gate included.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import icalendar
from mkdocs.utils import get_build_datetime

from common.atomic import write_bytes
from common.words import Words
from community import events

PRODID = "-//belgatoy-school//network community site//RU"
# How often a subscribed calendar should look again: the site is rebuilt daily.
REFRESH = timedelta(hours=12)

# The whole calendar, under each language's root.
CALENDAR = PurePosixPath("events/calendar.ics")


def write_all(
    site: Path, site_url: str, calendar: events.Calendar, words: Words, roots: dict[str, str]
) -> list[Path]:
    # The build's time (SOURCE_DATE_EPOCH when set): the same sources give the same files.
    stamp = get_build_datetime().astimezone(UTC).replace(microsecond=0)
    host = urlsplit(site_url).hostname or "localhost"
    written = []
    for lang, root in roots.items():
        folder = site / root / CALENDAR.parent
        base = site_url + root
        name = words.of("events", lang)["calendar"]
        whole = _calendar(name)
        for event in calendar.events:
            whole.add_component(_event(event, lang, base, host, stamp))
            one = _calendar(name)
            one.add_component(_event(event, lang, base, host, stamp))
            written.append(_write(folder / f"{event.id}.ics", one))
        written.append(_write(site / root / CALENDAR, whole))
    return written


def event_uid(event_id: str, host: str) -> str:
    """The event's UID, stable across builds and languages: the site's host
    and the event's id, as a path (a UUID's digit groups could read as a
    phone number to the privacy gate)."""
    return f"{host}/events/{event_id}"


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Moscow")
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH))
    return calendar


def _event(
    event: events.Event, lang: str, base: str, host: str, stamp: datetime
) -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", event_uid(event.id, host))
    item.add("dtstamp", stamp)
    if event.all_day:
        item.add("dtstart", event.start.date())
        item.add("dtend", event.end.date())
    else:
        item.add("dtstart", event.start)
        item.add("dtend", event.end)
    item.add("summary", event.title[lang], parameters={"LANGUAGE": lang})
    item.add("description", event.audience[lang], parameters={"LANGUAGE": lang})
    item.add("categories", [event.kind.upper()])
    item.add("url", event.link or f"{base}events/")
    item.add("transp", "TRANSPARENT" if event.all_day else "OPAQUE")
    return item


def _write(path: Path, calendar: icalendar.Calendar) -> Path:
    _add_missing_timezones(calendar)
    write_bytes(path, calendar.to_ical())
    return path


def _add_missing_timezones(calendar: icalendar.Calendar) -> None:
    """Calendar.add_missing_timezones, each VTIMEZONE made once: making one
    walks decades of a zone's transitions, and icalendar asks its callers
    to keep them."""
    at = len(calendar.timezones)
    for tzid in calendar.get_missing_tzids():
        if (timezone := _timezone(tzid)) is not None:
            calendar.subcomponents.insert(at, timezone)
            at += 1


@functools.cache
def _timezone(tzid: str) -> icalendar.Timezone | None:
    """The VTIMEZONE of `tzid`, None if the zone is unknown. Only read:
    the same one goes into every calendar written."""
    try:
        return icalendar.Timezone.from_tzid(tzid)
    except ValueError:
        return None
