from django.core.management.base import BaseCommand

from certificates.demo import demo_certificate_templates_load
from courses.demo import demo_courses_load
from lms.demo import demo_people_load
from lms.dinas.reconcile import counters_rebuild


class Command(BaseCommand):
    help = "Load demo people and courses (idempotent). Needs the regions loaded."

    def handle(self, *args, **options):
        logins = demo_people_load()
        demo_courses_load()
        demo_certificate_templates_load()
        counters_rebuild()  # demo people are written directly: count them for Dinas
        self.stdout.write(self.style.SUCCESS("Data demo siap."))
        self.stdout.write("\nAkun demo (login dengan email atau nomor HP):")
        for role, login, password in logins:
            self.stdout.write(f"  {role:28} {login:45} sandi: {password}")
