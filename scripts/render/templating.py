"""Text templates beside their renderer, in scripts/render/templates/ (or
in the `templates/` folder of another package that makes text: activity/).

A template is named for what it makes: `translation-status.md.jinja`,
`chart.svg.jinja`. Every variable it uses must be given (StrictUndefined), so
a missing word fails the build instead of printing nothing. SVG, HTML and XML
templates escape what they insert; Markdown templates insert text as it is,
and the renderer makes it safe first (render/mdtext.py).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from common.problem import Problem, Problems

TEMPLATES = Path(__file__).parent / "templates"
_ESCAPED = (".svg.jinja", ".html.jinja", ".xml.jinja")


@cache
def _environment(folder: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        undefined=jinja2.StrictUndefined,
        autoescape=lambda name: name is not None and name.endswith(_ESCAPED),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_template(name: str, /, folder: Path = TEMPLATES, **context: object) -> str:
    """The template `name` of `folder` filled with `context`; raise Problems,
    naming the template, when it is missing, broken or uses a value it was
    not given."""
    shown = (folder / name).relative_to(TEMPLATES.parent.parent.parent).as_posix()
    try:
        return _environment(folder).get_template(name).render(**context)
    except jinja2.TemplateNotFound:
        raise Problems([Problem(shown, 1, "нет такого шаблона: его нужно написать")]) from None
    except jinja2.TemplateSyntaxError as err:
        raise Problems([Problem(shown, err.lineno, f"ошибка в шаблоне: {err.message}")]) from None
    except jinja2.UndefinedError as err:
        raise Problems([Problem(shown, 1, f"ошибка в шаблоне: {err.message}")]) from None
