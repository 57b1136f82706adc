from django.core.management.base import BaseCommand

from certificates.services import certificates_pending_resume


class Command(BaseCommand):
    help = (
        "Enqueue the issue task again for certificates still PENDING after 30 "
        "minutes (their task ran out of retries). Safe to run at any time."
    )

    def handle(self, *args, **options):
        count = certificates_pending_resume()
        self.stdout.write(f"{count} sertifikat dijadwalkan ulang.")
