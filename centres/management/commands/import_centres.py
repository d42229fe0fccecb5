from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from centres.registers import (
    ERROR,
    RegisterFileError,
    parse_register,
    plan_import,
    read_xlsx,
    register_import,
)


class Command(BaseCommand):
    help = (
        "Import a provincial centre register (xlsx, the layout of export_report "
        "centre-register): shows the preview, then applies all rows or none."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="register sheet (.xlsx)")
        parser.add_argument(
            "--dry-run", action="store_true", help="show the preview only, write nothing"
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"ไม่พบไฟล์ {path}")
        try:
            rows = parse_register(read_xlsx(path))
        except RegisterFileError as exc:
            raise CommandError(str(exc)) from None
        # The command line is trusted with the whole country, as export_report is.
        plan = plan_import(rows)
        self.print_plan(plan)
        if plan.errors:
            raise CommandError(f"นำเข้าไม่ได้: {len(plan.errors)} แถวมีข้อผิดพลาด ไม่ได้บันทึกข้อมูลใด ๆ")
        if options["dry_run"]:
            self.stdout.write("--dry-run: ไม่ได้บันทึกข้อมูล")
            return
        try:
            register_import(rows=rows)
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"บันทึกแล้ว: เปลี่ยนแปลง {plan.changes} ศูนย์"))

    def print_plan(self, plan):
        for row in plan.rows:
            line = f"แถว {row.row.line}: {row.row.name} — {row.action_label}"
            if row.action == ERROR:
                self.stderr.write(f"{line}: {row.error}")
                continue
            details = [f"แก้ชื่อ {note}" for note in row.notes]
            if row.creates_village:
                details.append(f"สร้างหมู่บ้าน {row.village_name} หมู่ที่ {row.number}")
            details += [str(change) for change in row.changes]
            self.stdout.write(line + (f" ({'; '.join(details)})" if details else ""))
        s = plan.summary
        self.stdout.write(
            f"ทั้งหมด {s['rows']} แถว: ใหม่ {s['new']} แก้ไข {s['changed']} "
            f"ไม่เปลี่ยนแปลง {s['unchanged']} ผิดพลาด {s['error']} หมู่บ้านใหม่ {s['new_villages']}"
        )
