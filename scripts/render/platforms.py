"""The comparison table on /platforms/ and each guide's facts, from data/platforms.yml.

    docs/.generated/platforms.<lang>.md        the comparison table
    docs/.generated/platforms/<id>.<lang>.md   a guide's parts, as snippet
                                               sections: title, about, record,
                                               links

A guide includes its parts (`--8<-- "platforms/library.ru.md:title"`), so a
platform's name or address is changed in the data alone. An address that is
not confirmed is shown as such, and never as a link.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import yamldata
from common.problem import Problem, Problems
from common.site_config import LANGS
from render.core import GENERATED, NOTICE
from render.mdtext import cell, href, shown_url, table

PLATFORMS = Path("data") / "platforms.yml"
COMPARED = ("purpose", "cost", "certificate", "our_use")

_TEXT = {"type": "string", "pattern": r"\S"}
_BOTH = {
    "type": "object",
    "required": list(LANGS),
    "additionalProperties": False,
    "properties": {lang: _TEXT for lang in LANGS},
}
_URL = {"type": "string", "pattern": r"^https?://[^\s/]+"}
# Only what this module reads: the statistics script reads other fields.
SCHEMA = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["id", "name", "url", "url_checked", *COMPARED],
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"},
            "name": _BOTH,
            "url": {"anyOf": [_URL, {"type": "null"}]},
            "url_checked": {"type": "boolean"},
            "full_name": _BOTH,
            "identity_checked": {"type": "boolean"},
            "other_readings": {
                "type": "object",
                "required": list(LANGS),
                "additionalProperties": False,
                "properties": {
                    lang: {"type": "array", "minItems": 1, "items": _TEXT} for lang in LANGS
                },
            },
            "links": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["title", "url"],
                    "additionalProperties": False,
                    "properties": {"title": _BOTH, "url": _URL},
                },
            },
            **{field: _BOTH for field in COMPARED},
        },
    },
}

WORDS: dict[str, dict[str, Any]] = {
    "ru": {
        "columns": [
            "Платформа",
            "Для чего",
            "Стоимость",
            "Сертификат",
            "Как используют наши учителя",
        ],
        "address": "Официальный адрес",
        "unchecked": "{address} — адрес не подтверждён, уточняется",
        "unknown": "уточняется, его пока никто не подтвердил",
        "full_name": "Полное название",
        "likely": "скорее всего, {name}. Это не подтверждено. Возможны и другие варианты: {others}",
        "or": " или ",
        "purpose": "Для чего",
        "cost": "Стоимость",
        "certificate": "Сертификат",
        "site": "Официальный сайт",
        "record": (
            "Каждая запись об участии состоит из шести полей, как в таблице учёта:\n\n"
            "1. **Дата** — день участия, в виде ДД.ММ.ГГГГ;\n"
            "2. **Учитель** — ваши фамилия, имя и отчество;\n"
            "3. **Платформа** — «{name}»;\n"
            "4. **Вид активности** — публикация, вебинар, курс, конкурс или онлайн-урок;\n"
            "5. **Название** — название материала, курса или мероприятия;\n"
            "6. **Ссылка** — адрес страницы на платформе, если она открыта для всех.\n\n"
            "Как передать запись: [Сообщить об участии](../contributing/index.md#report).\n"
        ),
        "see_also": [
            ("Как сообщить об участии", "../contributing/index.md#report"),
            ("Положение: формы деятельности и платформы", "../policy.md#activities"),
            ("Отчёты по четвертям", "../reports/index.md"),
        ],
    },
    "ce": {
        "columns": ["Платформа", "ХӀунна ю", "Мах", "Сертификат", "Тхан хьехархоша муха лелайо"],
        "address": "Официальни адрес",
        "unchecked": "{address} — адрес тӀечӀагӀдина дац, тӀечӀагӀдан деза",
        "unknown": "тӀечӀагӀдан деза: цхьаммо а иза хӀинца а тӀечӀагӀдина дац",
        "full_name": "Юьззина цӀе",
        "likely": "хила тарло, {name}. Иза тӀечӀагӀдина дац. Кхин а хила мега: {others}",
        "or": " я ",
        "purpose": "ХӀунна ю",
        "cost": "Мах",
        "certificate": "Сертификат",
        "site": "Официальни сайт",
        "record": (
            "Дакъалацарх лаьцна хӀора дӀаяздарехь ялх дакъа ду, дакъалацар "
            "дӀаяздечу таблицехь санна:\n\n"
            '1. **<span lang="ru">Дата</span>** (терахь) — дакъа лаьцна де, ДД.ММ.ГГГГ кепехь;\n'
            '2. **<span lang="ru">Учитель</span>** (хьехархо) — хьан фамили, цӀе, ден цӀе;\n'
            '3. **<span lang="ru">Платформа</span>** — «{name}»;\n'
            '4. **<span lang="ru">Вид активности</span>** (белхан кеп) — публикаци, вебинар, '
            "курс, конкурс я онлайн-урок;\n"
            '5. **<span lang="ru">Название</span>** (цӀе) — материалан, курсан я '
            "гӀуллакхан цӀе;\n"
            '6. **<span lang="ru">Ссылка</span>** (хьажорг) — платформехь йолчу агӀонан '
            "адрес, иза массарна а схьаеллина елахь.\n\n"
            "ДӀаяздар муха дӀадала: [Дакъалацарх лаьцна хаам бар]"
            "(../contributing/index.md#report).\n"
        ),
        "see_also": [
            ("Дакъалацарх лаьцна муха хаам бан", "../contributing/index.md#report"),
            ("Низам: белхан кепаш а, платформаш а", "../policy.md#activities"),
            ("Чийрикийн жамӀаш", "../reports/index.md"),
        ],
    },
}


@dataclass(frozen=True)
class Link:
    title: dict[str, str]
    url: str


@dataclass(frozen=True)
class Platform:
    id: str
    name: dict[str, str]
    url: str | None
    url_checked: bool
    compared: dict[str, dict[str, str]]  # field -> language -> text
    full_name: dict[str, str] | None
    identity_checked: bool
    other_readings: dict[str, list[str]] | None
    links: list[Link]


def load(project: Path) -> list[Platform]:
    """The platforms; raise Problems when the data is wrong."""
    document = yamldata.load(project / PLATFORMS, SCHEMA, str(PLATFORMS))
    problems: list[Problem] = []
    platforms = []
    seen: set[str] = set()
    for index, entry in enumerate(document.data):
        if entry["id"] in seen:
            problems.append(document.problem(f"the id «{entry['id']}» is used twice", index, "id"))
        seen.add(entry["id"])
        if entry["url_checked"] and entry["url"] is None:
            problems.append(
                document.problem("url_checked is true, but url is empty", index, "url_checked")
            )
        platforms.append(
            Platform(
                id=entry["id"],
                name=entry["name"],
                url=entry["url"],
                url_checked=entry["url_checked"],
                compared={field: entry[field] for field in COMPARED},
                full_name=entry.get("full_name"),
                identity_checked=entry.get("identity_checked", True),
                other_readings=entry.get("other_readings"),
                links=[Link(link["title"], link["url"]) for link in entry.get("links", [])],
            )
        )
    if problems:
        raise Problems(problems)
    return platforms


def address(platform: Platform, lang: str) -> str:
    """The official address as the page shows it: a link only when confirmed."""
    words = WORDS[lang]
    if platform.url is None:
        return str(words["unknown"])
    if not platform.url_checked:
        return str(words["unchecked"]).format(address=shown_url(platform.url))
    return f"[{shown_url(platform.url)}]({href(platform.url)})"


def about(platform: Platform, lang: str) -> str:
    """The facts at the top of a guide's «what it is» section."""
    words = WORDS[lang]
    items = []
    if platform.full_name:
        name = platform.full_name[lang]
        if not platform.identity_checked:
            others = words["or"].join(
                platform.other_readings[lang] if platform.other_readings else []
            )
            name = words["likely"].format(name=name, others=others or "—")
        items.append((words["full_name"], name))
    items.append((words["address"], address(platform, lang)))
    items += [(words[field], platform.compared[field][lang]) for field in COMPARED[:3]]
    return "".join(
        f"- **{label}:** {' '.join(text.split()).rstrip('.')}.\n" for label, text in items
    )


