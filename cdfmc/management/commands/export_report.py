from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cdfmc.exports.registry import get_report, load_reports
from cdfmc.exports.xlsx import write_xlsx


class Command(BaseCommand):
    help = "Export a report as xlsx, e.g. export_report centre-register --province หนองคาย"

    def add_arguments(self, parser):
        parser.add_argument("report", help="report id: " + ", ".join(sorted(load_reports())))
        parser.add_argument("--province", help="province code or Thai name")
        parser.add_argument("--district", help="district code")
        parser.add_argument("--centre", help="centre id")
        parser.add_argument("--fy", help="fiscal year in BE, e.g. 2568")
        parser.add_argument("--order", help="row order where the report offers one")
        parser.add_argument("--out", help="output file (default: <report>.xlsx)")

    def handle(self, *args, **options):
        report_class = get_report(options["report"])
        if report_class is None:
            raise CommandError(
                f"unknown report {options['report']!r}; known: {', '.join(sorted(load_reports()))}"
            )
        data = {
            k: options[k] for k in ("province", "district", "centre", "fy", "order") if options[k]
        }
        form = report_class.form_class(data=data)
        if not form.is_valid():
            raise CommandError(form.errors.as_text())
        report = report_class(user=None, **form.cleaned_data)
        out = Path(options["out"] or report.filename())
        out.write_bytes(write_xlsx(report.tables()))
        self.stdout.write(self.style.SUCCESS(f"{report_class.identifier} → {out}"))
