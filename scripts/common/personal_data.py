"""The one detector of personal data: what counts as a phone number, an
e-mail address, a SNILS, a passport number, or a name next to a birth date.

Used by `make check` (checks/personal_data.py) on the sources, by the
privacy gate (postbuild/privacy_gate.py) on everything the build publishes,
and by `stats.py` (activity/values.py) on the cells it reads. 152-FZ: a
teacher's contacts need their consent to be published, and a pupil's data
never are; the school's own public contacts are listed in data/checks.yml.

A find never carries the value itself out of here, only a masked form
(`+7 (***) ***-**-67`): CI logs are public too.

Digits are read whatever is written between them: spaces of every kind
(no-break, thin, narrow, `&thinsp;`…), invisible characters (zero-width
space, word joiner, soft hyphen), dots, hyphens, every dash and minus,
brackets; full-width digits too.

What is a phone number, in every common Russian writing: 11 digits from
7 or 8, or + and 10 to 15 digits, or 10 digits from 9 (a mobile without +7),
or 10 digits grouped as one (`(495) 123-45-67`); any number in a tel:, sms:,
wa.me, t.me/+ or Viber link; and any number of 5 digits or more (a rural
exchange's `22-1-33` too) right after a word that says so: «тел.»,
«телефон», «тел./факс», «моб.», «сот.», WhatsApp, «звоните». Not phones:
years, dates, order and law numbers, digits inside other web addresses, the
activity log's pseudonyms (`педагог-` and ten hex digits, possibly all
digits), local numbers without such a word, and a word inside another
(«учителя 12345»).

A passport: «серия 4510 № 123456», «Паспорт 4510 № 123456», `4510 №123456`,
`45 10 123456`, or ten digits after «паспорт». A birth certificate (a
pupil's): «II-ЭГ № 123456».

An e-mail address is found also when written with HTML entities
(`&#64;`), percent-encoded (`%40`) or as «(at)»/«[собака]»; addresses at the
domains reserved for examples (example.com, .net, .org, *.example,
*.invalid, *.test) are what a guide shows as an example.

A name next to a birth date: a full name (Фамилия Имя Отчество, or
Фамилия И. О.; in capitals too, ИВАНОВ ИВАН ИВАНОВИЧ or ИВАНОВ Иван
Иванович) near a date marked as a birth date («г. р.», «дата
рождения», «родился»…); a full name with a patronymic next to an unmarked
date counts too when the date is from a year a pupil or a teacher could
have been born in (five or more years ago), unless the date is a document's
(«от 01.09.2020»).
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from common import yamldata
from common.joined import Joined
from common.schema import TEXT


class Kind(Enum):
    """A kind of personal datum, named as reports name it: in English for
    the developers' checks (`value`), in Russian for the coordinator and the
    teachers (`ru`)."""

    PHONE = "phone number"
    EMAIL = "e-mail address"
    SNILS = "SNILS number"
    PASSPORT = "passport number"
    CERTIFICATE = "birth certificate number"
    NAME_AND_BIRTH_DATE = "name with a birth date"

    @property
    def ru(self) -> str:
        """«номер телефона», «адрес электронной почты», …"""
        return _RUSSIAN[self]


_RUSSIAN = {
    Kind.PHONE: "номер телефона",
    Kind.EMAIL: "адрес электронной почты",
    Kind.SNILS: "номер СНИЛС",
    Kind.PASSPORT: "номер паспорта",
    Kind.CERTIFICATE: "номер свидетельства о рождении",
    Kind.NAME_AND_BIRTH_DATE: "имя с датой рождения",
}


@dataclass(frozen=True)
class Find:
    """One personal datum in a text: where it is and its masked form."""

    kind: Kind
    start: int  # index in the text given to `find`
    end: int
    masked: str
    key: str  # what the allowlist compares: last ten digits, or the address


_TEXTS: dict[str, Any] = {"type": ["array", "null"], "items": TEXT}
_CHECKS_SCHEMA: dict[str, Any] = {
    "type": ["object", "null"],
    "additionalProperties": False,
    "properties": {
        "public_contacts": {
            "type": ["object", "null"],
            "additionalProperties": False,
            "properties": {"phones": _TEXTS, "emails": _TEXTS},
        },
    },
}


@dataclass(frozen=True)
class PublicContacts:
    """The school's own public contacts (data/checks.yml), which may be shown."""

    phones: frozenset[str] = frozenset()  # last ten digits
    emails: frozenset[str] = frozenset()  # lower case

    @classmethod
    def load(cls, data: Path) -> PublicContacts:
        """public_contacts of data/checks.yml (none when the file is missing)."""
        path = data / "checks.yml"
        if not path.exists():
            return cls()
        document = yamldata.load(path, _CHECKS_SCHEMA, f"{data.name}/checks.yml")
        contacts = (document.data or {}).get("public_contacts") or {}
        return cls(
            phones=frozenset(phone_key(str(p)) for p in contacts.get("phones") or ()),
            emails=frozenset(str(e).lower() for e in contacts.get("emails") or ()),
        )

    def allows(self, found: Find) -> bool:
        if found.kind is Kind.PHONE:
            return found.key in self.phones
        if found.kind is Kind.EMAIL:
            return found.key in self.emails
        return False


