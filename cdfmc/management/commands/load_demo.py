from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cdfmc.demo import DEMO_PASSWORD, DEMO_USERS, load_demo


class Command(BaseCommand):
    help = "Load the demo data set and one login per role (local use only; needs DEBUG=1)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "load_demo refuses to run with DEBUG off: demo logins must never reach production."
            )
        load_demo(self.stdout)
        names = ", ".join(u[0] for u in DEMO_USERS)
        self.stdout.write(self.style.SUCCESS(f"demo logins ({DEMO_PASSWORD}): {names}"))
