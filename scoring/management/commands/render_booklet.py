import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cdfmc.thaitime import current_fiscal_year
from centres.models import Centre
from scoring.booklet import booklet_pdf


class Command(BaseCommand):
    help = "Render a centre's booklet (แบบฟอร์มรูปเล่ม) as an A4 PDF."

    def add_arguments(self, parser):
        parser.add_argument("--centre", type=int, required=True, help="centre id")
        parser.add_argument("--fy", type=int, help="fiscal year in BE, e.g. 2568")
        parser.add_argument("--out", help="output file (default: booklet-<centre>-<fy>.pdf)")

    def handle(self, *args, **options):
        centre = Centre.objects.with_location().filter(pk=options["centre"]).first()
        if centre is None:
            raise CommandError(f"no centre with id {options['centre']}")
        fy = options["fy"] or current_fiscal_year()
        started = time.perf_counter()
        content = booklet_pdf(centre, fy)
        out = Path(options["out"] or f"booklet-{centre.pk}-{fy}.pdf")
        out.write_bytes(content)
        seconds = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"{centre.name} → {out} ({seconds:.2f} s)"))
