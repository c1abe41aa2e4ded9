"""The comparison table on /platforms/ and each guide's facts, from data/platforms.yml.

    docs/.generated/platforms.<lang>.md        the comparison table
    docs/.generated/platforms/<id>.<lang>.md   a guide's parts, as snippet
                                               sections: title, about, record,
                                               links

A guide includes its parts (`--8<-- "platforms/library.ru.md:title"`), so a
platform's name or address is changed in the data alone. An address that is
not confirmed is shown as such, and never as a link. The words are in
data/words.yml (section platforms); the guide's «record» part is laid
out by the template templates/platform-record.md.jinja.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from common import yamldata
from common.problem import Problem, Problems
from common.schema import ID, TEXT, URL, in_every_language, list_in_every_language
from common.site_config import LANGS
from common.words import Section
from common.words import load as load_words
from render.core import GENERATED, NOTICE
from render.mdtext import cell, href, shown_url, table
from render.templating import render_template

PLATFORMS = Path("data") / "platforms.yml"
COMPARED = ("purpose", "cost", "certificate", "our_use")
_URL_OR_NONE = {"anyOf": [URL, {"type": "null"}]}
_NAMES = in_every_language(TEXT)
# Only what this module reads: the statistics script reads other fields.
SCHEMA = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["id", "name", "url", "url_checked", *COMPARED],
        "properties": {
            "id": ID,
            "name": _NAMES,
            "url": _URL_OR_NONE,
            "url_checked": {"type": "boolean"},
            "full_name": _NAMES,
            "identity_checked": {"type": "boolean"},
            "other_readings": list_in_every_language(TEXT),
            "links": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["title", "url"],
                    "additionalProperties": False,
                    "properties": {"title": _NAMES, "url": URL},
                },
            },
            **{field: _NAMES for field in COMPARED},
        },
    },
}
# This site's own pages every guide links to, titled by words.yml's
# platforms.see_also in this order.
SEE_ALSO = ("../contributing/index.md#report", "../policy.md#activities", "../reports/index.md")


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
            problems.append(document.problem(f"id «{entry['id']}» встречается дважды", index, "id"))
        seen.add(entry["id"])
        if entry["url_checked"] and entry["url"] is None:
            problems.append(document.problem("url_checked: true, а url пуст", index, "url_checked"))
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


def address(platform: Platform, words: Section) -> str:
    """The official address as the page shows it: a link only when confirmed."""
    if platform.url is None:
        return words["unknown"]
    if not platform.url_checked:
        return words["unchecked"].format(address=shown_url(platform.url))
    return f"[{shown_url(platform.url)}]({href(platform.url)})"


def about(platform: Platform, words: Section) -> str:
    """The facts at the top of a guide's «what it is» section."""
    lang = words.lang
    items = []
    if platform.full_name:
        name = platform.full_name[lang]
        if not platform.identity_checked:
            others = f" {words['or']} ".join(
                platform.other_readings[lang] if platform.other_readings else []
            )
            name = words["likely"].format(name=name, others=others or "—")
        items.append((words["full_name"], name))
    items.append((words["address"], address(platform, words)))
    items += [(words[field], platform.compared[field][lang]) for field in COMPARED[:3]]
    return "".join(
        f"- **{label}:** {' '.join(text.split()).rstrip('.')}.\n" for label, text in items
    )


def links(platform: Platform, words: Section) -> str:
    """The guide's links: the official site and pages, then this site's own."""
    lang = words.lang
    titles = words.list("see_also")
    if len(titles) != len(SEE_ALSO):
        wanted = f"нужно {len(SEE_ALSO)} названия, по одному на ссылку"
        raise Problems([words.problem(wanted, "see_also")])
    lines = [f"- {words['site']}: {address(platform, words)}"]
    lines += [
        f"- [{link.title[lang]}]({href(link.url)}) — {shown_url(link.url)}"
        for link in platform.links
    ]
    lines += [f"- [{title}]({target})" for title, target in zip(titles, SEE_ALSO, strict=True)]
    return "\n".join(lines) + "\n"


def record(platform: Platform, words: Section, source: Section) -> str:
    """The guide's «record» part: the six fields of a record of participation.

    A field is named by the log's column, in the source language everywhere
    (the log is kept in it), marked as such on another language's page with
    this language's gloss beside it."""
    lang = words.lang
    columns, glosses = source.list("record_columns"), words.list("record_columns")
    texts = words.list("record_fields")
    for key, values in (("record_columns", glosses), ("record_fields", texts)):
        if len(values) != len(columns):
            wanted = f"нужно {len(columns)} строк, по одной на поле записи"
            raise Problems([words.problem(wanted, key)])
    foreign = lang != source.lang
    fields = [
        {
            "column": f'<span lang="{source.lang}">{column}</span>' if foreign else column,
            "gloss": gloss if foreign and gloss != column else "",
            "text": text.format(name=platform.name[lang]),
        }
        for column, gloss, text in zip(columns, glosses, texts, strict=True)
    ]
    return render_template(
        "platform-record.md.jinja",
        intro=words["record_intro"],
        fields=fields,
        how=words["record_how"],
        link=words["record_link"],
    )


def guide_parts(platform: Platform, words: Section, source: Section) -> str:
    lang = words.lang
    sections = {
        "title": f"# {platform.name[lang]}\n",
        "about": about(platform, words),
        "record": record(platform, words, source),
        "links": links(platform, words),
    }
    return NOTICE + "".join(
        f"\n<!-- --8<-- [start:{name}] -->\n{text}<!-- --8<-- [end:{name}] -->\n"
        for name, text in sections.items()
    )


def comparison(platforms: list[Platform], words: Section) -> str:
    """The table on /platforms/: one row per platform, linking to its guide."""
    lang = words.lang
    rows = [
        [f"[{cell(p.name[lang])}]({p.id}.md)"] + [cell(p.compared[f][lang]) for f in COMPARED]
        for p in platforms
    ]
    return NOTICE + "\n" + table(words.list("columns"), rows)


def render_platforms(project: Path) -> dict[Path, str]:
    platforms = load(project)
    all_words = load_words(project)
    source = all_words.of("platforms", LANGS[0])
    out: dict[Path, str] = {}
    for lang in LANGS:
        words = all_words.of("platforms", lang)
        out[GENERATED / f"platforms.{lang}.md"] = comparison(platforms, words)
        for platform in platforms:
            part = guide_parts(platform, words, source)
            out[GENERATED / "platforms" / f"{platform.id}.{lang}.md"] = part
    return out
