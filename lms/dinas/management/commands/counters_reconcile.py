"""Recompute every Dinas counter from scratch and report any difference."""

import time

from django.core.management.base import BaseCommand, CommandError

from lms.dinas.reconcile import counters_differences, counters_rebuild


class Command(BaseCommand):
    help = "Recompute the Dinas counters from the progress rows; report differences."

    def add_arguments(self, parser):
        parser.add_argument(
            "--fix",
            action="store_true",
            help="Rewrite the counters from the progress rows after reporting.",
        )
        parser.add_argument("--show", type=int, default=20, help="Differences shown.")

    def handle(self, *args, fix=False, show=20, **options):
        started = time.perf_counter()
        differences = counters_differences()
        seconds = time.perf_counter() - started
        for d in differences[:show]:
            self.stdout.write(
                f"{d.table} {d.key}: stored {d.stored} computed {d.computed}"
            )
        self.stdout.write(f"{len(differences)} difference(s) found in {seconds:.1f} s.")
        if fix and differences:
            sizes = counters_rebuild()
            self.stdout.write(
                "Rebuilt: " + ", ".join(f"{n} {name}" for name, n in sizes.items())
            )
        elif differences:
            raise CommandError("The counters disagree with the progress rows.")
