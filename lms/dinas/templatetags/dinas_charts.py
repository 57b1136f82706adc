"""Geometry of the dashboards' SVG charts (drawn by the templates).

Only layout: the figures come from the selectors. Used inside
`{% localize off %}`, since Indonesian number formatting would write `80,5` into
SVG attributes.
"""

import datetime

from django import template

register = template.Library()


@register.simple_tag
def bar_chart(rows: list[dict], width: int = 340, bar: int = 16) -> dict:
    """Completion per region as horizontal bars: `{% bar_chart rows as bars %}`.

    Each region's full name sits on its own line above its bar (nothing cut),
    the value is written at the end of the bar. A region where nobody is
    enrolled has no bar (`without` counts them); `empty` when no region has
    anyone enrolled: then nothing is drawn."""
    label_h = 14
    row_h = label_h + bar + 10
    without = sum(1 for row in rows if not row["enrolled"])
    rows = [row for row in rows if row["enrolled"]]  # no enrolment: no bar
    span = width - 48  # room for "100%" after the longest bar
    bars = []
    for index, row in enumerate(rows):
        percent = row["completion_percent"]
        bar_w = round(span * percent / 100, 1)
        bars.append(
            {
                "y": index * row_h,
                "label": row["name"],
                "width": bar_w,
                "percent": percent,
                "completed": row["completed"],
                "enrolled": row["enrolled"],
                "text_x": bar_w + 4,
            }
        )
    return {
        "width": width,
        "height": max(1, len(rows)) * row_h,
        "bar": bar,
        "label_y": label_h - 3,
        "bar_y": label_h,
        "text_y": label_h + bar - 4,
        "bars": bars,
        "empty": not rows,
        "without": without,
    }


@register.simple_tag
def trend_chart(
    points: list[tuple[datetime.date, int]], width: int = 340, height: int = 150
) -> dict:
    """Completions per week as columns with a value axis, the value on each
    column and the week under it: `{% trend_chart points as trend %}`. `empty`
    when no week has a completion: then nothing is drawn (and no "peak")."""
    top = max((n for _, n in points), default=0)
    axis = 28  # left margin for the value axis
    bottom = 18  # room for the week labels
    above = 12  # room for the value over the highest column
    plot = height - bottom - above
    step = (width - axis) / max(1, len(points))
    scale_top = top or 1
    columns = []
    for index, (week, n) in enumerate(points):
        h = round(plot * n / scale_top, 1)
        x = round(axis + index * step + 2, 1)
        columns.append(
            {
                "x": x,
                "y": round(above + plot - h, 1),
                "width": round(step - 4, 1),
                "height": h,
                "n": n,
                "week": week,
                "mid": round(x + (step - 4) / 2, 1),
                "value_y": round(above + plot - h - 2, 1),
            }
        )
    return {
        "width": width,
        "height": height,
        "axis": axis,
        "plot_top": above,
        "plot_bottom": above + plot,
        "label_y": height - 4,
        "columns": columns,
        "top": top,
        "half": top / 2 if top else 0,
        "half_y": round(above + plot / 2, 1),
        "empty": top == 0,
    }
