"""An index on Wagtail's page URL paths: the course tree's pages are found by
their URL path in one query (`courses.routing`), which without it reads every
page of the site (cheap for a demo, not for a province's courses)."""

from django.db import migrations

INDEX = "courses_page_url_path_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0004_worked_example_editor"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (url_path)",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
