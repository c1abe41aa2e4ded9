"""Static SVG bar charts, made at build time: no script, no request.

Each chart names itself with <title> and <desc> (read by screen readers;
the page puts the same numbers in a table beside it), and draws each group
as its label over one horizontal bar per series, so that long names fit on
a phone's width. This module computes the layout; the SVG itself is the
template templates/bar-chart.svg.jinja, which escapes every text it is given.
"""

from __future__ import annotations

from dataclasses import dataclass

from render.templating import render_template

WIDTH = 400  # the text stays readable when a phone shrinks the chart
PAD = 8
LABEL = 18  # height of a group's label line
BAR = 14
GAP = 4
GROUP_GAP = 10
VALUE_ROOM = 44  # room right of the longest bar for its number


@dataclass(frozen=True)
class Group:
    label: str
    values: tuple[int, ...]  # one per series


@dataclass(frozen=True)
class _Bar:
    y: int
    length: float
    value: int


@dataclass(frozen=True)
class _PlacedGroup:
    y: int
    label: str
    bars: list[_Bar]


@dataclass(frozen=True)
class _LegendItem:
    y: int
    name: str


def bar_chart(chart_id: str, title: str, desc: str, series: list[str], groups: list[Group]) -> str:
    """An SVG element, on one line-free block, for a raw-HTML block in Markdown."""
    several = len(series) > 1
    top = PAD + (len(series) * LABEL + GAP if several else 0)
    step = LABEL + len(series) * (BAR + GAP) + GROUP_GAP
    height = top + step * len(groups) + PAD - GROUP_GAP
    largest = max((value for group in groups for value in group.values), default=0) or 1
    scale = (WIDTH - 2 * PAD - VALUE_ROOM) / largest
    placed = []
    for index, group in enumerate(groups):
        y = top + index * step
        bars = [
            _Bar(y + LABEL + number * (BAR + GAP), round(value * scale, 1), value)
            for number, value in enumerate(group.values)
        ]
        placed.append(_PlacedGroup(y, group.label, bars))
    legend = [_LegendItem(PAD + number * LABEL, name) for number, name in enumerate(series)]
    return render_template(
        "bar-chart.svg.jinja",
        chart_id=chart_id,
        title=title,
        desc=desc,
        width=WIDTH,
        height=height,
        pad=PAD,
        bar_height=BAR,
        legend=legend if several else [],
        groups=placed,
    )
