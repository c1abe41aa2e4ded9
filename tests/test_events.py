"""The events calendar: data/events.yml and the terms' last days, its pages
and its iCalendar files."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import icalendar
import pytest
import yaml

from activity import registries
from common.problem import Problems
from common.site_config import LANGS, ROOT
from community import dates, events
from postbuild.calendars import event_uid
from render import events as events_page
from support.project import copy_project
from support.site import BuiltSite, address, text_of

CALENDAR = events.load(ROOT)


def shown_ids(markdown: str) -> list[str]:
    """The events a rendered list shows, by their headings' anchors."""
    return [
        line.split("{#event-")[1].rstrip("}")
        for line in markdown.splitlines()
        if "{#event-" in line
    ]


def with_events(tmp_path: Path, entries: list[dict]) -> Path:
    project = copy_project(tmp_path / "project")
    (project / "data" / "events.yml").write_text(
        yaml.safe_dump(entries, allow_unicode=True), "utf-8"
    )
    return project


def entry(event_id: str, start: str, **more: object) -> dict:
    return {
        "id": event_id,
        "start": start,
        "kind": "webinar",
        "title": {"ru": f"Событие {event_id}", "ce": f"ГӀуллакх {event_id}"},
        "audience": {"ru": "Учителя", "ce": "Хьехархой"},
        **more,
    }


def test_past_events_leave_the_upcoming_list(tmp_path: Path) -> None:
    now = dates.now().replace(second=0, microsecond=0)
    fmt = "%Y-%m-%d %H:%M"
    project = with_events(
        tmp_path,
        [
            entry("yesterday", (now - timedelta(days=1)).strftime(fmt)),
            entry("running", (now - timedelta(minutes=30)).strftime(fmt)),
            entry("tomorrow", (now + timedelta(days=1)).strftime(fmt)),
            entry("today-all-day", now.strftime("%Y-%m-%d")),
        ],
    )
    out = events_page.render(project)  # decided now, as the daily build decides
    upcoming = out[Path("docs/.generated/events/upcoming.ru.md")]
    archive = out[Path("docs/.generated/events/archive.ru.md")]
    assert shown_ids(upcoming) == ["today-all-day", "running", "tomorrow"] or shown_ids(
        upcoming
    ) == ["running", "today-all-day", "tomorrow"]
    assert "yesterday" in shown_ids(archive)
    assert not set(shown_ids(upcoming)) & set(shown_ids(archive))
    # Upcoming events link their calendar file; past ones do not.
    assert upcoming.count('class="site-ics"') == 3
    assert 'class="site-ics"' not in archive


def test_upcoming_is_by_month_and_archive_latest_first(tmp_path: Path) -> None:
    project = with_events(
        tmp_path,
        [
            entry("march", "2031-03-05 10:00"),
            entry("january-b", "2031-01-20 10:00"),
            entry("january-a", "2031-01-10 10:00", end="2031-01-10 12:30"),
        ],
    )
    moment = datetime(2031, 1, 1, tzinfo=dates.SCHOOL_TIME)
    out = events_page.render(project, moment)
    upcoming = out[Path("docs/.generated/events/upcoming.ru.md")]
    months = [line for line in upcoming.splitlines() if line.startswith("## ")]
    assert months == ["## Январь 2031 {#month-2031-01}", "## Март 2031 {#month-2031-03}"]
    assert [i for i in shown_ids(upcoming) if not i.startswith("report-")] == [
        "january-a",
        "january-b",
        "march",
    ]
    assert "10 января, 10:00–12:30 по московскому времени" in upcoming
    later = events_page.render(project, datetime(2032, 1, 1, tzinfo=dates.SCHOOL_TIME))
    archive = later[Path("docs/.generated/events/archive.ce.md")]
    assert [i for i in shown_ids(archive) if not i.startswith("report-")] == [
        "march",
        "january-b",
        "january-a",
    ]


