"""Many short texts searched as one: a spreadsheet's titles or links.

One regular expression over all of a year's titles joined is many times
faster than one call per title; `index` leads from a position found back
to the title it is in. Texts are joined by a NUL, which no pattern that
searches them may cross (and no cell the statistics keep holds).
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Sequence

SEPARATOR = "\x00"


class Joined:
    """`texts` joined into `text`; `whole` is False when a text holds the
    separator itself, and then the texts must be searched one by one."""

    def __init__(self, texts: Sequence[str], text: str | None = None) -> None:
        """`text`: the texts already joined, if they are (a spreadsheet's
        titles, joined a part at a time); taken only if it is their join."""
        self.texts = texts
        if text is None or len(text) != sum(map(len, texts)) + max(len(texts) - 1, 0):
            text = SEPARATOR.join(texts)
        self.text = text
        self.whole = self.text.count(SEPARATOR) == max(len(texts) - 1, 0)
        self._starts: list[int] = []

    def index(self, position: int) -> int:
        """The index of the text that `position` in `text` is in."""
        if not self._starts:  # made on the first find: most searches find nothing
            lengths = map(operator.add, map(len, self.texts[:-1]), itertools.repeat(1))
            self._starts = list(itertools.accumulate(lengths, initial=0))
        return bisect.bisect_right(self._starts, position) - 1

    def lowered(self) -> Joined:
        """The same texts in lower case, at the same positions."""
        lowered = Joined.__new__(Joined)
        lowered.text = self.text.lower()
        if len(lowered.text) == len(self.text):
            lowered.texts, lowered.whole, lowered._starts = self.texts, self.whole, self._starts
            return lowered
        return Joined([text.lower() for text in self.texts])  # a letter grew when lowered