NOBODY = PublicContacts()

# --- Reading the text: entities, percent-encoding and «(at)» undone ---------

_DECODE = re.compile(
    r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?"
    r"|%40|%2[eE]"
    r"|[ \t]?[\[({<] ?(?:at|собака|dog|dot|точка) ?[\])}>][ \t]?",
    re.IGNORECASE,
)
_SPELT_AT = re.compile(r"[\[({<] ?(?:[aA][tT]|[сС][оО][бБ][аА][кК][аА]|[dD][oO][gG]) ?[\])}>]")


class _Decoded:
    """`text` with entities and disguised @ and dots undone, and the way back
    from an index in the result to an index in `text`."""

    # (index in the result, index in `text`, copied) where each piece starts
    _starts: list[tuple[int, int, bool]]
    _keys: list[int]

    def __init__(self, text: str) -> None:
        if not ("&" in text or "%" in text or _SPELT_AT.search(text)):  # most text
            self.text = text
            self._starts, self._keys = [(0, 0, True)], [0]
            return
        pieces: list[str] = []
        self._starts = []
        at = length = 0
        for match in _DECODE.finditer(text):
            if match.start() > at:
                self._starts.append((length, at, True))
                pieces.append(text[at : match.start()])
                length += match.start() - at
            plain = self._plain(match.group(0))
            self._starts.append((length, match.start(), False))
            pieces.append(plain)
            length += len(plain)
            at = match.end()
        self._starts.append((length, at, True))
        pieces.append(text[at:])
        self.text = "".join(pieces)
        self._keys = [start for start, _, _ in self._starts]

    @staticmethod
    def _plain(written: str) -> str:
        word = written.strip(" \t\n[](){}<>").lower()
        if written.startswith("&"):
            return html.unescape(written)
        if written.startswith("%"):
            return "@" if written == "%40" else "."
        return "." if word in ("dot", "точка") else "@"

    def origin(self, index: int) -> int:
        """The index in the original text of the character at `index`."""
        piece = bisect.bisect_right(self._keys, index) - 1
        start, origin, copied = self._starts[piece]
        return origin + (index - start) if copied else origin


# --- Phones, SNILS and passports ------------------------------------------

# Characters people (or their editors) put between a number's digits, each
# read as the plain space or hyphen it stands for: every Unicode space
# (no-break, thin, narrow, figure…), the invisible ones (zero-width, word
# joiner, soft hyphen, byte-order mark) and every dash and minus. One
# character for one, so an index in the text stays an index in the original.
_SPACE_LIKE = "\u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff\u00ad\u180e"
_DASH_LIKE = "\u2010-\u2015\u2212\ufe58\ufe63\uff0d"
_UNIFORM = str.maketrans(
    {
        **{chr(c): " " for c in (0x00A0, 0x1680, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF, 0x00AD)},
        **{chr(c): " " for c in (0x180E, *range(0x2000, 0x200E))},
        **{chr(c): "-" for c in (*range(0x2010, 0x2016), 0x2212, 0xFE58, 0xFE63, 0xFF0D)},
        **{chr(0xFF10 + d): str(d) for d in range(10)},  # full-width digits
        "\uff0b": "+",
    }
)


