"""The ledger listens to the domain (`lms.events`); the domain never calls it.

Each handler turns one event into entries and posts them as one batch, in the
transaction that changed the fact, so the figures commit or roll back with it.
"""

from collections.abc import Iterator, Sequence

from certificates.models import Certificate
from courses.models import Enrollment
from lms import events
from lms.models import Cooperative, User

from .book import Entries, post, week_of

_CHUNK = 900


def _chunks(ids: Sequence) -> Iterator[Sequence]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _village_of(user_id: int) -> str | None:
    return User.objects.filter(pk=user_id).values_list("village_id", flat=True).first()


def enrollments_created(event: events.EnrollmentsCreated) -> None:
    entries = Entries()
    for chunk in _chunks(event.enrollment_ids):
        for village_id, course_id in Enrollment.objects.filter(
            pk__in=chunk
        ).values_list("user__village_id", "course_id"):
            entries.progress_add(village_id=village_id, course_id=course_id, enrolled=1)
    post(entries)


def enrollment_started(event: events.EnrollmentStarted) -> None:
    entries = Entries()
    entries.progress_add(
        village_id=_village_of(event.user_id), course_id=event.course_id, started=1
    )
    post(entries)


def enrollment_completed(event: events.EnrollmentCompleted) -> None:
    entries = Entries()
    village_id = _village_of(event.user_id)
    entries.progress_add(village_id=village_id, course_id=event.course_id, completed=1)
    entries.completion_add(
        village_id=village_id,
        course_id=event.course_id,
        week=week_of(event.completed_at),
    )
    post(entries)


def _certificates(enrollment_ids: Sequence[int], delta: int) -> None:
    entries = Entries()
    for chunk in _chunks(enrollment_ids):
        for village_id, cooperative_id, course_id in Enrollment.objects.filter(
            pk__in=chunk
        ).values_list("user__village_id", "user__cooperative_id", "course_id"):
            entries.certificate_add(
                village_id=village_id,
                cooperative_id=cooperative_id,
                course_id=course_id,
                delta=delta,
            )
    post(entries)


def certificates_issued(event: events.CertificatesIssued) -> None:
    _certificates(event.enrollment_ids, +1)


def certificates_revoked(event: events.CertificatesRevoked) -> None:
    _certificates(event.enrollment_ids, -1)


def participants_registered(event: events.ParticipantsRegistered) -> None:
    entries = Entries()
    for chunk in _chunks(event.user_ids):
        for (village_id,) in User.objects.filter(pk__in=chunk).values_list(
            "village_id"
        ):
            entries.registration_add(village_id=village_id, participants=1)
    post(entries)


def participants_moved(event: events.ParticipantsMoved) -> None:
    """Participants take their registration, enrolments, completions, valid
    certificates and the coverage those carry to their new village or cooperative."""
    entries = Entries()
    moves = {move.user_id: move for move in event.moves}
    for move in moves.values():
        if move.old_village_id != move.new_village_id:
            entries.registration_add(village_id=move.old_village_id, participants=-1)
            entries.registration_add(village_id=move.new_village_id, participants=1)
    for chunk in _chunks(sorted(moves)):
        enrollments = Enrollment.objects.filter(user_id__in=chunk).values_list(
            "user_id", "course_id", "started_at", "completed_at", "certificate__status"
        )
        for user_id, course_id, started_at, completed_at, status in enrollments:
            move = moves[user_id]
            valid = status == Certificate.Status.VALID
            if move.old_village_id != move.new_village_id:
                facts = {
                    "enrolled": 1,
                    "started": int(started_at is not None),
                    "completed": int(completed_at is not None),
                    "certified": int(valid),
                }
                for village_id, sign in (
                    (move.old_village_id, -1),
                    (move.new_village_id, 1),
                ):
                    entries.progress_add(
                        village_id=village_id,
                        course_id=course_id,
                        **{name: sign * n for name, n in facts.items()},
                    )
                    if completed_at is not None:
                        entries.completion_add(
                            village_id=village_id,
                            course_id=course_id,
                            week=week_of(completed_at),
                            delta=sign,
                        )
            if valid and move.old_cooperative_id != move.new_cooperative_id:
                for cooperative_id, sign in (
                    (move.old_cooperative_id, -1),
                    (move.new_cooperative_id, 1),
                ):
                    if cooperative_id is not None:
                        entries.certified[(cooperative_id, course_id)] += sign
    post(entries)


def cooperatives_created(event: events.CooperativesCreated) -> None:
    entries = Entries()
    for chunk in _chunks(event.cooperative_ids):
        for (village_id,) in Cooperative.objects.filter(pk__in=chunk).values_list(
            "home_village_id"
        ):
            entries.registration_add(village_id=village_id, cooperatives=1)
    post(entries)


def cooperative_villages_added(event: events.CooperativeVillagesAdded) -> None:
    entries = Entries()
    entries.links.update(event.links)
    post(entries)


def subscribe() -> None:
    """Listen to the domain (called once the apps are ready)."""
    events.subscribe(events.EnrollmentsCreated, enrollments_created)
    events.subscribe(events.EnrollmentStarted, enrollment_started)
    events.subscribe(events.EnrollmentCompleted, enrollment_completed)
    events.subscribe(events.CertificatesIssued, certificates_issued)
    events.subscribe(events.CertificatesRevoked, certificates_revoked)
    events.subscribe(events.ParticipantsRegistered, participants_registered)
    events.subscribe(events.ParticipantsMoved, participants_moved)
    events.subscribe(events.CooperativesCreated, cooperatives_created)
    events.subscribe(events.CooperativeVillagesAdded, cooperative_villages_added)
