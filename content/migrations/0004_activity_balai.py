"""H5P activities belong to a Balai (`lms.admin_scoping`).

An existing activity takes the Balai of the course of a lesson that places it
(`courses.LessonActivity`, the published lessons' mirror of their H5P blocks);
one no lesson places keeps none, and administrators alone see it until one of
them gives it a Balai.
"""

import django.db.models.deletion
from django.db import migrations, models

STEPLEN = 4  # Wagtail's tree path: four characters a level


def activities_take_their_courses_balai(apps, schema_editor):
    H5PActivity = apps.get_model("content", "H5PActivity")
    LessonActivity = apps.get_model("courses", "LessonActivity")
    CoursePage = apps.get_model("courses", "CoursePage")
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(
        app_label="content", model="h5pactivity"
    ).first()
    if content_type is None:
        return
    links = LessonActivity.objects.filter(content_type=content_type).order_by("pk")
    lesson_paths = dict(
        Page.objects.filter(
            pk__in=links.values("lesson_id")
        ).values_list("pk", "path")
    )
    course_balais = dict(CoursePage.objects.values_list("path", "balai_id"))
    balai_of: dict[int, int] = {}
    for activity_id, lesson_id in links.values_list("object_id", "lesson_id"):
        path = lesson_paths.get(lesson_id, "")
        for end in range(STEPLEN, len(path), STEPLEN):
            balai_id = course_balais.get(path[:end])
            if balai_id is not None:
                # The first lesson placing it decides (one Balai an activity).
                balai_of.setdefault(activity_id, balai_id)
                break
    for activity in H5PActivity.objects.filter(pk__in=balai_of, balai__isnull=True):
        activity.balai_id = balai_of[activity.pk]
        activity.save(update_fields=["balai"])


class Migration(migrations.Migration):

    dependencies = [
        ("content", "0003_activity_notes"),
        ("courses", "0004_worked_example_editor"),
        ("lms", "0003_personal_data_access"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="h5pactivity",
            name="balai",
            field=models.ForeignKey(
                help_text="Hanya instruktur balai ini yang melihat dan memakai aktivitas ini.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="h5p_activities",
                to="lms.balai",
                verbose_name="balai pelatihan",
            ),
        ),
        migrations.RunPython(
            activities_take_their_courses_balai, migrations.RunPython.noop
        ),
    ]