def uniform(text: str) -> str:
    """`text` with every space, invisible character and dash between digits
    written as a plain space or hyphen, character for character."""
    return text if text.isascii() else text.translate(_UNIFORM)


_SEP = "[ \\t.()\\-]"
# A run of five digits or more with separators between them (a + or a
# bracket before it is taken in by _LEAD). Digit first: the regex engine
# then skips to digits, which keeps a whole site's text to milliseconds.
# The text is `uniform` by then: one space, one hyphen.
_NUMBER = re.compile(rf"\d(?:{_SEP}{{0,3}}\d){{4,}}")
_LEAD = re.compile(rf"(?:\+{_SEP}{{0,2}}\(?|\()$")
_LEAD_CHARS = set("+( \t.-")
# Ten digits written as a phone: an area code in brackets, or 3-3-2-2 groups.
_GROUPED_TEN = re.compile(
    rf"\(\d{{3}}\){_SEP}*\d{{3}}{_SEP}*\d{{2}}{_SEP}*\d{{2}}"
    rf"|\d{{3}}{_SEP}+\d{{3}}{_SEP}+\d{{2}}{_SEP}+\d{{2}}"
)
# A date is no local phone, even after «звоните»: 12.03.2025.
_DATE_LIKE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d")
_SNILS_FORMAT = re.compile(r"\d{3}[- ]\d{3}[- ]\d{3}[- ]\d{2}")
_PASSPORT_FORMAT = re.compile(r"\d{2} \d{2} \d{6}")
_PASSPORT_SERIES = re.compile(
    r"сери[яи]\s*(\d{2}\s?\d{2})\s*(?:№|номер|N)\s*(\d{6})(?!\d)", re.IGNORECASE
)
# A passport's series and number with «№» between: «4510 № 123456»,
# «45 10 №123456», «4510 N 123456».
_PASSPORT_NUMBERED = re.compile(r"(?<![\d.,/-])(\d\d ?\d\d) ?(?:№|N|No\.?) ?(\d{6})(?!\d)")
# A birth certificate (a pupil's): «II-ЭГ № 123456», «IV-АБ 654321».
_CERTIFICATE = re.compile(r"(?<![\w-])([IVXLCІХЛСМ]{1,4} ?- ?[А-ЯЁ]{2}) ?(?:№|N)? ?(\d{6})(?!\d)")
_SERIES = "сери"  # a passport's «серия 4510 № 123456»
_BEFORE = 30  # how far back a word like «СНИЛС» or «тел.» is looked for
# Words before a number that say what it is, matched in lower case.
_SNILS_WORD = re.compile(r"снилс|страхов\w* номер")
_PASSPORT_WORD = re.compile(r"паспорт|сери[яи]")
_PHONE_HINT = re.compile(r"тел|моб|сот|факс|fax|mob|phone|whatsapp|ватсап|вотсап|viber|вайбер|звон")
# A word that says the number right after it is a phone: «тел.», «телефон:»,
# «тел./факс», «моб.», «сот.», «WhatsApp», «звоните». It starts a word:
# «учителя 12345» is no phone.
_PHONE_WORDS = (
    r"(?:тел(?:ефон\w*|\.)?|моб(?:ильн\w*|\.)?|сот(?:ов\w*|\.)|факс\w*|fax|mob\w*|phone\w*"
    r"|whatsapp|ватсап\w*|вотсап\w*|viber|вайбер\w*|звоните|звонить)"
    r"(?:\s*/\s*факс)?\.?\s*[:\-–—]?\s*"
)
_PHONE_WORD = re.compile(rf"(?<![^\W\d_]){_PHONE_WORDS}$")


