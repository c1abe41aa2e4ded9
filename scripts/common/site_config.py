"""Where the project is, its languages and its identity: one definition each.

mkdocs.yml is the one source: the languages are its i18n plugin's (the
default, Russian at /, first), the identity is its site_url, repo_url,
edit_uri and extra (the school's names, the coordinator's role, the time
zone). The templates read the same values as `config`; Python reads them
here, checked against a schema, so a mistake is told as mkdocs.yml:LINE.

ROOT and LANGS are read once, when this module is imported: a mkdocs.yml that
cannot be read stops every tool at once with its problems, one a line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from yaml_env_tag import construct_env_tag

from common import yamldata
from common.problem import Problems
from common.schema import TEXT, URL, in_every_language

# The checkout: scripts/common/ is two levels below it.
ROOT = Path(__file__).resolve().parent.parent.parent
CONFIG = "mkdocs.yml"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does for the values read here: !ENV from
    the environment; Python objects (the toc's slugify) are not built.

    Unlike data files (yamldata.DataLoader), mkdocs.yml may use anchors and
    aliases: it names the school once (&school-ru-short) and repeats it by
    alias. It is the maintainers' trusted configuration, which MkDocs reads
    with anchors anyway, and only they may change it (.github/CODEOWNERS)."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)
_ConfigLoader.add_constructor("!relative", lambda loader, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)

_LANGUAGE = {
    "type": "object",
    "required": ["locale", "name"],
    "properties": {
        "locale": {"type": "string", "pattern": "^[a-z]{2,3}$"},
        "name": TEXT,
        "default": {"type": "boolean"},
    },
}
_I18N = {
    "type": "object",
    "required": ["i18n"],
    "properties": {
        "i18n": {
            "type": "object",
            "required": ["languages"],
            "properties": {"languages": {"type": "array", "minItems": 1, "items": _LANGUAGE}},
        }
    },
}


def _schema(langs: list[str]) -> dict[str, Any]:
    """What the scripts read from mkdocs.yml; the languages come first."""
    school = {
        "type": "object",
        "required": ["full", "short", "name"],
        "additionalProperties": False,
        "properties": {"full": TEXT, "short": TEXT, "name": TEXT},
    }
    return {
        "type": "object",
        "required": ["site_url", "repo_url", "edit_uri", "plugins", "extra"],
        "properties": {
            "site_url": URL,
            "repo_url": URL,
            "edit_uri": TEXT,
            "exclude_docs": {"type": "string"},
            "plugins": {"type": "array", "contains": _I18N},
            "extra": {
                "type": "object",
                "required": ["school", "coordinator", "timezone"],
                "properties": {
                    "school": in_every_language(school, langs),
                    "coordinator": in_every_language(TEXT, langs),
                    "timezone": TEXT,
                },
            },
        },
    }


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the language itself: «Нохчийн»


@dataclass(frozen=True)
class SchoolName:
    full: str  # with the legal form
    short: str  # the abbreviation
    name: str  # the school's name alone


@dataclass(frozen=True)
class Site:
    """The parts of mkdocs.yml that the scripts read."""

    languages: tuple[Language, ...]  # the default first
    site_url: str
    repo_url: str
    edit_uri: str
    exclude_docs: str
    school: dict[str, SchoolName]
    coordinator: dict[str, str]  # the coordinator's role, by language
    timezone: str

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    @property
    def default_lang(self) -> str:
        return self.languages[0].code


@cache
def load(project: Path = ROOT) -> Site:
    """The project's mkdocs.yml, read once; raise Problems when it is wrong."""
    document = yamldata.load(project / CONFIG, {"type": "object"}, CONFIG, loader=_ConfigLoader)
    data = document.data
    plugins = data.get("plugins") if isinstance(data.get("plugins"), list) else []
    i18n = next((p["i18n"] for p in plugins if isinstance(p, dict) and "i18n" in p), None)
    entries = i18n.get("languages") if isinstance(i18n, dict) else None
    codes = [entry.get("locale") for entry in entries or [] if isinstance(entry, dict)]
    yamldata.check(document, _schema([str(code) for code in codes]))
    defaults = [entry for entry in entries or [] if entry.get("default")]
    if len(defaults) != 1:
        one_default = "у плагина i18n должен быть ровно один язык по умолчанию (default: true)"
        raise Problems([document.problem(one_default)])
    languages = [Language(entry["locale"], entry["name"]) for entry in entries or []]
    languages.sort(key=lambda language: language.code != defaults[0]["locale"])
    extra = data["extra"]
    try:
        ZoneInfo(extra["timezone"])
    except (ValueError, ZoneInfoNotFoundError):
        problem = (
            f"extra.timezone: нет часового пояса «{extra['timezone']}»; "
            "пишите, например, Europe/Moscow"
        )
        raise Problems([document.problem(problem, "extra", "timezone")]) from None
    return Site(
        languages=tuple(languages),
        site_url=data["site_url"],
        repo_url=data["repo_url"],
        edit_uri=data["edit_uri"],
        exclude_docs=data.get("exclude_docs") or "",
        school={lang: SchoolName(**names) for lang, names in extra["school"].items()},
        coordinator=dict(extra["coordinator"]),
        timezone=extra["timezone"],
    )


def today(now: datetime | None = None, project: Path = ROOT) -> date:
    """Today in the school's time zone (extra.timezone): what a date «in the
    future» is measured against. A runner's clock is UTC, three hours behind
    Moscow, so its own date is yesterday's for the school after 21:00 UTC.
    `now` is an aware moment (the present one by default)."""
    return (now or datetime.now(UTC)).astimezone(ZoneInfo(load(project).timezone)).date()


# The site's languages, the default (Russian, at /) first.
try:
    LANGS: tuple[str, ...] = load().langs
except Problems as err:
    raise SystemExit(str(err)) from None
