"""Counters move with the progress, the registrations and the certificates; the
reconciliation finds no difference; the synthetic dataset is consistent, and the
dashboard's fast figures equal the same figures grouped from the raw rows."""

import datetime

import pytest

from django.core.management import call_command

from certificates.services.issuing import certificate_issue
from certificates.services.lifecycle import certificate_reissue, certificate_revoke
from courses.progress import course_lessons, lesson_reached_end, lesson_visit
from courses.services import enrollment_create
from lms.dinas import selectors
from lms.dinas.factories import registered_participant
from lms.dinas.models import (
    CompletionWeek,
    CooperativeCourseCounter,
    RegencyCompletionWeek,
    RegencyCourseCounter,
    RegencyTally,
    VillageCourseCounter,
    VillageTally,
)
from lms.dinas.reconcile import counters_differences
from lms.factories import AdminFactory, AssistantFactory, DinasOfficerFactory
from lms.models import Province, Regency, Village
from lms.services import cooperative_get_or_create

BANJAR_VILLAGE = "63.03.01.2001"
NEIGHBOUR_VILLAGE = "63.03.01.2002"


def _complete(enrollment, lessons) -> None:
    for lesson in lessons:
        lesson_reached_end(enrollment=enrollment, lesson=lesson)


def test_counters_follow_the_progress_and_reconcile_without_difference(db, course):
    village = Village.objects.get(pk=BANJAR_VILLAGE)
    people = [registered_participant(village=village) for _ in range(3)]
    lessons = list(course_lessons(course))
    enrollments = [enrollment_create(user=p, course=course) for p in people]
    lesson_visit(enrollment=enrollments[0], lesson=lessons[0])
    _complete(enrollments[1], lessons)
    counter = VillageCourseCounter.objects.get(course=course)
    assert (counter.enrolled, counter.started, counter.completed) == (3, 2, 1)
    regency = RegencyCourseCounter.objects.get(course=course, regency_id="63.03")
    assert (regency.enrolled, regency.started, regency.completed) == (3, 2, 1)
    assert CompletionWeek.objects.get(course=course).completed == 1
    assert RegencyCompletionWeek.objects.get(course=course).completed == 1
    assert VillageTally.objects.get(pk=BANJAR_VILLAGE).participants == 3
    assert VillageTally.objects.get(pk=BANJAR_VILLAGE).cooperatives == 1
    tally = RegencyTally.objects.get(pk="63.03")
    assert (tally.participants, tally.cooperatives) == (3, 1)
    assert tally.villages == Village.objects.filter(regency_id="63.03").count()
    assert counters_differences() == []
    call_command("counters_reconcile")


def test_the_reconciliation_reports_a_drifted_counter(db, course):
    from django.core.management.base import CommandError

    village = Village.objects.get(pk=BANJAR_VILLAGE)
    enrollment_create(user=registered_participant(village=village), course=course)
    VillageCourseCounter.objects.update(enrolled=5)
    VillageTally.objects.update(participants=7)
    differences = counters_differences()
    assert {d.table for d in differences} == {"counter", "village_tally"}
    assert (
        next(d for d in differences if d.table == "counter").computed["enrolled"] == 1
    )
    with pytest.raises(CommandError):
        call_command("counters_reconcile")
    call_command("counters_reconcile", "--fix")
    assert counters_differences() == []