def _any_case(pattern: str) -> str:
    """`pattern` (lower case) with each letter matching either case, as
    re.IGNORECASE does, but many times faster on Cyrillic text."""
    return re.sub(r"[^\W\d_]", lambda m: f"[{m.group(0)}{m.group(0).upper()}]", pattern)


_PHONE_LINK = re.compile(
    _any_case(
        r"(?:tel:|sms:|callto:|wa\.me/|whatsapp\.com/send/?\?phone=|t\.me/|"
        r"viber://(?:chat|add)\?number=)"
    )
    + r"(?P<number>(?:%2[bB]|\+)?(?:%20|[\s\d().\-])*\d)"
)
# Addresses: their digits are no phone numbers (material-89281234567.html).
_URL = re.compile(r"(?:[hH][tT][tT][pP][sS]?://|www\.)[^\s<>\"']+")
_DOMAIN_PATH = re.compile(r"\.(?:ru|рф|com|org|net)/[^\s<>\"']*")
_HOST_CHARS = re.compile(r"[\w.+-]+$")
# The activity log's pseudonyms (activity/pseudonyms.py): never a phone.
_PSEUDONYM = re.compile(r"педагог-[0-9a-f]{10}(?![0-9a-zA-Z])")


_NOT_DIGIT = re.compile(r"\D+")


def digits(text: str) -> str:
    return _NOT_DIGIT.sub("", text)


def phone_key(text: str) -> str:
    """The part of a Russian phone number that the +7, 7 and 8 forms share."""
    return digits(text)[-10:]


def snils_checks(number: str) -> bool:
    """Whether a number is 11 digits whose last two are a valid SNILS check sum."""
    if len(number) != 11:
        return False
    total = sum(int(d) * weight for d, weight in zip(number[:9], range(9, 0, -1), strict=True))
    expected = total % 101 if total > 101 else total
    return (0 if expected >= 100 else expected) == int(number[9:])


def classify(text: str, before: str = "") -> Kind | None:
    """Which kind of personal number `text` is, or None for any other number.

    `before` is the text just before it, where «СНИЛС», «паспорт» or «тел.»
    may say what the number is.
    """
    written = uniform(text).strip(" \t.-")
    text = written.strip("()")
    number = digits(text)
    near = uniform(before[-_BEFORE:]).lower()
    if len(number) < 10:
        # A short local number (22-1-33, 2 21 33, 22133), told as a phone by
        # the word right before it; a date never is one.
        said = _PHONE_HINT.search(near) and _PHONE_WORD.search(near)
        local = len(number) >= 5 and said and not _DATE_LIKE.fullmatch(text)
        return Kind.PHONE if local else None
    if _SNILS_FORMAT.fullmatch(text) or (len(number) == 11 and _SNILS_WORD.search(near)):
        return Kind.SNILS
    if _PASSPORT_FORMAT.fullmatch(text) or (len(number) == 10 and _PASSPORT_WORD.search(near)):
        return Kind.PASSPORT
    if number == text and number[0] not in "78" and snils_checks(number):
        return Kind.SNILS
    if text.startswith("+") and 10 <= len(number) <= 15:
        return Kind.PHONE
    if len(number) == 11 and number[0] in "78":
        return Kind.PHONE
    if len(number) == 10 and (number[0] == "9" or _GROUPED_TEN.fullmatch(written.lstrip("+"))):
        return Kind.PHONE
    if len(number) >= 5 and _PHONE_WORD.search(near):
        return Kind.PHONE
    return None


def _mask_digits(text: str, keep: int) -> str:
    total = len(digits(text))
    out, seen = [], 0
    for ch in text:
        if ch.isdigit():
            seen += 1
            out.append(ch if seen > total - keep else "*")
        else:
            out.append(ch)
    return "".join(out)


