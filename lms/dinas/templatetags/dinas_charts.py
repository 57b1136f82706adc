"""Geometry of the dashboards' SVG charts (drawn by the templates).

Only layout: the figures come from the selectors. Used inside
`{% localize off %}`, since Indonesian number formatting would write `80,5` into
SVG attributes.
"""

import datetime

from django import template

register = template.Library()


@register.simple_tag
def bar_chart(rows: list[dict], width: int = 340, bar: int = 18) -> dict:
    """A horizontal bar of completion per region: `{% bar_chart rows as bars %}`."""
    label_width = 120
    span = width - label_width - 40
    bars = []
    for index, row in enumerate(rows):
        percent = row["completion_percent"]
        bars.append(
            {
                "y": index * (bar + 6),
                "label": row["name"][:18],
                "width": round(span * percent / 100, 1),
                "percent": percent,
                "text_x": label_width + round(span * percent / 100, 1) + 4,
            }
        )
    return {
        "width": width,
        "height": max(1, len(rows)) * (bar + 6),
        "bar": bar,
        "label_width": label_width,
        "text_y": bar - 5,
        "bars": bars,
    }


@register.simple_tag
def trend_chart(
    points: list[tuple[datetime.date, int]], width: int = 340, height: int = 120
) -> dict:
    """Columns of completions per week: `{% trend_chart points as trend %}`."""
    top = max((n for _, n in points), default=0) or 1
    step = width / max(1, len(points))
    plot = height - 20
    columns = []
    for index, (week, n) in enumerate(points):
        h = round(plot * n / top, 1)
        columns.append(
            {
                "x": round(index * step + 2, 1),
                "y": round(plot - h, 1),
                "width": round(step - 4, 1),
                "height": h,
                "n": n,
                "week": week,
            }
        )
    return {
        "width": width,
        "height": height,
        "plot": plot,
        "columns": columns,
        "top": top,
    }