def links(platform: Platform, lang: str) -> str:
    """The guide's links: the official site and pages, then this site's own."""
    words = WORDS[lang]
    lines = [f"- {words['site']}: {address(platform, lang)}"]
    lines += [
        f"- [{link.title[lang]}]({href(link.url)}) — {shown_url(link.url)}"
        for link in platform.links
    ]
    lines += [f"- [{title}]({target})" for title, target in words["see_also"]]
    return "\n".join(lines) + "\n"


def guide_parts(platform: Platform, lang: str) -> str:
    sections = {
        "title": f"# {platform.name[lang]}\n",
        "about": about(platform, lang),
        "record": WORDS[lang]["record"].format(name=platform.name[lang]),
        "links": links(platform, lang),
    }
    return NOTICE + "".join(
        f"\n<!-- --8<-- [start:{name}] -->\n{text}<!-- --8<-- [end:{name}] -->\n"
        for name, text in sections.items()
    )


def comparison(platforms: list[Platform], lang: str) -> str:
    """The table on /platforms/: one row per platform, linking to its guide."""
    rows = [
        [f"[{cell(p.name[lang])}]({p.id}.md)"] + [cell(p.compared[f][lang]) for f in COMPARED]
        for p in platforms
    ]
    return NOTICE + "\n" + table(WORDS[lang]["columns"], rows)


def render_platforms(project: Path) -> dict[Path, str]:
    platforms = load(project)
    out: dict[Path, str] = {}
    for lang in LANGS:
        out[GENERATED / f"platforms.{lang}.md"] = comparison(platforms, lang)
        for platform in platforms:
            out[GENERATED / "platforms" / f"{platform.id}.{lang}.md"] = guide_parts(platform, lang)
    return out