def _numbers(text: str) -> Iterator[tuple[Kind, int, int, str]]:
    """(kind, start, end, written form) of every personal number in `text`."""
    taken: list[tuple[int, int]] = []
    for match in _PHONE_LINK.finditer(text) if ":" in text or "/" in text else ():
        written = re.sub("%2[bB]", "+", match["number"]).replace("%20", " ")
        if len(digits(written)) >= 5:
            taken.append(match.span())
            yield Kind.PHONE, match.start("number"), match.end(), written
    for match in _PASSPORT_SERIES.finditer(text) if _SERIES in text.lower() else ():
        taken.append(match.span())
        yield Kind.PASSPORT, match.start(1), match.end(), f"{match[1]} {match[2]}"
    for pattern, document in (
        (_PASSPORT_NUMBERED, Kind.PASSPORT),
        (_CERTIFICATE, Kind.CERTIFICATE),
    ):
        for match in pattern.finditer(text):
            if not any(start <= match.start() < end for start, end in taken):
                taken.append(match.span())
                yield document, match.start(1), match.end(), f"{match[1]} {match[2]}"
    plain = _URL.sub(_blank, text) if "://" in text or "www." in text else text
    if "педагог-" in plain:
        plain = _PSEUDONYM.sub(_blank, plain)
    for path in _DOMAIN_PATH.finditer(plain) if "/" in plain else ():
        host = _HOST_CHARS.search(plain, max(0, path.start() - 100), path.start())
        start = host.start() if host else path.start()
        plain = plain[:start] + " " * (path.end() - start) + plain[path.end() :]
    for start, end in taken:
        plain = plain[:start] + " " * (end - start) + plain[end:]
    for match in _NUMBER.finditer(plain):
        start = match.start()
        if start and plain[start - 1].isdigit():
            continue
        lead = start and plain[start - 1] in _LEAD_CHARS and _LEAD.search(plain, start - 4, start)
        if lead:
            start = lead.start()
        written = plain[start : match.end()]
        kind = classify(written, plain[max(0, start - _BEFORE) : start])
        if kind:
            yield kind, start, match.end(), written


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _mask_number(kind: Kind, written: str) -> str:
    if kind is Kind.CERTIFICATE:  # its series' letters too
        return re.sub(r"\w", "*", written)
    return _mask_digits(written, 2 if kind is Kind.PHONE else 0)


# --- E-mail addresses ------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")
_EXAMPLE_DOMAINS = re.compile(
    r"(^|\.)(example\.(com|net|org)|[^.]+\.(example|invalid|test))$", re.IGNORECASE
)


def _mask_email(address: str) -> str:
    local, _, domain = address.partition("@")
    return f"{local[0]}***@***.{domain.rsplit('.', 1)[-1]}"


# --- A name next to a birth date -------------------------------------------

