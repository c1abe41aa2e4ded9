"""The school's names for the pages that give them, from mkdocs.yml's
extra.school (common/site_config.py), so that no page spells them itself.

    docs/.generated/school.<lang>.md   snippet sections:
        names   the school's names in the page's language, then in the others;
        short   the short name alone, for a sentence:
                    **УТВЕРЖДЕНО** приказом директора
                    --8<-- "school.ru.md:short"
                    № ___ от ___.
"""

from __future__ import annotations

from pathlib import Path

from common import site_config
from common.words import load as load_words
from render.core import GENERATED, NOTICE
from render.mdtext import cell, in_lang
from render.templating import render_template


def render_school(project: Path) -> dict[Path, str]:
    """Renderer (scripts/render/core.py): the school's names in every language."""
    site = site_config.load(project)
    words = load_words(project)
    out = {}
    for lang in site.langs:
        school = site.school[lang]
        out[GENERATED / f"school.{lang}.md"] = NOTICE + render_template(
            "school.md.jinja",
            words=words.of("school", lang),
            full=cell(school.full),
            short=cell(school.short),
            others={
                other: in_lang(cell(site.school[other].full), other, lang)
                for other in site.langs
                if other != lang
            },
        )
    return out
