"""Generate a synthetic national programme (villages, cooperatives, participants,
enrolments, lesson progress, certificates, counters) for the benchmarks."""

import time

from django.core.management.base import BaseCommand, CommandError

from lms.services import wilayah_load


class Command(BaseCommand):
    help = "Generate a synthetic national Dinas programme (use a scratch database)."

    def add_arguments(self, parser):
        parser.add_argument("--cooperatives", type=int, default=80_000)
        parser.add_argument("--province", default="", help="Only this province.")
        parser.add_argument("--courses", type=int, default=4)
        parser.add_argument("--lessons", type=int, default=8)
        parser.add_argument(
            "--certificates",
            action="store_true",
            help="Only add certificate rows to an already generated programme "
            "(no PDFs), then rebuild every counter.",
        )

    def handle(self, *args, **options):
        from lms.dinas.reconcile import counters_rebuild
        from lms.dinas.synthetic import (
            synthetic_certificates_generate,
            synthetic_programme_generate,
        )

        started = time.perf_counter()
        if options["certificates"]:
            made = synthetic_certificates_generate()
            sizes = counters_rebuild()
            seconds = time.perf_counter() - started
            self.stdout.write(
                f"{made} certificates, counters {sizes} in {seconds:.0f} s"
            )
            return
        regions = wilayah_load(province_code=options["province"])
        self.stdout.write(f"Regions: {regions} ({time.perf_counter() - started:.0f} s)")
        try:
            counts = synthetic_programme_generate(
                cooperatives=options["cooperatives"],
                province=options["province"],
                courses=options["courses"],
                lessons=options["lessons"],
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{counts} in {time.perf_counter() - started:.0f} s")
