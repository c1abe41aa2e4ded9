"""Web addresses written in data files, checked before any reaches a page.

The renderers write a data file's address into Markdown (`[text](<address>)`)
and HTML attributes. An address holding <, >, (, ), a quote, a space, a
backslash or a control character could end the link early and add text or
markup of its own; an invisible or direction-changing character could show
one address and lead to another. So an address from data is:

    a scheme the field allows (http and https; mailto: or tel: only where a
    field says so), then a host for http(s),
    with no space, no < > ( ) " ' ` \\ { } | ^, no control character and no
    invisible or bidirectional one; at most MAX_LENGTH characters.

Schemas name the rule as a JSON-schema format (`FORMATS`, used by
common/yamldata.py), so a wrong address is told at its line of the data
file, in Russian.
"""

from __future__ import annotations

import unicodedata
from typing import Any
from urllib.parse import urlsplit

import jsonschema

MAX_LENGTH = 2000
WEB = ("http", "https")
# The JSON-schema formats of the data files' addresses, and the schemes each allows.
SCHEMES = {
    "web-address": WEB,
    "https-address": ("https",),
    "contact-address": (*WEB, "mailto", "tel"),
}
# Characters that end or change a Markdown link or an HTML attribute, and
# the Unicode categories of those that cannot be seen (controls, format
# characters such as U+202E, which turns the text after it around).
FORBIDDEN = frozenset(" <>()\"'`\\{}|^")
INVISIBLE = frozenset({"Cc", "Cf", "Co", "Cs", "Zl", "Zp"})


def problem(address: str, schemes: tuple[str, ...] = WEB) -> str | None:
    """What is wrong with `address` as a link of a page, in Russian; None if
    nothing is."""
    if len(address) > MAX_LENGTH:
        return f"адрес длиннее {MAX_LENGTH} знаков"
    scheme = address.partition(":")[0].lower() if ":" in address else ""
    if scheme not in schemes:
        allowed = ", ".join(f"{name}:" for name in schemes)
        return f"адрес должен начинаться с {allowed}"
    for char in address:
        if char in FORBIDDEN or char.isspace():
            shown = "пробел" if char.isspace() else f"«{char}»"
            code = f"%{ord(char):02X}" if ord(char) < 128 else "код %…"
            return f"в адресе {shown}: на нём ссылка оборвётся; уберите его или запишите как {code}"
        if unicodedata.category(char) in INVISIBLE:
            return f"в адресе невидимый или управляющий знак U+{ord(char):04X}: уберите его"
    try:
        host = urlsplit(address).hostname
    except ValueError:  # a broken [IPv6] host
        host = None
    if scheme in WEB and not host:
        return f"в адресе нет сайта после {scheme}://"
    return None


FORMATS = jsonschema.FormatChecker(formats=())


def _format(name: str) -> None:
    @FORMATS.checks(name)
    def valid(instance: Any) -> bool:
        return not isinstance(instance, str) or problem(instance, SCHEMES[name]) is None


for _name in SCHEMES:
    _format(_name)
