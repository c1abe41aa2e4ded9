"""Alphabetical order for Chechen words.

The Chechen alphabet has digraphs that are letters of their own (аь, гӀ, кх,
къ, кӀ, оь, хь, …) and ends with the palochka Ӏ, so Python's code-point order
puts words in the wrong place: «аьтто» must come before «бакъо».
"""

from __future__ import annotations

# fmt: off
ALPHABET = [
    "а", "аь", "б", "в", "г", "гӀ", "д", "е", "ё", "ж", "з", "и", "й", "к", "кх",
    "къ", "кӀ", "л", "м", "н", "о", "оь", "п", "пӀ", "р", "с", "т", "тӀ", "у", "уь",
    "ф", "х", "хь", "хӀ", "ц", "цӀ", "ч", "чӀ", "ш", "щ", "ъ", "ы", "ь", "э", "ю",
    "юь", "я", "яь", "Ӏ",
]
# fmt: on
_RANK = {letter.lower(): rank for rank, letter in enumerate(ALPHABET)}
_LONGEST = max(map(len, ALPHABET))


def sort_key(word: str) -> tuple[int, ...]:
    """A key that orders words as a Chechen dictionary does.

    Case does not matter (the palochka Ӏ folds to ӏ, as the letters are
    stored); spaces and punctuation sort first, so «курс» comes before
    «курсаш»; other characters (digits, Latin letters) after the alphabet.
    """
    text = word.casefold()
    key: list[int] = []
    i = 0
    while i < len(text):
        for size in range(_LONGEST, 0, -1):
            rank = _RANK.get(text[i : i + size])
            if rank is not None:
                key.append(rank)
                i += size
                break
        else:
            ch = text[i]
            key.append(-1 if not ch.isalnum() else len(ALPHABET) + ord(ch))
            i += 1
    return tuple(key)
