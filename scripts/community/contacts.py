"""The community's public contacts, data/contacts.yml, for /contacts/.

Only channels the community publishes itself, of four kinds: the school's
postal address, the school's official site, the community's Сферум link,
and the site's issue forms on GitHub. No person's phone number or e-mail
address can be written here (152-FZ): the schema has no field for them,
and a value that holds one is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from activity.values import contact_in
from common import yamldata
from common.problem import Problem, Problems
from common.schema import HTTPS_URL, TEXT, in_every_language

CONTACTS = Path("data") / "contacts.yml"
KINDS = ("address", "website", "sferum", "issues")
# Where a community's Сферум link may lead.
SFERUM_HOSTS = ("sferum.ru", "vk.me", "vk.com")
# activity.values.contact_in names what it found; the coordinator reads Russian.
_FOUND = {"a phone number": "номер телефона", "an e-mail address": "адрес электронной почты"}

_URL = {**HTTPS_URL, "type": ["string", "null"], "maxLength": 300}
_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["channels"],
    "additionalProperties": False,
    "properties": {
        "channels": {
            "type": "array",
            "maxItems": 20,
            "items": {
                "type": "object",
                "required": ["kind"],
                "additionalProperties": False,
                "properties": {
                    "kind": {"enum": list(KINDS)},
                    "text": in_every_language({**TEXT, "maxLength": 300}),
                    "url": _URL,
                    "confirmed": {"type": "boolean"},
                },
            },
        },
    },
}


@dataclass(frozen=True)
class Channel:
    kind: str
    text: dict[str, str] | None  # what the channel says (the address)
    url: str | None  # None: not known yet, or the kind needs none
    confirmed: bool  # False: the site says it is still to be confirmed


def load(project: Path) -> list[Channel]:
    """The community's channels, checked; raise Problems when one is wrong."""
    document = yamldata.load(project / CONTACTS, _SCHEMA, str(CONTACTS))
    problems: list[Problem] = []
    channels = []
    for index, entry in enumerate(document.data["channels"]):
        path: list[str | int] = ["channels", index]
        values = [*(entry.get("text") or {}).values(), entry.get("url") or ""]
        for value in values:
            if found := contact_in(value):
                problems.append(
                    document.problem(
                        f"здесь {_FOUND.get(found, found)}: на сайте сообщества публикуются "
                        "только адрес и сайт школы и ссылка на сообщество, не личные контакты",
                        *path,
                    )
                )
        url = entry.get("url")
        host = (urlsplit(url).hostname or "") if url else ""
        if entry["kind"] == "sferum" and url and not host.endswith(SFERUM_HOSTS):
            problems.append(
                document.problem(
                    f"ссылка на Сферум ведёт на {host}: ожидается {', '.join(SFERUM_HOSTS)}",
                    *path,
                    "url",
                )
            )
        if entry["kind"] == "address" and not entry.get("text"):
            problems.append(document.problem("у адреса нужен текст (text)", *path))
        channels.append(
            Channel(entry["kind"], entry.get("text"), url, entry.get("confirmed", True))
        )
    if problems:
        raise Problems(problems)
    return channels
