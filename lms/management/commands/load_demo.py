"""Load the demo (idempotent): people, courses with their quizzes and H5P
activities, the certificate template, a blended cohort, and the Dinas counters.

The orchestration lives here, at the top: each app loads its own part of the demo
data read once by `courses.demo.demo_data_read` (`lms/data/demo/`), lower layers
first, so no app imports a layer above it.
"""

from django.core.management.base import BaseCommand

from assessments.demo import demo_assessments_load
from certificates.demo import demo_certificate_templates_load
from content.demo import demo_activities, demo_h5p_load
from courses.blended.demo import demo_cohorts_load
from courses.demo import demo_courses_load, demo_data_read
from lms.demo import demo_people_load
from lms.dinas.reconcile import counters_rebuild


class Command(BaseCommand):
    help = "Load demo people and courses (idempotent). Needs the regions loaded."

    def handle(self, *args, **options):
        data = demo_data_read()
        logins = demo_people_load()
        courses = demo_courses_load(data)
        for course, spec in zip(courses, data.courses, strict=True):
            demo_assessments_load(course=course, spec=spec)
        demo_h5p_load(demo_activities(data))
        demo_certificate_templates_load()
        demo_cohorts_load(data.cohorts)  # after the quizzes: completion reads them
        counters_rebuild()  # demo people are written directly: count them for Dinas
        self.stdout.write(self.style.SUCCESS("Data demo siap."))
        self.stdout.write("\nAkun demo (login dengan email atau nomor HP):")
        for role, login, password in logins:
            self.stdout.write(f"  {role:28} {login:45} sandi: {password}")
