"""The Dinas ledger: the per-region figures the dashboards read, moved in the
transactions that change the facts.

Three families of rows move together, always in the publisher's transaction:

- progress per village × course (`VillageCourseCounter`, `CompletionWeek`) and the
  same summed per regency × course (`RegencyCourseCounter`, `RegencyCompletionWeek`);
- registrations per village (`VillageTally`: participants, cooperatives) and per
  regency (`RegencyTally`, which also holds the regency's number of villages);
- coverage (`coverage`): valid certificates per cooperative × course
  (`CooperativeCourseCounter`), `covering` on the villages a covering cooperative
  serves, and `covered` / `courses_covered` when a village turns covered.

`handlers` listens to `lms.events` and turns each event into entries; `book.post`
is the one write path (a single change is a batch of one); `lms.dinas.reconcile`
recomputes every table from the raw rows through the same coverage definition.
"""

from .book import PROGRESS_FIELDS, week_of
from .coverage import coverage_participants, covers
from .handlers import subscribe

__all__ = [
    "PROGRESS_FIELDS",
    "coverage_participants",
    "covers",
    "subscribe",
    "week_of",
]