def test_certificates_move_certified_and_coverage_and_a_revocation_takes_it_back(
    db, course, settings
):
    """Three certified members cover every village their cooperative serves; a
    revocation uncovers them and a reissue covers them again."""
    settings.DINAS_COVERAGE_PARTICIPANTS = 3
    village = Village.objects.get(pk=BANJAR_VILLAGE)
    neighbour = Village.objects.get(pk=NEIGHBOUR_VILLAGE)
    coop = cooperative_get_or_create(
        name="KDMP Bersama", village=village, legal_number="AHU-1"
    )
    people = [
        registered_participant(village=village, cooperative_name="KDMP Bersama")
        for _ in range(3)
    ]
    # The cooperative also serves the neighbouring (merged) village.
    assert (
        cooperative_get_or_create(
            name="KDMP Bersama", village=neighbour, legal_number="AHU-1"
        )
        == coop
    )
    lessons = list(course_lessons(course))
    enrollments = [enrollment_create(user=p, course=course) for p in people]
    for enrollment in enrollments:
        _complete(enrollment, lessons)
    certificates = [certificate_issue(enrollment_id=e.pk) for e in enrollments[:2]]
    assert not VillageCourseCounter.objects.filter(covering__gt=0).exists()
    certificates.append(certificate_issue(enrollment_id=enrollments[2].pk))

    def covering():
        return dict(
            VillageCourseCounter.objects.filter(course=course).values_list(
                "village_id", "covering"
            )
        )

    def regency():
        return RegencyCourseCounter.objects.get(course=course, regency_id="63.03")

    assert covering() == {BANJAR_VILLAGE: 1, NEIGHBOUR_VILLAGE: 1}
    assert (regency().certified, regency().covered) == (3, 2)
    assert CooperativeCourseCounter.objects.get(cooperative=coop).certified == 3
    admin = AdminFactory()
    filters = selectors.Filters(course_ids=[course.pk])
    row = next(
        r
        for r in selectors.region_table(user=admin, code="63", filters=filters)["rows"]
        if r["code"] == "63.03"
    )
    assert (row["certified"], row["covered"]) == (3, 2)
    assert counters_differences() == []
    # Without a course filter a village counts when covered in at least one live
    # course: another course nobody took no longer makes every figure 0.
    from lms.dinas.factories import course_with_lessons

    course_with_lessons(title="Kursus yang belum diikuti")
    for unfiltered in (
        selectors.Filters(),
        selectors.Filters(since=datetime.date(1900, 1, 1)),  # the raw path
    ):
        table = selectors.region_table(user=admin, code="63", filters=unfiltered)
        assert next(r for r in table["rows"] if r["code"] == "63.03")["covered"] == 2
    assert "minimal satu kursus" in selectors.coverage_definition(selectors.Filters())

    certificate_revoke(certificate_id=certificates[0].pk, actor=admin, reason="Salah")
    assert covering() == {BANJAR_VILLAGE: 0, NEIGHBOUR_VILLAGE: 0}
    assert (regency().certified, regency().covered) == (2, 0)
    assert counters_differences() == []

    certificate_reissue(certificate_id=certificates[0].pk, actor=admin, reason="Ok")
    assert covering() == {BANJAR_VILLAGE: 1, NEIGHBOUR_VILLAGE: 1}
    assert (regency().certified, regency().covered) == (3, 2)
    assert counters_differences() == []


def _tables_agree(user, code: str) -> None:
    """The table from the counters equals the one grouped from the raw rows."""
    fast = selectors.region_table(user=user, code=code, filters=selectors.Filters())
    raw = selectors.region_table(
        user=user, code=code, filters=selectors.Filters(since=datetime.date(1900, 1, 1))
    )
    assert fast["rows"] == raw["rows"], code
    assert fast["total"] == raw["total"], code


def test_the_synthetic_generator_builds_a_consistent_programme(db, settings):
    from benchmarks.dinas_synthetic import synthetic_programme_generate
    from certificates.models import Certificate
    from lms.models import Cooperative, Role, User

    # One certified member is enough, so that coverage shows in a small dataset.
    settings.DINAS_COVERAGE_PARTICIPANTS = 1
    counts = synthetic_programme_generate(
        cooperatives=2013, province="63", courses=2, lessons=3
    )
    assert counts.villages == 2016
    assert counts.cooperatives == Cooperative.objects.count() == 2013
    assert counts.participants == User.objects.filter(role=Role.PARTICIPANT).count()
    assert counts.participants == 3 * 2013
    assert counts.enrollments == 2 * counts.participants
    assert counts.lesson_progress > counts.enrollments
    from courses.models import Enrollment

    completed = Enrollment.objects.filter(completed_at__isnull=False).count()
    assert counts.certificates == completed > 0
    revoked = Certificate.objects.filter(status="revoked").count()
    assert 0 < revoked < counts.certificates
    assert counters_differences() == []
    served = Cooperative.villages.through.objects.values("village_id").distinct()
    assert served.count() == 2016

    national = selectors.region_table(
        user=AdminFactory(), code="", filters=selectors.Filters()
    )["total"]
    assert national["certified"] == counts.certificates - revoked
    # Merged villages are covered through the cooperative they share.
    assert 0 < national["covered"] <= 2016

    admin = AdminFactory()
    province = DinasOfficerFactory(scope_province=Province.objects.get(pk="63"))
    regency = DinasOfficerFactory(scope_regency=Regency.objects.get(pk="63.03"))
    assistant = AssistantFactory(
        villages=list(Village.objects.filter(regency_id__in=["63.01", "63.03"])[::7])
    )
    for code in ("", "63", "63.03", "63.03.01"):
        _tables_agree(admin, code)
    _tables_agree(province, "63")
    _tables_agree(province, "63.01")
    _tables_agree(regency, "63.03")
    _tables_agree(regency, "63.03.05")
    _tables_agree(assistant, "63")


