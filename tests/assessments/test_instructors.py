import re
from io import BytesIO

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments.factories import SAMPLE_RIGHT, quiz_with_questions
from assessments.models import Attempt
from assessments.selectors import cohort_gain, item_analysis, normalised_gain
from assessments.services import (
    answer_save,
    attempt_start,
    attempt_submit,
    essay_grade,
)
from courses.factories import CohortFactory, EnrollmentFactory
from lms.factories import InstructorFactory

pytestmark = pytest.mark.django_db


def _take(quiz, enrollment, right_kinds=()):
    attempt = attempt_start(quiz=quiz, enrollment=enrollment)
    for answer in attempt.answers.select_related("question"):
        kind = answer.question.kind
        if kind in right_kinds or kind == "essay":
            answer_save(
                attempt=attempt, question=answer.question, response=SAMPLE_RIGHT[kind]
            )
    attempt, _ = attempt_submit(attempt=attempt)
    return attempt


@pytest.fixture
def instructor(course):
    return InstructorFactory(balai=course.balai)


def test_an_essay_waits_for_the_instructor_then_the_attempt_is_graded(
    client, course, enrollment, instructor
):
    quiz = quiz_with_questions(course=course, kinds=["single", "essay"])
    attempt = _take(quiz, enrollment, right_kinds=["single"])
    assert attempt.status == Attempt.Status.NEEDS_REVIEW
    assert quiz.is_done(enrollment=enrollment) is False
    client.force_login(instructor)
    queue = client.get(reverse("assessments:essays"))
    assert enrollment.user.full_name in queue.content.decode()
    essay = attempt.answers.get(question__kind="essay")
    bad = client.post(
        reverse("assessments:essay_grade", args=[essay.pk]), {"points": "5"}
    )
    assert "Nilai harus antara 0 dan 1" in bad.content.decode()
    client.post(
        reverse("assessments:essay_grade", args=[essay.pk]),
        {"points": "0,5", "feedback": "Sebutkan juga pengesahan laporan."},
    )
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.GRADED
    assert attempt.score == 75
    essay.refresh_from_db()
    assert essay.grader == instructor


def test_another_balais_instructor_sees_no_essays_gradebook_or_admin_quiz(
    client, course, enrollment
):
    quiz = quiz_with_questions(course=course, kinds=["essay"])
    attempt = _take(quiz, enrollment)
    cohort = CohortFactory(course=course)
    stranger = InstructorFactory()
    client.force_login(stranger)
    essay = attempt.answers.get()
    assert (
        client.get(reverse("assessments:essay_grade", args=[essay.pk])).status_code
        == 404
    )
    assert (
        client.get(reverse("assessments:gradebook", args=[cohort.pk])).status_code
        == 404
    )
    assert (
        client.get(reverse("assessments:analysis", args=[quiz.pk])).status_code == 404
    )
    with pytest.raises(ValidationError):
        essay_grade(answer=attempt.answers.get(), grader=stranger, points=9)


def test_the_gradebook_shows_scores_and_gain_and_exports_xlsx(
    client, course, instructor
):
    from openpyxl import load_workbook

    cohort = CohortFactory(course=course)
    pre = quiz_with_questions(
        course=course,
        kinds=["single", "truefalse"],
        purpose="pretest",
        title="Pre-test",
    )
    post = quiz_with_questions(
        course=course,
        kinds=["single", "truefalse"],
        purpose="posttest",
        title="Post-test",
    )
    enrollment = EnrollmentFactory(course=course, cohort=cohort)
    _take(pre, enrollment)
    _take(post, enrollment, right_kinds=["single"])
    client.force_login(instructor)
    page = client.get(
        reverse("assessments:gradebook", args=[cohort.pk])
    ).content.decode()
    assert enrollment.user.full_name in page
    assert re.search(r"gain ternormalisasi angkatan 0[.,]5", page)
    response = client.get(reverse("assessments:gradebook_xlsx", args=[cohort.pk]))
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][0].startswith("Data per ")  # a report-ready sheet: stamp, header
    rows = rows[[r[0] for r in rows].index("Nama") :]
    assert rows[0][3:] == ("Pre-test", "Post-test", "Gain ternormalisasi")
    assert sheet["C5"].number_format == "0.0%"  # progress as a percentage cell
    assert rows[1][0] == enrollment.user.full_name
    assert rows[1][3:] == (0.0, 50.0, 0.5)


