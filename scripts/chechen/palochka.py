"""The Chechen palochka Ӏ (U+04C0) and the look-alikes typed in its place.

One rule, shared by the content check, `make fix` and the search index
(overrides/assets/javascripts/site.js carries the same rule for queries):

- a look-alike (Latin I or l, digit 1, Cyrillic І or і, Latin ǀ) next to a
  Cyrillic letter is the palochka, unless a digit or a Latin letter stands
  beside it: years such as 1977ш and Roman numerals stay as they are;
- "|" is the palochka only between two Cyrillic letters, so Markdown table
  pipes are left alone;
- the small palochka ӏ (U+04CF) is written as Ӏ, one standard throughout.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

PALOCHKA = "\u04c0"
SMALL_PALOCHKA = "\u04cf"
# Each look-alike and how the messages name it (in Russian: teachers read them).
LOOKALIKES = {
    "I": "латинская I",
    "l": "латинская l",
    "1": "цифра 1",
    "\u0406": "украинская І",
    "\u0456": "украинская і",
    "\u01c0": "латинская ǀ",
    "|": "«|»",
    SMALL_PALOCHKA: "строчная ӏ (U+04CF)",
}


@dataclass(frozen=True)
class Lookalike:
    """A look-alike found at `index` in a text."""

    index: int
    char: str

    @property
    def name(self) -> str:
        return LOOKALIKES[self.char]


def is_cyrillic_letter(ch: str) -> bool:
    return "\u0400" <= ch <= "\u052f" and ch not in "\u0406\u0456" and ch.isalpha()


def _guards(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def find_lookalikes(text: str) -> Iterator[Lookalike]:
    """Yield every place where `text` types the palochka with a look-alike."""
    for i, ch in enumerate(text):
        if ch not in LOOKALIKES:
            continue
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if ch == SMALL_PALOCHKA:
            yield Lookalike(i, ch)
        elif ch == "|":
            if is_cyrillic_letter(before) and is_cyrillic_letter(after):
                yield Lookalike(i, ch)
        elif (is_cyrillic_letter(before) or is_cyrillic_letter(after)) and not (
            _guards(before) or _guards(after)
        ):
            yield Lookalike(i, ch)


def normalise(text: str) -> str:
    """Return `text` with every look-alike of the palochka written as Ӏ."""
    chars = list(text)
    for found in find_lookalikes(text):
        chars[found.index] = PALOCHKA
    return "".join(chars)
