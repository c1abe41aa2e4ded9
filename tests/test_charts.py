"""The reports' SVG charts: drawn by a Jinja template beside the renderer
(scripts/render/templates/bar-chart.svg.jinja), with the layout computed in
render/charts.py. The golden files in tests/data/charts/ were drawn by the
charts' first, f-string version: the template draws them byte for byte."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from common.site_config import ROOT
from render.charts import Group, bar_chart

GOLDEN = Path(__file__).parent / "data" / "charts"
CASES: dict[str, tuple[str, str, str, list[str], list[Group]]] = {
    "two-series": (
        "chart-x",
        "Активности & <педагоги>",
        "Столбчатая диаграмма: <b>",
        ["Активностей", "из них в каникулы"],
        [
            Group("I четверть", (41, 3)),
            Group("Интернет-школа «Просвещение.ру» & <x>", (0, 56)),
        ],
    ),
    "one-series": (
        "chart-y",
        "По платформам",
        "Описание",
        ["Всего"],
        [Group("Инфоурок", (79,)), Group("Сферум", (31,)), Group("Пусто", (0,))],
    ),
    "empty": ("chart-z", "Нет данных", "—", ["A"], []),
}


@pytest.mark.parametrize("name", CASES)
def test_a_chart_is_drawn_as_its_golden_file(name: str) -> None:
    chart = bar_chart(*CASES[name])
    assert chart == (GOLDEN / f"{name}.svg").read_text("utf-8")
    assert "\n" not in chart  # one raw-HTML block in Markdown


def test_a_label_cannot_add_an_element() -> None:
    evil = '</text><script>alert(1)</script><text x="1">'
    chart = bar_chart("c", evil, evil, [evil, "b"], [Group(evil, (1, 2))])
    assert "<script" not in chart
    assert len(re.findall(r"<text\b", chart)) == 2 + 1 + 2  # legend, label, values


def test_no_svg_is_written_in_python() -> None:
    """SVG markup lives in templates (render/templating.py escapes .svg.jinja):
    no string of a renderer's code holds it, docstrings aside."""
    markup = re.compile(r"<(?:svg|rect|text|title|desc|g|path|line)\b")
    for path in sorted((ROOT / "scripts" / "render").glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
        found = [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and markup.search(node.value)
        ]
        assert not found, f"{path.name}: {found}"
