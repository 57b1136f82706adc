"""Reads of the Dinas dashboards, by concern: `filters` (the filters and the rows
of a region within scope), `regions` (the main table), `coverage` (covered
villages), `trend` (completions per week) and `lists` (villages not started,
cooperatives, participants, who needs a nudge). Chart geometry is drawn by the
`dinas_charts` template tags.
"""

from .coverage import coverage_definition
from .filters import Filters, filters_from_query, scoped_counters, scoped_enrollments
from .lists import (
    assistant_overview,
    assistant_villages,
    cooperative_participants,
    inactive_days,
    inactive_participants,
    participants_to_nudge,
    village_cooperatives,
    villages_not_started,
    villages_search,
)
from .regions import (
    breadcrumbs,
    region_name,
    region_table,
    village_figures,
    villages_reached,
)
from .trend import weekly_completions

__all__ = [
    "Filters",
    "assistant_overview",
    "assistant_villages",
    "breadcrumbs",
    "cooperative_participants",
    "coverage_definition",
    "filters_from_query",
    "inactive_days",
    "inactive_participants",
    "participants_to_nudge",
    "region_name",
    "region_table",
    "scoped_counters",
    "scoped_enrollments",
    "village_cooperatives",
    "village_figures",
    "villages_not_started",
    "villages_reached",
    "villages_search",
    "weekly_completions",
]
