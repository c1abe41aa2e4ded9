"""Titles and links that name a teacher who has not consented to be named.

A teacher without consent is kept in the log under a pseudonym, so a title
(«Открытый урок Абдулаевой М. В.») or a link to a profile
(https://infourok.ru/user/abdulayeva-marha) must not name them either. A
teacher is recognised by the stem of the surname, in any case ending
(«Абдулаева», «Абдулаевой», «Абдулаеву»), in Cyrillic or in any common
transliteration (abdulaeva, abdulayeva, abdoulaieva): each Cyrillic letter
stands for every Latin spelling the usual systems give it.

Surnames shorter than MIN_STEM letters once the ending is cut are not
looked for: they are common words too often.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from common.joined import Joined

from .values import surname_of

MIN_STEM = 4
# The endings cut from a surname: Абдулаев|а, Ахмадов|ой, Иванов|у, Достоевск|ий.
_ENDING = re.compile(r"(?:ий|ый|ой|ая|яя|[аяыиеоуйь])$")
# Each letter's Latin spellings: GOST 7.79, ICAO (passports), BGN/PCGN, the
# French-style ou and the j-forms of the older systems.
_LATIN = {
    "а": "a",
    "б": "b",
    "в": "(?:v|w)",
    "г": "(?:g|gh)",
    "д": "d",
    "е": "(?:e|ye|je|ie)",
    "ё": "(?:e|yo|jo|io|ye)",
    "ж": "(?:zh|j|zj|g)",
    "з": "z",
    "и": "(?:i|y|ee)",
    "й": "(?:y|i|j|)",
    "к": "(?:k|c|q)",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "(?:s|c)",
    "т": "t",
    "у": "(?:u|ou|y|oo)",
    "ф": "(?:f|ph)",
    "х": "(?:kh|h|x|ch)",
    "ц": "(?:ts|tz|c|tc)",
    "ч": "(?:ch|tch|tsch|c)",
    "ш": "(?:sh|ch|sch)",
    "щ": "(?:shch|sch|sh|shh)",
    "ъ": "(?:|'|y)",
    "ы": "(?:y|i|yi)",
    "ь": "(?:|'|y)",
    "э": "(?:e|eh)",
    "ю": "(?:yu|iu|ju|u|you)",
    "я": "(?:ya|ia|ja|a)",
    "ӏ": "(?:|')",
}


def stem(surname: str) -> str | None:
    """The part of a surname every case form shares, in lower case; None for
    one too short to look for."""
    base = surname.casefold().replace("ё", "е").replace("Ӏ", "ӏ")
    cut = _ENDING.sub("", base)
    return cut if len(cut) >= MIN_STEM and cut.isalpha() else None


def latin(stem: str) -> str:
    """A regular expression matching `stem` in every transliteration."""
    return "".join(_LATIN.get(letter, re.escape(letter)) for letter in stem)


def _romanised(stem: str) -> list[str]:
    """`latin(stem)` as one expression per spelling of its first letter."""
    first = _LATIN.get(stem[0], stem[0])
    spellings = first[3:-1].split("|") if first.startswith("(?:") else [first]
    return [spelling + latin(stem[1:]) for spelling in spellings if spelling]


class Mentions:
    """The teachers without consent seen so far, and where texts name them."""

    def __init__(self) -> None:
        self._stems: set[str] = set()
        self._titles: re.Pattern[str] | None = None
        self._links: re.Pattern[str] | None = None
        self._latin: re.Pattern[str] | None = None

    def add(self, name: str) -> None:
        """Remember a teacher (without consent) by the surname of `name`."""
        found = surname_of(name)
        if found and (cut := stem(found)) and cut not in self._stems:
            self._stems.add(cut)
            self._titles = self._links = self._latin = None

    def __bool__(self) -> bool:
        return bool(self._stems)

    def find(self, titles: Joined, links: Joined) -> tuple[dict[int, str], dict[int, str]]:
        """Index → the name found, for the titles and for the links that name
        a teacher."""
        if not self._stems:
            return {}, {}
        if self._titles is None or self._links is None or self._latin is None:
            # Every branch starts with a letter, so that the search skips
            # fast to where a name may start: many times faster over a
            # year's titles than one branch per stem with its spellings.
            stems = sorted(self._stems, key=len, reverse=True)
            romanised = [form for s in stems for form in _romanised(s)]
            written = [form for s in stems for form in (s.capitalize(), s.upper())]
            written += [form[0].upper() + form[1:] for form in romanised]
            self._titles = re.compile("|".join(written).replace("е", "[её]"))
            self._links = re.compile("|".join([*stems, *romanised]).replace("е", "[её]"))
            self._latin = re.compile(_by_first_letter(romanised))
        if "%" in links.text:  # percent-encoded letters: Cyrillic addresses
            links = Joined([unquote(link) for link in links.texts])
        lowered = links.lowered()
        # Addresses in Latin letters alone (most): only Latin spellings, faster.
        pattern = self._latin if lowered.text.isascii() else self._links
        return _where(self._titles, titles), _where(pattern, lowered)


def _by_first_letter(forms: list[str]) -> str:
    """`forms` as one expression, grouped by their first letter (each begins
    with one): «b(?:…|…)|e(?:…)»; tried at a letter, the expression goes
    into the one group that can match, many times fewer branches."""
    groups: dict[str, list[str]] = {}
    for form in forms:
        groups.setdefault(form[0], []).append(form[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


def _where(pattern: re.Pattern[str], texts: Joined) -> dict[int, str]:
    """Index → what `pattern` finds first, for each text it finds anything in."""
    if not texts.whole:
        searched = ((i, pattern.search(text)) for i, text in enumerate(texts.texts))
        return {i: match.group(0) for i, match in searched if match}
    found: dict[int, str] = {}
    for match in pattern.finditer(texts.text):
        found.setdefault(texts.index(match.start()), match.group(0))
    return found


def masked(name: str) -> str:
    """A name as a message may show it, for the public logs of CI too: its
    first letter."""
    return f"{name[:1].upper()}…"
