from django.core.management.base import BaseCommand, CommandError

from cdfmc.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup folder into the configured database (or --database-url) and "
        "MEDIA_ROOT. A database or media folder that holds data is replaced only with --replace."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a folder written by `manage.py backup`")
        parser.add_argument("--database-url", help="restore into this database instead")
        parser.add_argument("--media-root", help="restore the files here instead of MEDIA_ROOT")
        parser.add_argument("--replace", action="store_true", help="overwrite existing data")

    def handle(self, *args, **options):
        try:
            manifest = restore(
                options["folder"],
                database_url=options["database_url"],
                media_root=options["media_root"],
                replace=options["replace"],
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"restored the backup of {manifest['created']} ({manifest['media_files']:,} files)"
            )
        )
