"""Why a spreadsheet row was refused, told without a word of its cells.

A pull request's description and a run's summary are public, and the
reasons `stats.py pull --rejects` writes quote the cells («неизвестная
платформа «ВКонтакте»», a name, a date). What is published of a refused
row is its line, the column and a generic reason: `generic(reasons)` finds
the kinds of reason in the text by the fixed words of the validator's
messages (activity/validate.py, values.py, sources.py), never by a cell's
value. tests/test_stats_issues.py refuses a row of each kind to keep the
words in step.
"""

from __future__ import annotations

import re

from .columns import HEADERS

ROW = ""  # a reason about the row, not one column
# The fixed words of each kind of reason, its column (a field of
# model.FIELDS, or ROW) and what is published: the more specific first.
KINDS = (
    ("не указана дата", "date", "дата не указана"),
    ("— не дата", "date", "не дата (нужно ДД.ММ.ГГГГ)"),
    ("невозможная дата", "date", "такого дня нет"),
    ("дата в будущем", "date", "дата в будущем"),
    ("слишком ранняя дата", "date", "слишком ранняя дата"),
    ("не указан педагог", "teacher", "ФИО не указано"),
    ("в столбце педагога, похоже,", "teacher", "вместо ФИО — контакт или номер"),
    ("смешаны латинские и русские буквы", "teacher", "смешаны латинские и русские буквы"),
    ("может быть любым из педагогов", "teacher", "сокращённое ФИО подходит нескольким педагогам"),
    ("не указана платформа", "platform", "платформа не указана"),
    ("неизвестная платформа", "platform", "неизвестная платформа"),
    ("не указан вид активности", "activity", "вид активности не указан"),
    ("неизвестный вид активности", "activity", "неизвестный вид активности"),
    ("в названии, похоже, фамилия педагога", "title", "фамилия педагога без согласия"),
    ("в названии, похоже,", "title", "личные данные"),
    ("— не адрес http", "url", "не адрес http:// или https://"),
    ("— неполный адрес", "url", "неполный адрес"),
    ("в ссылке, похоже, фамилия педагога", "url", "фамилия педагога без согласия"),
    ("в ссылке, похоже,", "url", "личные данные"),
    ("недопустимый символ", ROW, "недопустимый управляющий символ"),
    ("ячейка длиннее", ROW, "слишком длинная ячейка"),
)
UNKNOWN = "строка не прошла проверку"
_FOUND = re.compile("|".join(re.escape(words) for words, _, _ in KINDS))
_KIND = {words: (field, told) for words, field, told in KINDS}


def generic(reasons: str) -> list[str]:
    """What may be published of `reasons` (a refused row's, as pull wrote
    them): «Платформа» — неизвестная платформа, one a kind, in order."""
    told: list[str] = []
    for found in _FOUND.finditer(reasons):
        field, reason = _KIND[found.group(0)]
        line = f"«{HEADERS[field][0]}» — {reason}" if field else reason
        if line not in told:
            told.append(line)
    return told or [UNKNOWN]
