"""Personal data in a published file: phone numbers, e-mail addresses, SNILS.

152-FZ: a teacher's contacts need their consent to be published, and a
pupil's never are. The school's own public contacts may be listed in
data/checks.yml. The problem line names the kind and the column, never the
value itself: CI logs are public too.

What is not taken for a phone number: years, dates (ISO or ДД.ММ.ГГГГ),
order and law numbers («№ 1493», «273-ФЗ»), digits inside web addresses,
and local numbers without an area code (too short to tell from other
numbers). A phone number has 11 digits starting with 7 or 8, or starts
with +, or has 10 digits starting with 9 (a mobile number without +7).
E-mail addresses at the domains reserved for examples (example.com, .net
and .org, and *.example, *.invalid, *.test; example.ru is a real domain)
are taken for what a guide shows as an example.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .source import Problem, Rules, Source, digits, phone_key

URL = re.compile(r"https?://\S+")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")
NUMBER = re.compile(r"(?<![\w/#=])(?:\+\s?)?\(?\d[\d \t\u00a0()-]{7,}\d(?![\w/])")
SNILS_FORMAT = re.compile(r"\d{3}-\d{3}-\d{3}[ -]\d{2}")

EXAMPLE_DOMAINS = re.compile(
    r"(^|\.)(example\.(com|net|org)|[^.]+\.(example|invalid|test))$", re.IGNORECASE
)
REMOVE = "remove it, or list it in data/checks.yml if the school publishes it itself"


def check(source: Source, rules: Rules) -> Iterator[Problem]:
    for number, line in enumerate(source.lines, start=1):
        for column, kind in find(line, rules):
            advice = "remove it" if kind == "SNILS number" else REMOVE
            yield Problem(
                source.label, number, f"personal data: {kind} at column {column}: {advice}"
            )


def find(line: str, rules: Rules) -> Iterator[tuple[int, str]]:
    """(column, kind) of every personal datum on `line` that is not allowed."""
    for match in EMAIL.finditer(line):
        address = match.group(0).lower()
        if address not in rules.emails and not EXAMPLE_DOMAINS.search(address.split("@")[1]):
            yield match.start() + 1, "e-mail address"
    prose = URL.sub(lambda m: " " * len(m.group(0)), line)
    for match in NUMBER.finditer(prose):
        kind = classify(match.group(0).strip())
        if kind == "phone number" and phone_key(match.group(0)) in rules.phones:
            continue
        if kind:
            yield match.start() + 1, kind


def classify(text: str) -> str | None:
    """Which kind of personal number `text` is, or None for any other number."""
    number = digits(text)
    if SNILS_FORMAT.fullmatch(text):
        return "SNILS number"
    if number == text and number[0] not in "78" and snils_checks(number):
        return "SNILS number"
    if text.startswith("+") and 10 <= len(number) <= 15:
        return "phone number"
    if len(number) == 11 and number[0] in "78":
        return "phone number"
    if len(number) == 10 and number[0] == "9":
        return "phone number"
    return None


def snils_checks(number: str) -> bool:
    """Whether a number is 11 digits whose last two are a valid SNILS check sum."""
    if len(number) != 11:
        return False
    total = sum(int(d) * weight for d, weight in zip(number[:9], range(9, 0, -1), strict=True))
    expected = total % 101 if total > 101 else total
    return (0 if expected >= 100 else expected) == int(number[9:])
