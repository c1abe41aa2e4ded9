"""The stricter rules of a report made with the issue form «Сообщить об участии».

Anyone on the internet can open an issue, so a report from the form passes
these besides every rule of `stats.py check` (activity/validate.py):

    teacher   a full name as school papers write it: two words at least,
              Cyrillic letters only (one script), no digits
    title     names no person by name and patronymic (Марха Висхановна,
              Ахмедовича, Ильиничне, Рашид-оглы) and no pupil or class
              («ученица», «5 «А» класс», «7Б»)
    url       a public web address: its host a domain name, never an IP
              literal (127.0.0.1, [::1], 2130706433, 0x7f.1) or a name of a
              local network (localhost, *.local, *.internal, a single label);
              no phone number (a run of seven digits or more) in its query
              or fragment

Each rule returns the problem in Russian, or None; a message never quotes a
name it found.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote, urlsplit

# Patronymics in every case: -ович/-евич (-а, -у, -ем, -е), -овна/-евна/-ична
# (-ы, -е, -у, -ой), -инична; Turkic ones are a word of their own.
_PATRONYMIC = r"[А-ЯЁ][а-яё]+(?:(?:ов|ев|ёв)ич(?:а|у|ем|е)?|(?:ов|ев|ич|инич)н(?:а|ы|е|у|ой|ою))"
_TURKIC = r"(?:оглы|оглу|улы|кызы|гызы)"
_NAME_WORD = r"[А-ЯЁӀ][а-яёӀӏ]+(?:-[А-ЯЁӀ]?[а-яёӀӏ]+)?"
# A first name and a patronymic (Марха Висхановна, Ахмеда Рашидовича), or a
# name with a Turkic patronymic (Рашид Мамед оглы, Мамед-оглы).
_FULL_NAME = re.compile(
    rf"(?<![\w-]){_NAME_WORD}\s+{_PATRONYMIC}(?![\w-])"
    rf"|(?<![\w-]){_NAME_WORD}(?:\s+{_NAME_WORD})?[\s-]{_TURKIC}(?![\w-])"
)
# Pupils: «ученик», «ученица» and every form of them (учеников, ученице, ученики).
_PUPIL = re.compile(r"(?<![\w-])[Уу]чени(?:к|ц)\w*")
_QUOTE = "«\"„“”'‘’»"
_CLASS_NUMBER = r"(?<![\w.,:/-])(?:1[01]|[1-9])"
_CLASS = re.compile(
    # 7Б, 7-Б, 11А
    rf"{_CLASS_NUMBER}[-–]?[А-ЯЁ](?![\w-])"
    # 5 «А», 10 "б", 5-«А»
    rf"|{_CLASS_NUMBER}\s*[-–]?\s*[{_QUOTE}]\s*[А-ЯЁа-яё]\s*[{_QUOTE}]"
    # 5 а класс, 9 Б класса
    rf"|{_CLASS_NUMBER}\s*[-–]?\s*[А-ЯЁа-яё]\s+класс"
)
# A top-level domain: letters (рф, ru, com) or its punycode (xn--p1ai).
_TLD = re.compile(r"[^\W\d_]{2,63}|xn--[a-z0-9-]{1,59}")
# Names that never lead to the public internet.
_LOCAL_SUFFIXES = (
    *("localhost", "local", "localdomain", "internal", "intranet", "lan", "home", "corp"),
    *("arpa", "test", "invalid", "example", "onion", "alt"),
)
_PHONE_DIGITS = re.compile(r"\d{7,}")


def teacher(name: str) -> str | None:
    """The problem of the teacher's name as the form gives it, or None."""
    if any(char.isdigit() for char in name):
        return (
            "в ФИО есть цифры: напишите фамилию, имя и отчество буквами (палочку пишите "
            "буквой Ӏ, а не цифрой 1)"
        )
    scripts = {_script(char) for char in name if char.isalpha()}
    if scripts - {"CYRILLIC"}:
        what = "в ФИО есть буквы не кириллицей" if "CYRILLIC" in scripts else "ФИО не кириллицей"
        return f"{what}: напишите его русскими буквами, как в школьных документах"
    if len(name.split()) < 2:
        return (
            "напишите фамилию, имя и отчество полностью, как в школьных документах "
            "(одного слова мало)"
        )
    return None


def title(text: str) -> str | None:
    """The problem of a title that names a person or a pupil, or None."""
    if _FULL_NAME.search(text):
        return (
            "в названии, похоже, имя и отчество человека: уберите их; писателя или "
            "исторического деятеля назовите фамилией с инициалами (А. С. Пушкин)"
        )
    if _PUPIL.search(text):
        return (
            "в названии упомянут ученик или ученица: сведения об учениках не публикуются — "
            "уберите это из названия"
        )
    if found := _CLASS.search(text):
        return (
            f"в названии номер класса («{' '.join(found.group(0).split())}»): сведения "
            "об учениках не публикуются — уберите его из названия"
        )
    return None


def link(url: str) -> str | None:
    """The problem of a link (an http(s) address already) that leads away
    from the public internet or holds a phone number, or None."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return "ссылка не читается как адрес: скопируйте её из адресной строки браузера"
    labels = host.split(".")
    if (
        not _TLD.fullmatch(labels[-1])
        or len(labels) < 2
        or "[" in parts.netloc
        or labels[-1] in _LOCAL_SUFFIXES
    ):
        return (
            "ссылка ведёт не на сайт в интернете (IP-адрес, localhost или адрес локальной "
            "сети): дайте адрес страницы с именем сайта, например https://infourok.ru/…"
        )
    extra = re.sub(r"[\s()+]", "", unquote(f"{parts.query}#{parts.fragment}"))
    if _PHONE_DIGITS.search(extra):
        return (
            "в ссылке после «?» или «#», похоже, номер телефона (семь цифр и больше подряд): "
            "личные данные не сохраняются — уберите эту часть адреса"
        )
    return None


def _script(char: str) -> str:
    return unicodedata.name(char, "").split(" ", 1)[0]
