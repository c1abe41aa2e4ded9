"""Text templates beside their renderer, in scripts/render/templates/.

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

TEMPLATES = Path(__file__).parent / "templates"
_ESCAPED = (".svg.jinja", ".html.jinja", ".xml.jinja")


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=lambda name: name is not None and name.endswith(_ESCAPED),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_template(name: str, /, **context: object) -> str:
    """The template `name` filled with `context`."""
    return _environment().get_template(name).render(**context)
