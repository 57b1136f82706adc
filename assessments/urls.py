from django.urls import path

from . import instructor_views, views

app_name = "assessments"

urlpatterns = [
    path("kuis/<int:quiz_id>/", views.quiz_detail, name="quiz"),
    path("kuis/<int:quiz_id>/mulai/", views.quiz_start, name="start"),
    path("percobaan/<int:attempt_id>/", views.attempt_take, name="attempt"),
    path("percobaan/<int:attempt_id>/simpan/", views.attempt_save, name="save"),
    path(
        "percobaan/<int:attempt_id>/jawaban/",
        views.answer_save_view,
        name="answer_save",
    ),
    path("percobaan/<int:attempt_id>/kirim/", views.attempt_submit_view, name="submit"),
    path("percobaan/<int:attempt_id>/hasil/", views.attempt_result_view, name="result"),
    # Instructors
    path("nilai/", instructor_views.cohort_list, name="cohorts"),
    path(
        "nilai/angkatan/<int:cohort_id>/",
        instructor_views.gradebook_view,
        name="gradebook",
    ),
    path(
        "nilai/angkatan/<int:cohort_id>/unduh.xlsx",
        instructor_views.gradebook_xlsx,
        name="gradebook_xlsx",
    ),
    path("nilai/esai/", instructor_views.essay_queue_view, name="essays"),
    path(
        "nilai/esai/<int:answer_id>/",
        instructor_views.essay_grade_view,
        name="essay_grade",
    ),
    path(
        "nilai/kuis/<int:quiz_id>/analisis/",
        instructor_views.item_analysis_view,
        name="analysis",
    ),
]
