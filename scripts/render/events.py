"""The calendar's pages, from data/events.yml and data/terms.yml (community/events.py).

    docs/.generated/events/upcoming.<lang>.md   /events/: still to come, by month
    docs/.generated/events/archive.<lang>.md    /events/archive/: over, latest first

"Still to come" is decided when the site is built, in Moscow time; the
deploy workflow rebuilds every day. Each upcoming event links its own
.ics file, written after the build (postbuild/calendars.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import groupby
from pathlib import Path

from activity import registries
from common.site_config import LANGS
from common.words import Section
from common.words import load as load_words
from community import dates, events
from render.core import GENERATED, NOTICE
from render.mdtext import href, markdown_text
from render.templating import render_template


@dataclass(frozen=True)
class Shown:
    """An event as the page shows it; every text is already safe Markdown."""

    id: str
    title: str
    iso: str
    when: str
    kind: str
    example: bool
    audience: str
    platform: str  # a link to the platform's guide, or ""
    link: str  # a link to where to take part, or ""
    ics: str  # the address of its .ics file, or "" (past events)


@dataclass(frozen=True)
class Month:
    id: str
    name: str
    events: list[Shown]


def render(project: Path, moment: datetime | None = None) -> dict[Path, str]:
    """The renderer (render/core.py): both lists in every language."""
    calendar = events.load(project)
    moment = moment or dates.now()
    words = load_words(project)
    platforms = _platform_names(project)
    outputs: dict[Path, str] = {}
    for lang in LANGS:
        said = words.of("events", lang)
        for name, chosen, upcoming in (
            ("upcoming", calendar.upcoming(moment), True),
            ("archive", calendar.past(moment), False),
        ):
            months = [
                Month(
                    f"{key[0]:04d}-{key[1]:02d}",
                    markdown_text(dates.month_in_words(group[0].start.date(), lang)),
                    [_shown(event, lang, said, platforms, upcoming) for event in group],
                )
                for key, grouped in groupby(chosen, key=lambda e: (e.start.year, e.start.month))
                for group in [list(grouped)]
            ]
            outputs[GENERATED / "events" / f"{name}.{lang}.md"] = NOTICE + render_template(
                "events.md.jinja",
                months=months,
                none=said["none_upcoming" if upcoming else "none_past"],
                words=said,
            )
    return outputs


def _platform_names(project: Path) -> dict[str, dict[str, str]]:
    return {kind.id: kind.name for kind in registries.load(project / "data").platforms}


def _shown(
    event: events.Event,
    lang: str,
    said: Section,
    platforms: dict[str, dict[str, str]],
    upcoming: bool,
) -> Shown:
    platform = ""
    if event.platform:
        name = markdown_text(platforms[event.platform][lang])
        platform = f"[{name}](../platforms/{event.platform}.md)"
    link = ""
    if event.link:
        link = f"[{markdown_text(said['link'])}](<{href(event.link)}>)"
    elif event.page:
        link = f"[{markdown_text(said['report_link'])}](../{event.page})"
    return Shown(
        id=event.id,
        title=markdown_text(event.title[lang]),
        iso=event.start.date().isoformat()
        if event.all_day
        else event.start.isoformat(timespec="minutes"),
        when=markdown_text(when(event, lang, said)),
        kind=markdown_text(said[event.kind]),
        example=event.example,
        audience=markdown_text(event.audience[lang]),
        platform=platform,
        link=link,
        ics=f"{event.id}.ics" if upcoming else "",
    )


def when(event: events.Event, lang: str, said: Section) -> str:
    """«9 декабря, 14:00–15:30 по московскому времени», «24 октября, весь день»,
    «1 февраля – 15 февраля»."""
    start, end = event.start, event.end
    if event.all_day:
        last = (end - timedelta(days=1)).date()
        if last == start.date():
            return f"{dates.day_and_month(start.date(), lang)}, {said['all_day']}"
        return f"{dates.day_and_month(start.date(), lang)} – {dates.day_and_month(last, lang)}"
    begins = f"{dates.day_and_month(start.date(), lang)}, {start:%H:%M}"
    if end.date() == start.date():
        return f"{begins}–{end:%H:%M} {said['moscow']}"
    return f"{begins} – {dates.day_and_month(end.date(), lang)}, {end:%H:%M} {said['moscow']}"
