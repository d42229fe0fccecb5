from django.core.management.base import BaseCommand

from scoring.loading import load_rubrics


class Command(BaseCommand):
    help = "Load the reference rubrics in fixtures/rubric_*.json (idempotent)."

    def handle(self, *args, **options):
        for rubric, created in load_rubrics():
            state = "created" if created else "already there"
            self.stdout.write(f"{rubric.scope_label} {rubric.fiscal_year}: {state}")
