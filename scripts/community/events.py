"""The community's calendar: data/events.yml and the report deadlines.

    - id: prosv-webinar-2026-12-03     letters, digits, hyphens: its .ics name
      start: 2026-12-03 15:00          Moscow time; a date alone is all day
      end: 2026-12-03 16:30            optional; an hour after start if left out
      kind: webinar                    webinar, contest, deadline or meeting
      platform: prosv                  optional: an id from data/platforms.yml
      title: {ru: …, ce: …}
      link: https://…                  optional: where to take part
      audience: {ru: …, ce: …}         who it is for
      example: true                    optional: an invented event

Every term of data/terms.yml adds a deadline on its last day: the day by
which teachers report their participation (the policy, 7.2). Terms are read
through activity.registries, the one reader of that file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from activity import registries
from activity.values import BadValue, parse_date
from common import yamldata
from common.problem import Problem, Problems
from common.schema import TEXT, URL, in_every_language
from common.site_config import LANGS
from common.words import load as load_words

from .dates import SCHOOL_TIME

EVENTS = Path("data") / "events.yml"
KINDS = ("webinar", "contest", "deadline", "meeting")
MAX_EVENTS = 1000
DEFAULT_LENGTH = timedelta(hours=1)
# The page people report their participation on (policy, 7.2).
REPORT_PAGE = "contributing/index.md#report"

_WHEN = {"type": "string", "pattern": r"\S"}
_SCHEMA: dict[str, Any] = {
    "type": ["array", "null"],
    "maxItems": MAX_EVENTS,
    "items": {
        "type": "object",
        "required": ["id", "start", "kind", "title", "audience"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 80},
            "start": _WHEN,
            "end": _WHEN,
            "kind": {"enum": list(KINDS)},
            "platform": {"type": "string"},
            "title": in_every_language({**TEXT, "maxLength": 200}),
            "link": {**URL, "maxLength": 500},
            "audience": in_every_language({**TEXT, "maxLength": 200}),
            "example": {"type": "boolean"},
        },
    },
}
_TIME = re.compile(r"(\d{1,2}):(\d{2})")


@dataclass(frozen=True)
class Event:
    id: str
    start: datetime  # Moscow time; midnight for a day-long event
    end: datetime  # exclusive: the next midnight for a day-long event
    all_day: bool
    kind: str
    title: dict[str, str]
    audience: dict[str, str]
    platform: str | None = None
    link: str | None = None  # an address on another site
    page: str | None = None  # a page of this site (docs-relative), for deadlines
    example: bool = False

    def is_over(self, moment: datetime) -> bool:
        return self.end <= moment


@dataclass(frozen=True)
class Calendar:
    events: list[Event]  # by start

    def upcoming(self, moment: datetime) -> list[Event]:
        """The events not over at `moment`, soonest first."""
        return [event for event in self.events if not event.is_over(moment)]

    def past(self, moment: datetime) -> list[Event]:
        """The events over at `moment`, latest first."""
        return [event for event in reversed(self.events) if event.is_over(moment)]


def load(project: Path) -> Calendar:
    """The events of data/events.yml and the terms' deadlines, checked."""
    document = yamldata.load(project / EVENTS, _SCHEMA, str(EVENTS), dates_as_text=True)
    known = registries.load(project / "data")
    platforms = {kind.id for kind in known.platforms}
    problems: list[Problem] = []
    events: list[Event] = []
    seen: set[str] = set()
    for index, entry in enumerate(document.data or []):
        if entry["id"] in seen:
            problems.append(document.problem(f"событие {entry['id']} указано дважды", index, "id"))
        seen.add(entry["id"])
        platform = entry.get("platform")
        if platform is not None and platform not in platforms:
            problems.append(
                document.problem(
                    f"нет платформы «{platform}» в data/platforms.yml; "
                    f"есть: {', '.join(sorted(platforms))}",
                    index,
                    "platform",
                )
            )
        try:
            start, all_day = moment_of(entry["start"])
        except ValueError as err:
            problems.append(document.problem(str(err), index, "start"))
            continue
        try:
            end = _end(entry, start, all_day)
        except ValueError as err:
            problems.append(document.problem(str(err), index, "end"))
            continue
        if end <= start:
            problems.append(
                document.problem("событие кончается раньше, чем начинается", index, "end")
            )
            continue
        events.append(
            Event(
                entry["id"],
                start,
                end,
                all_day,
                entry["kind"],
                entry["title"],
                entry["audience"],
                platform,
                entry.get("link"),
                None,
                entry.get("example", False),
            )
        )
    if problems:
        raise Problems(problems)
    events.extend(deadlines(project, known.terms, seen))
    return Calendar(sorted(events, key=lambda event: (event.start, event.id)))


def deadlines(project: Path, terms: list[registries.Term], taken: set[str]) -> list[Event]:
    """A deadline on the last day of every term's reporting period (the day
    before the next term starts; policy 7.2 and 7.6): report participation."""
    words = load_words(project)
    out = []
    for term in terms:
        event_id = f"report-{term.id}"
        if event_id in taken:  # written out in data/events.yml: that one wins
            continue
        start = datetime.combine(term.end, time(), SCHOOL_TIME)
        out.append(
            Event(
                event_id,
                start,
                start + timedelta(days=1),
                True,
                "deadline",
                {
                    lang: words.of("events", lang)["deadline_title"].format(term=term.name[lang])
                    for lang in LANGS
                },
                {lang: words.of("events", lang)["deadline_audience"] for lang in LANGS},
                page=REPORT_PAGE,
            )
        )
    return out


def moment_of(text: str) -> tuple[datetime, bool]:
    """«2026-12-03 15:00» or «03.12.2026 15:00» in Moscow time; a date
    alone is the start of a day-long event. (moment, all day?)"""
    value = " ".join(str(text).split())
    day_text, _, time_text = value.partition(" ")
    try:
        day = parse_date(day_text)
    except BadValue as err:
        raise ValueError(str(err)) from None
    if not time_text:
        return datetime.combine(day, time(), SCHOOL_TIME), True
    found = _TIME.fullmatch(time_text)
    if not found or int(found[1]) > 23 or int(found[2]) > 59:
        raise ValueError(f"«{value}»: время пишется как ЧЧ:ММ, например 15:00")
    return datetime.combine(day, time(int(found[1]), int(found[2])), SCHOOL_TIME), False


def _end(entry: dict[str, Any], start: datetime, all_day: bool) -> datetime:
    if "end" not in entry:
        return start + (timedelta(days=1) if all_day else DEFAULT_LENGTH)
    end, end_all_day = moment_of(entry["end"])
    if all_day != end_all_day:
        raise ValueError("у начала и конца события пишите либо оба времени, либо ни одного")
    # A day-long event's end is written as its last day.
    return end + timedelta(days=1) if all_day else end
