from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand

# Reference data every installation needs, in order. Idempotent: safe on every start.
REFERENCE_COMMANDS = ["load_geography", "load_rubrics"]


class Command(BaseCommand):
    help = "Load all reference data (geography, province groups, rubrics)."

    def handle(self, *args, **options):
        available = get_commands()
        for name in REFERENCE_COMMANDS:
            if name in available:
                call_command(name, stdout=self.stdout)
