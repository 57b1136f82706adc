"""Domain events: how a lower layer tells the layers above what happened.

The layers run one way (docs/architecture.md): regions, people and scoping at the
bottom; courses, assessments, content and certificates above; Dinas reporting on top.
A lower layer never imports a higher one. When a fact of the domain changes
(an enrolment starts, a course is completed, certificates are issued) the service
that changed it publishes a plain event of ids here, and the layers above that care
subscribe to it in their `AppConfig.ready()`.

Handlers run synchronously, in the publisher's transaction and in the order they
subscribed: what they write commits or rolls back with the fact itself (the Dinas
counters move with the progress; the certificate owed by a completion is written
with it). A handler must not send anything outside the database: it hands such work
on through `lms.outbox.work_owe`.

Every subscription is listed in docs/architecture.md ("Events").
Batch events carry tuples of ids: a single change is a batch of one.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

# ---------------------------------------------------------------- the events


@dataclass(frozen=True)
class EnrollmentsCreated:
    """Participants were enrolled in courses (self-service, cohort, import)."""

    enrollment_ids: tuple[int, ...]


@dataclass(frozen=True)
class EnrollmentStarted:
    """A participant opened their course for the first time (moves exactly once)."""

    enrollment_id: int
    user_id: int
    course_id: int
    started_at: datetime.datetime


@dataclass(frozen=True)
class EnrollmentCompleted:
    """An enrolment reached its course's completion rule (recorded exactly once)."""

    enrollment_id: int
    user_id: int
    course_id: int
    completed_at: datetime.datetime


@dataclass(frozen=True)
class EvaluationSubmitted:
    """A participant answered their cohort's evaluation (once); a certificate that
    waited for it may now be owed."""

    enrollment_id: int
    cohort_id: int


@dataclass(frozen=True)
class CertificatesIssued:
    """Certificates of these enrolments became valid (issued, or reinstated by a
    reissue after a revocation)."""

    enrollment_ids: tuple[int, ...]


@dataclass(frozen=True)
class CertificatesRevoked:
    """Valid certificates of these enrolments were revoked."""

    enrollment_ids: tuple[int, ...]


@dataclass(frozen=True)
class ParticipantsRegistered:
    """New participant accounts (self-registration, a Dinas import)."""

    user_ids: tuple[int, ...]


@dataclass(frozen=True)
class ParticipantMove:
    """One participant placed in another village or cooperative (or both)."""

    user_id: int
    old_village_id: str | None
    new_village_id: str | None
    old_cooperative_id: int | None
    new_cooperative_id: int | None


@dataclass(frozen=True)
class ParticipantsMoved:
    """Participants placed in another village or cooperative (a re-import); they
    take their enrolments, completions and certificates along."""

    moves: tuple[ParticipantMove, ...]


@dataclass(frozen=True)
class CooperativesCreated:
    """New cooperatives, each seated in its home village."""

    cooperative_ids: tuple[int, ...]


@dataclass(frozen=True)
class CooperativeVillagesAdded:
    """Cooperatives now serve more villages: new (cooperative, village) links only."""

    links: tuple[tuple[int, str], ...]


# ---------------------------------------------------------------- the mechanism

Event = Any
E = TypeVar("E")
_handlers: dict[type, list[Callable[[Any], None]]] = defaultdict(list)


def subscribe(event_type: type[E], handler: Callable[[E], None]) -> None:
    """Call `handler(event)` whenever an event of this type is published.

    Subscribing the same handler twice has no effect (app registries can be
    populated more than once in tests)."""
    if handler not in _handlers[event_type]:
        _handlers[event_type].append(handler)


def publish(event: Event) -> None:
    """Hand the event to every subscriber, in the caller's transaction."""
    for handler in _handlers.get(type(event), ()):
        handler(event)


def subscribers(event_type: type) -> list[Callable[[Any], None]]:
    """Who listens to an event type (for docs and tests)."""
    return list(_handlers.get(event_type, ()))
