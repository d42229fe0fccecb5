from django.core.management.base import BaseCommand

from cdfmc.geo.loading import load_geography


class Command(BaseCommand):
    help = "Load provinces, districts and subdistricts (DOPA codes) and province groups."

    def handle(self, *args, **options):
        counts = load_geography()
        self.stdout.write(
            self.style.SUCCESS(
                "geography: {provinces} provinces, {districts} districts, "
                "{subdistricts} subdistricts".format(**counts)
            )
        )
