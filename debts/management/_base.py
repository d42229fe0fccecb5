"""The shared shape of the two import commands."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from centres.models import Centre
from debts.imports import ImportFileError


class ImportCommand(BaseCommand):
    run = None  # imports.import_debtors or imports.import_balances

    def add_arguments(self, parser):
        parser.add_argument("file", help=".xlsx or .csv file with the Thai headers of the template")
        parser.add_argument("--centre", required=True, type=int, help="centre id")
        parser.add_argument("--dry-run", action="store_true", help="check only, write nothing")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.exists():
            raise CommandError(f"ไม่พบไฟล์ {path}")
        centre = Centre.objects.filter(pk=options["centre"]).first()
        if centre is None:
            raise CommandError(f"ไม่พบศูนย์ id {options['centre']}")
        try:
            result = type(self).run(
                centre=centre,
                data=path.read_bytes(),
                filename=path.name,
                dry_run=options["dry_run"],
            )
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(result.summary() + "\n" + "\n".join(map(str, result.errors)))
        self.stdout.write(self.style.SUCCESS(result.summary()))
