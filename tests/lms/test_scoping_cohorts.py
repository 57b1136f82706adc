"""Who takes whose attendance and who sees which cohorts' reports: the two rules
of `lms.scoping` for blended cohorts."""

import pytest

from courses.factories import CohortFactory, EnrollmentFactory
from courses.models import Cohort, Enrollment
from lms import scoping
from lms.factories import (
    AdminFactory,
    AssistantFactory,
    BalaiFactory,
    DinasOfficerFactory,
    InstructorFactory,
    ParticipantFactory,
)
from lms.models import Province, Regency, Village

pytestmark = pytest.mark.django_db


def test_attendance_is_taken_by_the_balai_for_all_and_by_an_assistant_for_their_villages():
    balai = BalaiFactory()
    mine = Village.objects.get(pk="63.03.01.2001")
    other = Village.objects.get(pk="63.01.01.2001")
    cohort = CohortFactory(course__balai=balai)
    ours = EnrollmentFactory(
        cohort=cohort, course=cohort.course, user=ParticipantFactory(village=mine)
    )
    theirs = EnrollmentFactory(
        cohort=cohort, course=cohort.course, user=ParticipantFactory(village=other)
    )

    def taken_by(user):
        q = scoping.attendance_q(user, balai_id=balai.pk, field="user__village_id")
        return set(Enrollment.objects.filter(q).values_list("pk", flat=True))

    assert taken_by(InstructorFactory(balai=balai)) == {ours.pk, theirs.pk}
    assert taken_by(AdminFactory()) == {ours.pk, theirs.pk}
    assert taken_by(AssistantFactory(villages=[mine])) == {ours.pk}
    assert taken_by(InstructorFactory()) == set()
    assert (
        taken_by(DinasOfficerFactory(scope_province=Province.objects.get(pk="63")))
        == set()
    )
    assert taken_by(ours.user) == set()


def test_reports_are_seen_by_the_balai_and_by_officers_of_the_region_held_in():
    balai = BalaiFactory()
    banjar = Regency.objects.get(pk="63.03")
    tanah_laut = Regency.objects.get(pk="63.01")
    kalsel = Province.objects.get(pk="63")
    in_banjar = CohortFactory(course__balai=balai, regency=banjar, province=kalsel)
    province_wide = CohortFactory(course__balai=balai, province=kalsel)
    national = CohortFactory(course__balai=balai)

    def seen_by(user):
        return set(
            Cohort.objects.filter(scoping.cohort_reports_q(user)).values_list(
                "pk", flat=True
            )
        )

    assert seen_by(InstructorFactory(balai=balai)) == {
        in_banjar.pk,
        province_wide.pk,
        national.pk,
    }
    assert seen_by(DinasOfficerFactory(scope_province=kalsel)) == {
        in_banjar.pk,
        province_wide.pk,
    }
    assert seen_by(DinasOfficerFactory(scope_regency=banjar)) == {in_banjar.pk}
    assert seen_by(DinasOfficerFactory(scope_regency=tanah_laut)) == set()
    assert (
        seen_by(AssistantFactory(villages=[Village.objects.get(pk="63.03.01.2001")]))
        == set()
    )
    assert seen_by(InstructorFactory()) == set()
