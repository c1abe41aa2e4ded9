"""Property-based tests of the parsing every row goes through: dates,
aliases of platforms and kinds, contact details."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from activity import registries
from activity.values import BadValue, alias_key, contact_in, parse_date
from common.site_config import ROOT

REGISTRIES = registries.load(ROOT / "data")
SPELLINGS = [
    (alias, kind.id, aliases)
    for kinds, aliases in (
        (REGISTRIES.platforms, REGISTRIES.platform_aliases),
        (REGISTRIES.activities, REGISTRIES.activity_aliases),
    )
    for kind in kinds
    for alias in [kind.id, *kind.name.values()]
]
days = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31))


@given(days)
def test_both_written_forms_give_the_date(day: datetime.date) -> None:
    assert parse_date(day.strftime("%d.%m.%Y")) == day
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.day}.{day.month}.{day.year}") == day
    assert parse_date(datetime.datetime(day.year, day.month, day.day, 12, 30)) == day


@given(st.integers(1900, 2100), st.integers(1, 12), st.integers(1, 31))
def test_impossible_days_are_named(year: int, month: int, day: int) -> None:
    text = f"{day:02}.{month:02}.{year}"
    try:
        expected = datetime.date(year, month, day)
    except ValueError:
        with pytest.raises(BadValue, match=r"^невозможная дата «"):
            parse_date(text)
    else:
        assert parse_date(text) == expected


@given(st.text(max_size=30))
def test_any_text_is_a_date_or_a_readable_problem(text: str) -> None:
    try:
        parse_date(text)
    except BadValue as err:
        assert "«" in str(err)


def _respelled(draw, text: str) -> str:
    """`text` as a spreadsheet may have it: any case, spaces, quotes around."""
    cased = "".join(
        char.upper() if flip else char.lower()
        for char, flip in zip(
            text, draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text))), strict=True
        )
    )
    quote = draw(st.sampled_from(["", '"', "«"]))
    closing = {"": "", '"': '"', "«": "»"}[quote]
    pad = draw(st.sampled_from(["", " ", "  ", "\t"]))
    return f"{pad}{quote}{cased}{closing}{pad}"


@st.composite
def respelled_alias(draw):
    alias, kind_id, aliases = draw(st.sampled_from(SPELLINGS))
    return _respelled(draw, alias), kind_id, aliases


@given(respelled_alias())
def test_an_alias_however_written_means_its_kind(case) -> None:
    written, kind_id, aliases = case
    assert aliases[alias_key(written)] == kind_id


@given(st.text(max_size=40))
def test_alias_key_never_fails_and_ignores_spaces(text: str) -> None:
    assert not any(char.isspace() for char in alias_key(text))


@given(
    st.sampled_from(["+7", "8", "7", ""]),
    st.lists(st.integers(0, 9), min_size=10, max_size=10),
    st.sampled_from([" ", "-", ""]),
    st.sampled_from(["Звоните: ", "тел. ", ""]),
)
def test_a_phone_number_is_found_in_any_usual_form(prefix, digits, sep, before) -> None:
    d = "".join(map(str, digits))
    number = f"{prefix} ({d[:3]}) {d[3:6]}{sep}{d[6:8]}{sep}{d[8:]}"
    assert contact_in(f"{before}{number} — Педагог") == "номер телефона"


@given(st.from_regex(r"[a-z0-9._]{1,12}@[a-z0-9]{1,10}\.(ru|com|рф)", fullmatch=True))
def test_an_email_address_is_found(address: str) -> None:
    assert contact_in(f"Методичка, пишите на {address}") == "адрес электронной почты"


@given(days)
def test_dates_and_years_are_not_phone_numbers(day: datetime.date) -> None:
    assert contact_in(f"Урок {day:%d.%m.%Y}, {day.year}-{day.year + 1} учебный год") is None
