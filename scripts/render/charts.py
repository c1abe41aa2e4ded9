"""Static SVG bar charts, made at build time: no script, no request.

Each chart names itself with <title> and <desc> (read by screen readers;
the page puts the same numbers in a table beside it), and draws each group
as its label over one horizontal bar per series, so that long names fit on
a phone's width.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH = 400  # the text stays readable when a phone shrinks the chart
PAD = 8
LABEL = 18  # height of a group's label line
BAR = 14
GAP = 4
GROUP_GAP = 10
VALUE_ROOM = 44  # room right of the longest bar for its number
# Dark enough for 4.5:1 against white, and told apart by the legend too.
COLOURS = ("#2e4aa3", "#a34f00")
TEXT = "#1f1f1f"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


@dataclass(frozen=True)
class Group:
    label: str
    values: tuple[int, ...]  # one per series


def bar_chart(chart_id: str, title: str, desc: str, series: list[str], groups: list[Group]) -> str:
    """An SVG element, on one line-free block, for a raw-HTML block in Markdown."""
    top = PAD + (len(series) * LABEL + GAP if len(series) > 1 else 0)
    step = LABEL + len(series) * (BAR + GAP) + GROUP_GAP
    height = top + step * len(groups) + PAD - GROUP_GAP
    largest = max((value for group in groups for value in group.values), default=0) or 1
    scale = (WIDTH - 2 * PAD - VALUE_ROOM) / largest
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="stats-chart__svg" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="{FONT}" font-size="14" fill="{TEXT}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    if len(series) > 1:
        parts.extend(_legend(series))
    for index, group in enumerate(groups):
        y = top + index * step
        parts.append(f'<text x="{PAD}" y="{y + 13}">{escape(group.label)}</text>')
        for number, value in enumerate(group.values):
            bar_y = y + LABEL + number * (BAR + GAP)
            length = round(value * scale, 1)
            parts.append(
                f'<rect x="{PAD}" y="{bar_y}" width="{length}" height="{BAR}" '
                f'fill="{COLOURS[number % len(COLOURS)]}"/>'
                f'<text x="{PAD + length + 4}" y="{bar_y + 12}" font-size="13">{value}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _legend(series: list[str]) -> list[str]:
    """One line per series: a swatch of its colour, and its name."""
    parts = []
    for number, name in enumerate(series):
        y = PAD + number * LABEL
        parts.append(
            f'<rect x="{PAD}" y="{y + 2}" width="12" height="12" '
            f'fill="{COLOURS[number % len(COLOURS)]}"/>'
            f'<text x="{PAD + 18}" y="{y + 12}" font-size="13">{escape(name)}</text>'
        )
    return parts
