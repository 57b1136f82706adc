import time

from django.core.management.base import BaseCommand

from lms.services import wilayah_load


class Command(BaseCommand):
    help = "Load or update the Kemendagri region hierarchy (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--province", default="", help="Only this province code, e.g. 63."
        )

    def handle(self, *args, province: str, **options):
        started = time.perf_counter()
        counts = wilayah_load(province_code=province)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Wilayah: {counts.provinces} provinsi, {counts.regencies} kabupaten/kota, "
            f"{counts.districts} kecamatan, {counts.villages} desa/kelurahan "
            f"({elapsed:.1f} s)"
        )
