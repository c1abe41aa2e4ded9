"""The site's identity: the school's names and the coordinator's role.

One reader for both, so that moving them into one identity file (the
school's names are in mkdocs.yml `extra.school` today, the coordinator's
role in data/contacts.yml `coordinator`) changes this module alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

from common import yamldata
from common.problem import Problem, Problems
from common.schema import TEXT, in_every_language
from common.site_config import LANGS

# Where the coordinator's role is written today (its `coordinator` section).
COORDINATOR = Path("data") / "contacts.yml"


@dataclass(frozen=True)
class School:
    full: dict[str, str]  # language → the full name
    short: dict[str, str]  # language → the short name
    repo_url: str  # the site's repository, where issues are filed


def school(project: Path) -> School:
    """The school's names and the repository, from mkdocs.yml."""
    config = _mkdocs(project)
    names = (config.get("extra") or {}).get("school") or {}
    try:
        full = {lang: " ".join(names[lang]["full"].split()) for lang in LANGS}
        short = {lang: " ".join(names[lang]["short"].split()) for lang in LANGS}
    except (KeyError, TypeError, AttributeError):
        raise Problems(
            [Problem("mkdocs.yml", 1, "extra.school needs full and short names in every language")]
        ) from None
    return School(full, short, str(config.get("repo_url") or "").rstrip("/"))


def _mkdocs(project: Path) -> dict[str, Any]:
    with open(project / "mkdocs.yml", encoding="utf-8") as f:
        config = yaml_load(f)
    return config if isinstance(config, dict) else {}


def coordinator_role(project: Path) -> dict[str, str]:
    """The coordinator's role («Координатор сетевого сообщества»), by language."""
    schema = {
        "type": "object",
        "required": ["coordinator"],
        "properties": {
            "coordinator": {
                "type": "object",
                "required": ["role"],
                "additionalProperties": False,
                "properties": {"role": in_every_language({**TEXT, "maxLength": 200})},
            }
        },
    }
    document = yamldata.load(project / COORDINATOR, schema, str(COORDINATOR))
    role: dict[str, str] = document.data["coordinator"]["role"]
    return dict(role)