_UP = "[А-ЯЁӀ]"
_LOW = "[а-яёӀӏ]"
_LETTER = "[А-ЯЁӀа-яёӏ]"
# A name's word as people write it: «Иванов», «ИВАНОВ», «Салман-Хаджи»; a
# patronymic the same way, «Иванович», «ИВАНОВИЧ».
_WORD = f"(?:{_UP}{_LOW}+(?:-{_UP}{_LOW}+)?|{_UP}{{2,}}(?:-{_UP}{{2,}})?)"
_PATRONYMIC = (
    f"(?:{_UP}{_LOW}+(?:вич|вна|ич|ична|инична|оглы|кызы)"
    f"|{_UP}+(?:ВИЧ|ВНА|ИЧ|ИЧНА|ИНИЧНА|ОГЛЫ|КЫЗЫ))"
)
_INITIALS = f"{_UP}\\.\\s?{_UP}\\."
_FULL_NAME = re.compile(
    rf"\b(?:{_WORD}\s+{_WORD}\s+{_PATRONYMIC}|{_WORD}\s+{_PATRONYMIC}\s+{_WORD})(?!{_LETTER})"
)
_SHORT_NAME = re.compile(
    rf"\b(?:{_WORD}\s+{_INITIALS}|{_INITIALS}\s?{_WORD}|{_WORD}\s+{_WORD})(?!{_LETTER})"
)
_MONTHS = _any_case(
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
)
_BORN = r"[гГ]\.?\s*[рР](?:\.|(?![а-яёА-ЯЁ]))|(?:года?|ГОДА?) (?:рождения|РОЖДЕНИЯ)"
# Digit first, for speed; a digit or dot before it is refused in _dates.
# 12.03.2014, 12/03/2014, 12-03-2014, «12 марта 2014» (any case), 2014-03-12,
# «2014 г. р.», «2014 года рождения».
_DATE = re.compile(
    rf"\d{{1,2}}(?:[./-]\d{{1,2}}[./-]|\s+(?:{_MONTHS})\s+)(?:19|20)\d\d(?!\d)"
    rf"|(?:19|20)\d\d(?:-\d\d-\d\d(?!\d)|(?=\s*(?:{_BORN})))"
)
_YEAR = re.compile(r"(?:19|20)[0-9][0-9]")
_DIGIT_DOT = set("0123456789.")
_BIRTH_WORD = re.compile(
    r"г\.\s?р(?:\.|(?![а-яё]))|гг?\.\s*рожд|год\w* рождения|дат\w* рождения|д\.\s?р\."
    r"|родил(?:ся|ась)|рожд\.",
    re.IGNORECASE,
)
_DOCUMENT_DATE = re.compile(r"(?:\bот|№\s*\S+)\s*$", re.IGNORECASE)
_NEAR = 60  # how far apart a name and its birth date may be written
_YOUNGEST = 5  # a person born fewer years ago is not named on a school site