def test_every_term_ends_with_a_reporting_deadline() -> None:
    terms = registries.load(ROOT / "data").terms
    deadlines = {e.id: e for e in CALENDAR.events if e.kind == "deadline"}
    for term in terms:
        deadline = deadlines[f"report-{term.id}"]
        assert deadline.all_day and deadline.start.date() == term.end
        for lang in LANGS:
            assert term.name[lang] in deadline.title[lang]


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        ({"start": "2026-13-01 10:00"}, "«2026-13-01»"),
        ({"start": "завтра"}, "«завтра»"),
        ({"start": "2026-12-01 25:00"}, "ЧЧ:ММ"),
        ({"platform": "zoom"}, "нет платформы «zoom»"),
        ({"end": "2026-12-01 09:00"}, "раньше, чем начинается"),
    ],
)
def test_a_wrong_event_is_named_by_line(tmp_path: Path, bad: dict, expected: str) -> None:
    project = with_events(
        tmp_path, [entry("ok", "2026-12-01 10:00"), entry("bad", "2026-12-01 10:00")]
    )
    data = yaml.safe_load((project / "data/events.yml").read_text("utf-8"))
    data[1].update(bad)
    (project / "data/events.yml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(Problems) as caught:
        events.load(project)
    (problem,) = caught.value.problems
    assert problem.source == "data/events.yml"
    assert expected in problem.message
    lines = (project / "data/events.yml").read_text("utf-8").splitlines()
    assert problem.line > lines.index("- audience:") + 1  # the second event's lines


@pytest.mark.parametrize("lang", LANGS)
def test_events_page_shows_only_what_is_to_come(site: BuiltSite, lang: str) -> None:
    page = site.html(address(lang, "events/"))
    shown = [h["id"].removeprefix("event-") for h in page.select("article h3[id^=event-]")]
    # The build decided at build time; the session's build is minutes old.
    moment = dates.now() - timedelta(hours=1)
    assert shown == [e.id for e in CALENDAR.upcoming(moment)][: len(shown)]
    assert len(shown) >= 1
    archive = site.html(address(lang, "events/archive/"))
    past = [h["id"].removeprefix("event-") for h in archive.select("article h3[id^=event-]")]
    assert past and not set(past) & set(shown)


@pytest.mark.parametrize("lang", LANGS)
def test_add_to_calendar_gives_a_valid_ics_of_the_event(site: BuiltSite, lang: str) -> None:
    path = address(lang, "events/")
    links = site.html(path).select("article a.site-ics")
    assert links
    names = {"ru": "Добавить в календарь", "ce": "Календаре тӀетоха"}
    for link in links:
        assert text_of(link) == names[lang]
        target = urljoin(site.absolute(path), link["href"]).removeprefix(site.url)
        calendar = icalendar.Calendar.from_ical(site.file(target).read_bytes())
        (event,) = calendar.walk("VEVENT")
        event_id = link.find_parent(class_="site-event").find("h3")["id"].removeprefix("event-")
        assert str(event["UID"]) == event_uid(event_id, "belgatoy-school.github.io")
        assert "DTSTAMP" in event
        start = event["DTSTART"]
        if isinstance(start.dt, datetime):
            assert start.params["TZID"] == "Europe/Moscow"
            assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Moscow"
        assert calendar["VERSION"] == "2.0" and calendar["PRODID"]


def test_whole_calendar_has_every_event_in_both_languages(site: BuiltSite) -> None:
    for lang in LANGS:
        calendar = icalendar.Calendar.from_ical(
            site.file(address(lang, "events/calendar.ics")).read_bytes()
        )
        found = {str(e["UID"]): str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
        host = urlsplit(site.url).hostname or ""
        assert found == {event_uid(e.id, host): e.title[lang] for e in CALENDAR.events}


@pytest.mark.parametrize("built", ["site", "domain_site"])
def test_calendar_can_be_subscribed_to(request: pytest.FixtureRequest, built: str) -> None:
    site: BuiltSite = request.getfixturevalue(built)
    links = site.html("events/").select_one(".site-calendar-links")
    address_shown = text_of(links.find("code"))
    assert address_shown == site.absolute("events/calendar.ics")
    webcal = links.find("a")["href"]
    assert webcal == "webcal://" + address_shown.split("://", 1)[1]


def test_deploy_rebuilds_every_day() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text("utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key «on» as true
    assert triggers["schedule"][0]["cron"].split()[2:] == ["*", "*", "*"]


def test_calendars_are_the_same_for_the_same_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DTSTAMP is the build's time, SOURCE_DATE_EPOCH when set, as MkDocs
    dates the build: two builds of the same sources give the same files."""
    from common.words import load as load_words
    from postbuild import calendars

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    roots = {lang: "" if lang == LANGS[0] else f"{lang}/" for lang in LANGS}
    made = []
    for run in ("first", "second"):
        site = tmp_path / run
        written = calendars.write_all(
            site, "https://example.org/", events.load(ROOT), load_words(ROOT), roots
        )
        assert written
        made.append({path.relative_to(site): path.read_bytes() for path in written})
    assert made[0] == made[1]
    event = icalendar.Calendar.from_ical(next(iter(made[0].values()))).walk("VEVENT")[0]
    assert event["DTSTAMP"].dt.timestamp() == 1790000000
