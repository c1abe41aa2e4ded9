"""The language map: written by our build before MkDocs runs, read by the
templates instead of mkdocs-static-i18n's variables, and readable by
minijinja, the engine of Zensical (Material's successor)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jinja2
import minijinja
import pytest

from common.site_config import ROOT
from render.core import render_all
from render.registry import RENDERERS
from sitebuild import language_map
from sitebuild.project_copy import copy_project
from support.site import BuiltSite

OVERRIDES = ROOT / "overrides"
TEMPLATES = sorted(
    path
    for path in [*OVERRIDES.rglob("*.html"), OVERRIDES / "sitemap.xml"]
    if ".generated" not in path.parts  # the map itself, made by the build
)
# What Zensical does not have, or minijinja cannot run: the i18n plugin's
# variables, MkDocs' file objects, and Python's methods on strings, dicts
# and dates (filters, written with |, are fine).
FORBIDDEN = re.compile(
    r"i18n_\w+|config\.plugins\[|page\.file\b|page\.markdown|"
    r"\.(split|rsplit|partition|rpartition|splitlines|startswith|endswith|format|strip|"
    r"lstrip|rstrip|lower|upper|replace|join|items|keys|values|get|strftime|isoformat)\("
)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A copy of the project with its pages rendered and its map written."""
    project = copy_project(tmp_path_factory.mktemp("map-project"))
    render_all(project, RENDERERS)
    language_map.write(project, pdf=True)
    return project, (project / language_map.MAP).read_text("utf-8")


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.relative_to(OVERRIDES).as_posix())
def test_templates_read_the_map_not_the_plugin(template: Path) -> None:
    found = [m.group(0) for m in FORBIDDEN.finditer(template.read_text("utf-8"))]
    assert not found, f"not for minijinja or Zensical: {found}"


def test_the_map_lists_every_page_mkdocs_built(site: BuiltSite) -> None:
    """The site fixture's build wrote the map of this checkout."""
    module = jinja2.Environment(loader=jinja2.FileSystemLoader(OVERRIDES)).get_template(
        ".generated/language-map.html"
    )
    pages = set(module.module.pages)  # type: ignore[attr-defined]
    built = {
        page.relative_to(site.root).as_posix().removesuffix("index.html")
        for page in site.root.rglob("index.html")
    }
    assert pages == built


SITE_URL = "https://example.org/network/"


def render_both(project: Path, template: str, source: str | None = None) -> tuple[str, str]:
    """`template` (or `source`) rendered by Jinja2 and by minijinja, with the
    project's overrides and map, and no Python methods allowed in minijinja."""
    folder = project / "overrides"
    jinja = jinja2.Environment(loader=jinja2.FileSystemLoader(folder))
    mini = minijinja.Environment(loader=lambda name: (folder / name).read_text("utf-8"))
    mini.pycompat = False
    context = {"config": {"site_url": SITE_URL}}
    if source is None:
        return (
            jinja.get_template(template).render(context),
            mini.render_template(template, **context),
        )
    return jinja.from_string(source).render(context), mini.render_str(source, **context)


def test_minijinja_reads_the_map_as_jinja2_does(written: tuple[Path, str]) -> None:
    project, _ = written
    source = '{% import ".generated/language-map.html" as m %}{{ m.pages | tojson }}'
    by_jinja, by_minijinja = render_both(project, "", source)
    assert json.loads(by_jinja) == json.loads(by_minijinja)
    pages = json.loads(by_jinja)
    assert pages["ce/policy/"]["alternates"] == {"ru": "policy/", "ce": "ce/policy/"}


def test_the_sitemap_renders_the_same_in_minijinja(written: tuple[Path, str]) -> None:
    project, _ = written
    by_jinja, by_minijinja = render_both(project, "sitemap.xml")
    # minijinja escapes «/» as &#x2f;, which XML reads as the same «/».
    assert as_tree(by_minijinja) == as_tree(by_jinja)
    assert "<loc>https://example.org/network/ce/policy/</loc>" in by_jinja


def as_tree(xml: str) -> list[tuple[str, str, dict[str, str]]]:
    return [
        (element.tag, (element.text or "").strip(), dict(element.attrib))
        for element in ET.fromstring(xml.strip().encode()).iter()
    ]


def test_hostile_file_names_stay_data(tmp_path: Path) -> None:
    """A page named with quotes, braces and a closing tag does not break the
    map: it stays a string for both engines."""
    project = copy_project(tmp_path / "project")
    name = 'a"b}}{%c%}\\d'
    (project / "docs" / "ru" / f"{name}.md").write_text("# Страница\n", "utf-8")
    render_all(project, RENDERERS)
    language_map.write(project, pdf=False)
    source = '{% import ".generated/language-map.html" as m %}{{ m.pages | tojson }}'
    by_jinja, by_minijinja = render_both(project, "", source)
    pages = json.loads(by_jinja)
    assert pages == json.loads(by_minijinja)
    (entry,) = (entry for address, entry in pages.items() if address.startswith("a%22b"))
    assert entry["source"] == f"docs/ru/{name}.md"
