"""The questions of a school's online report form, for the coordinator's
guide on /contributing/report-sheet/: the questions of the GitHub form
«Сообщить об участии» (.github/ISSUE_TEMPLATE/report-activity.yml, read by
activity/issue_form.py), whose labels are the column headers
scripts/stats.py reads and whose choices are the Russian names of
data/platforms.yml and data/activities.yml (tests/test_github.py keeps them
in step). One form, one table: a question added there is added here.

    docs/.generated/report-form.<lang>.md   the table of questions
"""

from __future__ import annotations

from pathlib import Path

from activity.issue_form import load_form
from activity.model import FIELDS
from common.site_config import LANGS
from common.words import load as load_words
from render.core import GENERATED, NOTICE
from render.mdtext import cell, in_lang
from render.mdtext import table as mdtable

FORM_LANG = "ru"  # the form's questions and choices: what stats.py reads


def render_report_form(project: Path) -> dict[Path, str]:
    """Renderer (scripts/render/core.py): the table in every language."""
    form = load_form(project)
    words = load_words(project)
    out = {}
    for lang in LANGS:
        section = words.of("report_form", lang)
        rows = []
        for field in form.fields:
            if field.id not in FIELDS:  # consent: the sheet has no column for it
                continue
            answer = section[f"answer_{field.id}"]
            if field.kind == "dropdown":
                choices = (in_lang(cell(option), FORM_LANG, lang) for option in field.options)
                answer = f"{answer} {'; '.join(choices)}"
            required = section["required" if field.required else "optional"]
            rows.append([f"**{in_lang(cell(field.label), FORM_LANG, lang)}**", answer, required])
        out[GENERATED / f"report-form.{lang}.md"] = NOTICE + mdtable(section.list("columns"), rows)
    return out