def test_batch_issuing_moves_the_same_counters_as_one_by_one(db, course, settings):
    from certificates.services.issuing import certificates_issue_many

    settings.DINAS_COVERAGE_PARTICIPANTS = 3
    village = Village.objects.get(pk=BANJAR_VILLAGE)
    people = [
        registered_participant(village=village, cooperative_name="KDMP Serentak")
        for _ in range(4)
    ]
    lessons = list(course_lessons(course))
    enrollments = [enrollment_create(user=p, course=course) for p in people]
    for enrollment in enrollments[:3]:
        _complete(enrollment, lessons)
    assert certificates_issue_many(enrollment_ids=[e.pk for e in enrollments]) == 3
    counter = VillageCourseCounter.objects.get(course=course, village=village)
    assert (counter.certified, counter.covering) == (3, 1)
    assert VillageTally.objects.get(pk=BANJAR_VILLAGE).courses_covered == 1
    assert counters_differences() == []


def test_a_participant_moved_by_a_reimport_takes_their_counts_along(
    db, course, province_officer, settings
):
    """Progress, certificates and coverage follow a participant whom a new upload
    places in another village and cooperative."""
    from lms.dinas.importing import read_rows
    from lms.dinas.services import (
        _database_conflicts,
        programme_rows_apply,
        programme_rows_validate,
    )

    settings.DINAS_COVERAGE_PARTICIPANTS = 1
    village = Village.objects.get(pk=BANJAR_VILLAGE)
    person = registered_participant(village=village, full_name="Siti Aminah")
    enrollment = enrollment_create(user=person, course=course)
    _complete(enrollment, list(course_lessons(course)))
    certificate_issue(enrollment_id=enrollment.pk)
    assert VillageCourseCounter.objects.get(village=village).covering == 1

    phone = "0" + person.phone[3:]
    data = (
        "Nama Lengkap,No. HP,E-mail,Jabatan,Nama Koperasi,Kode Desa\n"
        f"Siti Aminah,{phone},,Bendahara,KDMP Tanipah,{NEIGHBOUR_VILLAGE}\n"
    ).encode()
    good, refused = programme_rows_validate(
        rows=read_rows(data), officer=province_officer
    )
    good, existing = _database_conflicts(
        good=good, officer=province_officer, refused=refused
    )
    assert not refused
    outcome = programme_rows_apply(
        good=good, existing=existing, officer=province_officer
    )
    assert outcome.updated == 1

    def counter(code):
        return VillageCourseCounter.objects.get(village_id=code, course=course)

    assert (counter(BANJAR_VILLAGE).completed, counter(BANJAR_VILLAGE).covering) == (
        0,
        0,
    )
    moved = counter(NEIGHBOUR_VILLAGE)
    assert (moved.enrolled, moved.completed, moved.certified, moved.covering) == (
        1,
        1,
        1,
        1,
    )
    assert counters_differences() == []


def test_coverage_has_one_definition_for_ledger_dashboard_and_reconciliation(
    db, course, settings
):
    """The ledger, the raw dashboard path and the reconciliation all judge
    coverage by `ledger.coverage.covers`: with the threshold raised, the stored
    counters disagree until they are rebuilt, and the raw path agrees at once."""
    from lms.dinas.ledger import covers
    from lms.dinas.reconcile import counters_rebuild

    settings.DINAS_COVERAGE_PARTICIPANTS = 2
    village = Village.objects.get(pk=BANJAR_VILLAGE)
    people = [
        registered_participant(village=village, cooperative_name="KDMP Dua")
        for _ in range(2)
    ]
    lessons = list(course_lessons(course))
    for person in people:
        enrollment = enrollment_create(user=person, course=course)
        _complete(enrollment, lessons)
        certificate_issue(enrollment_id=enrollment.pk)
    assert covers(2)
    assert VillageCourseCounter.objects.get(village=village).covering == 1
    admin = AdminFactory()
    raw = selectors.Filters(course_ids=[course.pk], since=datetime.date(1900, 1, 1))

    def covered_raw() -> int:
        return selectors.region_table(user=admin, code="63.03.01", filters=raw)[
            "total"
        ]["covered"]

    assert covered_raw() == 1
    settings.DINAS_COVERAGE_PARTICIPANTS = 3
    assert not covers(2)
    assert covered_raw() == 0
    assert {d.table for d in counters_differences()} == {
        "counter",
        "regency_counter",
        "village_tally",
    }
    counters_rebuild()
    assert counters_differences() == []
    assert VillageCourseCounter.objects.get(village=village).covering == 0