def test_normalised_gain_per_participant_and_per_cohort():
    assert normalised_gain(pre=40, post=70) == 0.5
    assert normalised_gain(pre=None, post=70) is None
    gain = cohort_gain(pairs=[(40, 70), (20, 60), (None, 90)])
    assert gain["count"] == 2
    assert gain["class_gain"] == round((65 - 30) / 70, 3)
    assert gain["average_gain"] == 0.5


def test_item_analysis_gives_difficulty_and_discrimination(course):
    quiz = quiz_with_questions(course=course, kinds=["single", "truefalse"])
    strong = [EnrollmentFactory(course=course) for _ in range(4)]
    weak = [EnrollmentFactory(course=course) for _ in range(4)]
    for enrollment in strong:
        _take(quiz, enrollment, right_kinds=["single", "truefalse"])
    for enrollment in weak:
        _take(quiz, enrollment, right_kinds=["truefalse"])
    rows = {row["question"].kind: row for row in item_analysis(quiz=quiz)}
    assert rows["single"]["difficulty"] == 0.5
    assert rows["single"]["discrimination"] == 1.0
    assert rows["truefalse"]["difficulty"] == 1.0
    assert rows["truefalse"]["discrimination"] == 0.0


def test_the_admin_lists_only_the_instructors_own_quizzes(client, course, instructor):
    mine = quiz_with_questions(course=course, kinds=["single"], title="Kuis milik saya")
    other = quiz_with_questions(
        course=CohortFactory().course, kinds=["single"], title="Kuis balai lain"
    )
    from django.contrib.auth.models import Permission

    user = InstructorFactory(balai=course.balai)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="assessments", codename__endswith="_quiz"
        ),
    )
    client.force_login(user)
    listing = client.get("/admin/snippets/assessments/quiz/").content.decode()
    assert "Kuis milik saya" in listing
    assert "Kuis balai lain" not in listing
    edit = client.get(f"/admin/snippets/assessments/quiz/edit/{other.pk}/")
    assert edit.status_code == 404
    assert (
        client.get(f"/admin/snippets/assessments/quiz/edit/{mine.pk}/").status_code
        == 200
    )


def test_the_gradebook_has_a_column_per_h5p_activity_of_the_course(
    client, course, instructor
):
    from openpyxl import load_workbook

    from django.contrib.contenttypes.models import ContentType

    from content.factories import H5PActivityFactory
    from content.models import H5PResult
    from courses.models import LessonActivity, LessonPage

    cohort = CohortFactory(course=course)
    simulation = H5PActivityFactory(title="Simulasi pembagian SHU")
    H5PActivityFactory(title="Aktivitas di luar kursus")
    lesson = LessonPage.objects.descendant_of(course).order_by("path").first()
    LessonActivity.objects.create(
        lesson=lesson,
        content_type=ContentType.objects.get_for_model(simulation),
        object_id=simulation.pk,
    )
    played = EnrollmentFactory(course=course, cohort=cohort, user__full_name="Ani")
    EnrollmentFactory(course=course, cohort=cohort, user__full_name="Budi")
    H5PResult.objects.create(
        enrollment=played,
        activity=simulation,
        attempts=2,
        best_scaled=0.85,
        last_scaled=0.6,
        completed=True,
    )
    client.force_login(instructor)
    page = client.get(
        reverse("assessments:gradebook", args=[cohort.pk])
    ).content.decode()
    assert "Simulasi pembagian SHU" in page
    assert "Aktivitas di luar kursus" not in page
    assert '<td class="num">85</td>' in page  # best score (the course's policy)
    response = client.get(reverse("assessments:gradebook_xlsx", args=[cohort.pk]))
    rows = list(load_workbook(BytesIO(response.content)).active.values)
    rows = rows[[r[0] for r in rows].index("Nama") :]
    assert rows[0][3:] == ("Simulasi pembagian SHU (H5P)", "Gain ternormalisasi")
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Ani"][3] == 85.0
    assert by_name["Budi"][3] is None


def test_the_gradebook_export_never_writes_a_name_as_a_formula(
    client, course, instructor
):
    """Issue 12: a participant named like a formula stays text in the workbook."""
    from openpyxl import load_workbook

    cohort = CohortFactory(course=course)
    enrollment = EnrollmentFactory(course=course, cohort=cohort)
    enrollment.user.full_name = '=HYPERLINK("http://x","klik")'
    enrollment.user.save(update_fields=["full_name"])
    client.force_login(instructor)
    response = client.get(reverse("assessments:gradebook_xlsx", args=[cohort.pk]))
    cells = [
        c
        for row in load_workbook(BytesIO(response.content)).active.iter_rows()
        for c in row
    ]
    name = next(c for c in cells if "HYPERLINK" in str(c.value))
    assert name.data_type == "s" and name.value.startswith("'=")
