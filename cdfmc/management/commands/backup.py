from django.core.management.base import BaseCommand, CommandError

from cdfmc.backups import BackupError, backup, read_manifest


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into a new folder (default var/backups/)."

    def add_arguments(self, parser):
        parser.add_argument("--dir", default="var/backups", help="where backup folders go")

    def handle(self, *args, **options):
        try:
            folder = backup(options["dir"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        manifest = read_manifest(folder)
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            self.style.SUCCESS(f"{folder}: {rows:,} rows, {manifest['media_files']:,} files")
        )
