"""The palochka rule shared by `make check`, `make fix` and search."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chechen.palochka import PALOCHKA, find_lookalikes, normalise

LOOKALIKES = ["I", "l", "1", "\u0406", "\u0456", "\u01c0", "\u04cf"]


@pytest.mark.parametrize("lookalike", LOOKALIKES)
@pytest.mark.parametrize("word", ["кӀант", "Ӏаьржа", "дӀагӀо", "БелгӀатой"])
def test_every_lookalike_becomes_the_palochka(word: str, lookalike: str) -> None:
    assert normalise(word.replace("Ӏ", lookalike)) == word


@pytest.mark.parametrize(
    "text",
    [
        "1977ш",  # a year with a Chechen suffix
        "XIX-чу бӀешо",  # a Roman numeral
        "ши 1-ра класс",
        "| Дош | Мотт |",  # table pipes with spaces
        "Infourok, Lunr, 2025/26",  # Latin words and numbers
        "[урок.рф](https://xn--j1ahfl.xn--p1ai/)",
    ],
)
def test_years_numerals_and_latin_words_stay(text: str) -> None:
    assert normalise(text) == text.replace("Ӏ", PALOCHKA)
    assert not list(find_lookalikes(text))


def test_pipe_between_cyrillic_letters_is_the_palochka() -> None:
    assert normalise("к|ант") == "кӀант"


def test_small_palochka_is_written_capital() -> None:
    assert normalise("ӏаьржа кӏант") == "Ӏаьржа кӀант"


LETTERS = "абвгдежзийклмнопрстухцчшъыьэюя"
# Chechen-like words: the palochka always stands before a letter, as in кӀант.
units = st.tuples(st.booleans(), st.sampled_from(LETTERS)).map(lambda u: "Ӏ" * u[0] + u[1])
words = st.lists(units, min_size=1, max_size=8).map("".join)


@given(st.lists(words, min_size=1, max_size=6), st.sampled_from(LOOKALIKES))
def test_normalise_undoes_any_lookalike_typing(sentence: list[str], lookalike: str) -> None:
    text = " ".join(sentence)
    assert normalise(text.replace("Ӏ", lookalike)) == text


@given(st.text())
def test_normalise_is_idempotent_and_keeps_length(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert len(once) == len(text)
