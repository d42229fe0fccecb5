import datetime
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from cdfmc.national.generate import NotEmpty, analyze, flush_data, generate, refusal


class Command(BaseCommand):
    help = (
        "Generate a synthetic national data set (same seed, same data) into an empty "
        "database: 76 provinces, ~75,000 villages, ~2,000 centres, ~100,000 households and "
        "~300,000 contracts at --scale 1. Local use only (needs DEBUG=1): its logins share "
        "the demo password."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=0.1, help="1 = the whole country")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--as-of",
            type=datetime.date.fromisoformat,
            help="the data set's last day, YYYY-MM-DD (default 2026-09-30, the end of FY2569)",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="first delete ALL data but the reference data (geography), then generate",
        )
        parser.add_argument(
            "--no-history", action="store_true", help="write no '+' history rows (faster)"
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "generate_national refuses to run with DEBUG off: its logins share the demo "
                "password and must never reach production."
            )
        if not 0 < options["scale"] <= 2:
            raise CommandError("--scale must be above 0 and at most 2")
        problem = refusal()
        if problem and not options["force"]:
            raise CommandError(
                f"{problem}. generate_national writes only into an empty database "
                "(migrate + load_reference); --force deletes all of it first."
            )
        started = time.perf_counter()
        if problem:
            flush_data(self.stdout)
        try:
            result = generate(
                scale=options["scale"],
                seed=options["seed"],
                as_of=options["as_of"],
                stdout=self.stdout,
                history=not options["no_history"],
            )
        except NotEmpty as exc:
            raise CommandError(str(exc)) from None
        analyze()
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"generated {result} in {seconds:.0f} s on {connection.vendor} "
                f"(flush, rows, commit, ANALYZE): "
                + ", ".join(f"{label} {n:,}" for label, n in result.counts.items())
            )
        )