def _names_with_birth_dates(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of each name written near a birth date."""
    dates = [
        m for m in _DATE.finditer(text) if not (m.start() and text[m.start() - 1] in _DIGIT_DOT)
    ]
    if not dates:
        return
    this_year = date.today().year
    for date_match in dates:
        years = _YEAR.findall(date_match.group(0))
        year = int(
            years[-1]
            if len(date_match.group(0)) > 4 and "-" not in date_match.group(0)
            else years[0]
        )
        around = text[max(0, date_match.start() - _NEAR) : date_match.end() + 25]
        marked = _BIRTH_WORD.search(around) is not None
        old = 1920 <= year <= this_year - _YOUNGEST
        official = _DOCUMENT_DATE.search(text[max(0, date_match.start() - 15) : date_match.start()])
        if not marked and (not old or official):
            continue
        low = max(0, date_match.start() - _NEAR)
        window = text[low : date_match.end() + _NEAR]
        patterns = (_FULL_NAME, _SHORT_NAME) if marked else (_FULL_NAME,)
        for pattern in patterns:
            if name := pattern.search(window):
                yield low + name.start(), low + name.end(), name.group(0)
                break


def _mask_name(name: str) -> str:
    return " ".join(part[0] + "." for part in re.split(r"[\s.]+", name) if part) + ", **.**.****"


# --- The detector ----------------------------------------------------------


def find(text: str, allowed: PublicContacts = NOBODY) -> list[Find]:
    """Every personal datum in `text` that `allowed` does not list, in order.

    `text` may be a line, a cell or a whole page's text; HTML entities in it
    are read as the characters they stand for. Each kind is looked for only
    where a cheap sign of it is (enough digits, an @, a year, a word like
    «тел.»): most text has none, and a spreadsheet cell takes a microsecond.
    """
    # What any find needs: an @ (maybe as an entity, %40 or «(at)»), a
    # number of five digits or more, or a year. Most text has none.
    if not _may_hold(text):
        return []
    decoded = _Decoded(text)
    plain = uniform(decoded.text)
    found: list[Find] = []

    def add(kind: Kind, start: int, end: int, masked: str, key: str) -> None:
        item = Find(kind, decoded.origin(start), decoded.origin(end - 1) + 1, masked, key)
        if not allowed.allows(item):
            found.append(item)

    if "@" in plain:
        for match in _EMAIL.finditer(plain):
            address = match.group(0).lower()
            if not _EXAMPLE_DOMAINS.search(address.split("@")[1]):
                add(Kind.EMAIL, match.start(), match.end(), _mask_email(address), address)
    if _NUMBER.search(plain) or _SERIES in plain.lower():
        for kind, start, end, written in _numbers(plain):
            add(kind, start, end, _mask_number(kind, written), phone_key(written))
    if _YEAR.search(plain):
        for start, end, name in _names_with_birth_dates(plain):
            add(Kind.NAME_AND_BIRTH_DATE, start, end, _mask_name(name), name)
    found.sort(key=lambda item: item.start)
    return found


def _may_hold(text: str) -> bool:
    """A quick look for what any find needs: an @ (maybe as an entity, %40 or
    «(at)»), a phone link's sign (tel:, wa.me/…), a «серия», a number of ten
    digits or more, or a shorter one after «тел.» or a document's series
    (_numbers_at), or a year. Most text has none: a cell takes a microsecond."""
    if "@" in text or "&" in text or "%" in text:
        return True
    # A phone written as a link (wa.me/7928…, tel:…) has no word before its digits.
    if next(_phone_link_signs(text), -1) >= 0:
        return True
    # search() before finditer(): no iterator is made for text that has none.
    if _RUN.search(text) and next(_numbers_at(text), -1) >= 0:
        return True
    if _YEAR.search(text):
        for year in _YEAR.finditer(text):
            start, end = year.span()
            if not (start and text[start - 1].isdigit()) and not text[end : end + 1].isdigit():
                return True
    if ("ери" in text or "ЕРИ" in text) and _SERIES in text.lower():
        return True
    return ("(" in text or "[" in text or "{" in text or "<" in text) and bool(
        _SPELT_AT.search(text)
    )


# Five characters or more of digits and separators: where a phone, a SNILS
# or a passport number can be. Character classes without groups: many
# times faster than _NUMBER's, for the quick look. No NUL: texts joined
# (common/joined.py) are never searched across.
_DIGITS = "0-9\uff10-\uff19"
_RUN = re.compile(rf"[{_DIGITS}][{_DIGITS} \t().\-{_SPACE_LIKE}{_DASH_LIKE}]{{3,}}[{_DIGITS}]")
# A passport's or a birth certificate's series, just before its number.
_DOCUMENT_SERIES = re.compile(r"(?:\d\d ?\d\d|[IVXLCІХЛСМ]{1,4} ?- ?[А-ЯЁ]{2}) ?(?:№|N|No\.?)? ?$")
# What may stand between a word like «тел.» and its number.
_GAP = frozenset(" \t.:/(+-–—") | {chr(c) for c, plain in _UNIFORM.items() if plain in (" ", "-")}


def _numbers_at(text: str) -> Iterator[int]:
    """Where a run of digits may be a personal number: ten digits or more;
    six after a document's series (4510 №, II-ЭГ); five or more right after
    a word like «тел.». Most runs (a year, «№ 12345») are told apart by the
    characters around them alone, without a regular expression: a year's
    spreadsheet titles take milliseconds."""
    for run in _RUN.finditer(text):
        start, end = run.span()
        if end - start >= 10 and len(digits(run.group(0))) >= 10:
            yield start
            continue
        if end - start == 6 and _DOCUMENT_SERIES.search(uniform(text[max(0, start - 16) : start])):
            yield start
            continue
        at = start
        while at and start - at < 8 and text[at - 1] in _GAP:
            at -= 1
        if at and text[at - 1].isalpha() and len(digits(run.group(0))) >= 5:
            near = text[max(0, start - _BEFORE) : start].lower()
            if _PHONE_HINT.search(near) and _PHONE_WORD.search(uniform(near)):
                yield start


def first_kind(text: str) -> Kind | None:
    """The kind of the first personal datum in `text`, if any."""
    found = find(text)
    return found[0].kind if found else None


def first_kinds(texts: Sequence[str] | Joined, links: bool = False) -> dict[int, Kind]:
    """Index → the kind of the first personal datum, for each of `texts` that
    holds one: what `first_kind` says of each, found many times faster for
    many short texts (a spreadsheet's titles). _may_hold's quick look runs
    once over the texts joined, and only the texts it points at are read.

    `links`: the texts are web addresses, whose own digits are never read
    as numbers, and only what can be found in them is looked for."""
    joined = texts if isinstance(texts, Joined) else Joined(texts)
    if not joined.whole:
        return {i: kind for i, text in enumerate(joined.texts) if (kind := first_kind(text))}
    found: dict[int, Kind] = {}
    for at in _link_hints(joined.text) if links else _hints(joined.text):
        index = joined.index(at)
        if index not in found and (kind := first_kind(joined.texts[index])):
            found[index] = kind
    return found


def _link_hints(text: str) -> Iterator[int]:
    """Where _may_hold would say yes of an address among those joined in
    `text`, where a find is possible: _URL blanks an address's digits up to
    a space or a quote, so only a phone link, an @ (maybe disguised), a
    passport's «серия», or a name and a birth date (in letters other than
    Latin) can be found; and anything after a quote."""
    # _hints finds a phone link's signs too, in any case.
    yield from _hints(text) if not text.isascii() else _phone_link_signs(text)
    yield from _places(text, "@&%([{<>\"' \t")


def _hints(text: str) -> Iterator[int]:
    """Where _may_hold would say yes, for each text joined in `text`, less
    the years that no date is written around: a year alone never makes a
    find (a number needs a run of digits, which is looked for too; a name
    needs a date, written as _DATE writes one)."""
    yield from _places(text, "@&%")
    # A phone written as a link (wa.me/7928…, tel:…) has no word before its digits.
    yield from _phone_link_signs(text)
    # Two searches: either alone skips fast to a digit, one of both would not.
    yield from _numbers_at(text)
    yield from _dated_years(text, _YEAR.finditer(text))
    if "ери" in text or "ЕРИ" in text:
        for series in _SERIES_ANY_CASE.finditer(text):
            yield series.start()
    if "(" in text or "[" in text or "{" in text or "<" in text:
        for spelt in _SPELT_AT.finditer(text):
            yield spelt.start()


_PHONE_LINK_SIGNS = ("tel:", "sms:", "callto:", "me/", "phone=", "number=")
_PHONE_LINK_SIGN = re.compile("|".join(map(re.escape, _PHONE_LINK_SIGNS)), re.IGNORECASE)


def _phone_link_signs(text: str) -> Iterator[int]:
    """Where a sign of a phone link starts, in any case: found in the text
    lowered, many times faster than by a regular expression ignoring case,
    unless lowering changes its length (İ lowers to two characters). Each
    sign ends in «:», «/» or «=»: text with none of them has none."""
    if ":" not in text and "/" not in text and "=" not in text:
        return
    lowered = text.lower()
    if len(lowered) != len(text):
        yield from (sign.start() for sign in _PHONE_LINK_SIGN.finditer(text))
        return
    yield from _places(lowered, _PHONE_LINK_SIGNS)


def _places(text: str, signs: Iterable[str]) -> Iterator[int]:
    """Where each of `signs` starts in `text`, sign by sign."""
    for sign in signs:
        at = text.find(sign)
        while at >= 0:
            yield at
            at = text.find(sign, at + 1)


def _dated_years(text: str, years: Iterable[re.Match[str]]) -> Iterator[int]:
    """Where each of `years` starts that is written as _DATE writes a date's
    year: 01.09.2015, 01/09/2015, «1 сентября 2015» (every month's name
    ends in я or а, in any case), 2015-09-01, 01-09-2015, «2015 г. р.»,
    «2015 года»."""
    for year in years:
        start, end = year.span()
        if (start and text[start - 1].isdigit()) or text[end : end + 1].isdigit():
            continue
        before = text[max(0, start - 40) : start].rstrip()
        after = text[end : end + 40].lstrip()
        if uniform(before[-1:]) in "./-яЯаА" or uniform(after[:1]) in "-гГ":
            yield start


_SERIES_ANY_CASE = re.compile(_any_case(_SERIES))
