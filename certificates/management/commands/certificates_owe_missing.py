from django.core.management.base import BaseCommand

from certificates.services.issuing import certificates_owe_missing


class Command(BaseCommand):
    help = (
        "Owe the certificate of every completed enrolment that has none issued "
        "(completions recorded before their certificate was owed with them, or "
        "outside the services). Work already owed is not owed twice; the outbox "
        "sends it. Safe to run at any time."
    )

    def handle(self, *args, **options):
        count = certificates_owe_missing()
        self.stdout.write(f"{count} sertifikat yang belum terbit dijadwalkan.")
