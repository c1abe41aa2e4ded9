"""The words of the report pages and exports, in Russian and Chechen:
data/report-labels.yml.

Most labels are one text per language. A count («5 активностей», «1 педагог»)
has one form per plural category of the language, chosen by the CLDR plural
rules through Babel: Russian needs one, few, many and other; Chechen one and
other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from babel import Locale

from chechen import palochka
from common import yamldata
from common.schema import TEXT
from common.site_config import LANGS

from .model import Problem, Problems
from .registries import NAMES

FILE = "report-labels.yml"
KEYS = (
    "title",
    "description",
    "period",
    "example_title",
    "example",
    "totals",
    "measure",
    "count",
    "activities",
    "teachers",
    "change",
    "compared",
    "no_previous",
    "by_platform",
    "by_activity",
    "platform",
    "activity",
    "chart_platform",
    "chart_activity",
    "chart_desc",
    "consented",
    "date",
    "teacher",
    "material",
    "notes",
    "no_notes",
    "notes_in_russian",
    "previous_report",
    "next_report",
    "year_report",
    "all_reports",
    "generated",
    "trend",
    "term",
    "chart_trend",
    "no_data",
    "year_name",
    "holidays_period",
    "preliminary_title",
    "preliminary",
    "preliminary_description",
    "no_calendar_title",
    "no_calendar",
    "by_term",
    "chart_terms",
    "dates",
    "holidays",
    "in_holidays",
    "years",
    "counts",
    "no_activity",
    "rule_year",
    "rule_term",
    "rule_holidays",
    "rule_no_calendar",
    "rule_preliminary",
    "rule_dates",
    "export_title",
    "export_example",
)
# Counts: {n} and the noun in the form the number asks for.
PLURALS = ("n_activities", "n_teachers")
# Labels that may be empty in a language: a Chechen page's lead-in to a
# text still in Russian has no Russian twin. Every other label is TEXT.
MAY_BE_EMPTY = {"notes_in_russian": "ru"}
_FORMS = {"type": "object", "minProperties": 1, "additionalProperties": TEXT}
_SCHEMA = {
    "type": "object",
    "required": [*KEYS, *PLURALS],
    "additionalProperties": False,
    "properties": {
        **{
            key: NAMES
            | {
                "properties": {
                    lang: {"type": "string"} if MAY_BE_EMPTY.get(key) == lang else TEXT
                    for lang in LANGS
                }
            }
            for key in KEYS
        },
        **{key: NAMES | {"properties": {lang: _FORMS for lang in LANGS}} for key in PLURALS},
    },
}


class Labels(dict[str, str]):
    """The labels of one language; `count` words a number."""

    def __init__(self, lang: str, texts: dict[str, str], plurals: dict[str, dict[str, str]]):
        super().__init__(texts)
        self.lang = lang
        self._plurals = plurals
        self._category = Locale.parse(lang).plural_form

    def count(self, key: str, number: int) -> str:
        """`number` with the noun of `key` in its form: «2 активности»."""
        forms = self._plurals[key]
        return forms.get(self._category(number), forms["other"]).format(n=number)


def counted(number: int, one: str, few: str, many: str) -> str:
    """A Russian phrase with `number` in it ({n}), in the form the number
    asks for by the CLDR plural rules: counted(2, "{n} строка", "{n}
    строки", "{n} строк") → «2 строки»; 1, 21, 101 take `one`, 2–4, 22–24
    `few`, the rest `many`. For stats.py's own messages; the report pages
    take their forms from data/report-labels.yml (Labels.count)."""
    form = {"one": one, "few": few}.get(_RUSSIAN(number), many)
    return form.format(n=number)


_RUSSIAN = Locale.parse("ru").plural_form


def categories(lang: str) -> set[str]:
    """The plural categories a language's counts need, by CLDR."""
    return set(Locale.parse(lang).plural_form.tags) | {"other"}


def load(data: Path) -> dict[str, Labels]:
    """The labels of each language: {"ru": Labels, "ce": Labels}."""
    file = yamldata.load(data / FILE, _SCHEMA, f"data/{FILE}", dates_as_text=True, lang="ru")
    problems = [
        file.problem(
            f"палочка набрана знаком «{found.char}» в «{key}»: пишите Ӏ (U+04C0)", key, "ce"
        )
        for key in KEYS
        for found in palochka.find_lookalikes(file.data[key]["ce"])
    ]
    problems += _plural_problems(file)
    if problems:
        raise Problems(problems)
    return {
        lang: Labels(
            lang,
            {key: file.data[key][lang] for key in KEYS},
            {key: file.data[key][lang] for key in PLURALS},
        )
        for lang in LANGS
    }


def _plural_problems(file: yamldata.Document) -> list[Problem]:
    problems = []
    for key in PLURALS:
        for lang in LANGS:
            forms: dict[str, Any] = file.data[key][lang]
            wanted = categories(lang)
            if set(forms) != wanted:
                problems.append(
                    file.problem(
                        f"{key}.{lang}: нужны формы {', '.join(sorted(wanted))} "
                        f"(правила CLDR для «{lang}»), а записаны {', '.join(sorted(forms))}",
                        key,
                        lang,
                    )
                )
            problems += [
                file.problem(f"{key}.{lang}.{form}: нет места для числа {{n}}", key, lang, form)
                for form, text in forms.items()
                if "{n}" not in text
            ]
    return problems
