"""Export, import and booklet measurements, each run in a process of its own so that its
peak memory is its own: `python -m bench.files <step> ...` prints one line of JSON.

Steps
  export-project N  debtor-register rows (the 23 columns of the debtor import) built as a
                    report's tables() builds them, then `cdfmc.exports.xlsx.write_xlsx`
  export-bare N     the same rows through openpyxl's bare write-only writer
  import FILE       a debtor register: dry run, real run, the same file again (rolled back),
                    beside openpyxl's bare read-only reader on the same file
  booklet           a centre's booklet with 12 photos of a phone camera's size (rolled back)
Memory: the process's peak resident set during the step (VmHWM, reset at its start) and
its rise over the resident set when the step began.
"""

import io
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path


def _status_mb(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak() -> None:
    """Start the peak resident set (VmHWM) afresh, so that a step's peak is its own."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


class Step:
    def __init__(self, name: str, out: dict):
        self.name, self.out = name, out

    def __enter__(self):
        reset_peak()
        self.before, self.started = _status_mb("VmRSS"), time.perf_counter()
        return self

    def __exit__(self, *exc):
        peak = _status_mb("VmHWM")
        self.out[self.name] = {
            "seconds": round(time.perf_counter() - self.started, 2),
            "peak_mb": round(peak, 1),
            "rise_mb": round(peak - self.before, 1),
        }


def debtor_rows(limit: int) -> tuple[list[str], list[list]]:
    """Contracts with household, borrower, creditor and class, in the import's columns."""
    from cdfmc.thaitime import format_be_date
    from debts.imports import DEBTOR_COLUMNS
    from debts.models import Contract

    contracts = (
        Contract.objects.select_related("household__village", "borrower", "creditor")
        .order_by("household__centre", "household", "pk")
        .iterator(chunk_size=2000)
    )
    rows = []
    for contract in contracts:
        if len(rows) >= limit:
            break
        h, p = contract.household, contract.borrower
        rows.append(
            [
                h.house_number, h.village.number, p.citizen_id, p.title, p.first_name,
                p.last_name, p.citizen_id if p.is_head else "", "ใช่" if h.member_family else "",
                h.occupations, h.income_per_person, "ใช่" if h.welfare_card else "",
                contract.creditor.name, contract.creditor.get_kind_display(), contract.number,
                format_be_date(contract.start_date) if contract.start_date else "",
                contract.principal, contract.rate, contract.term_months, contract.instalment,
                contract.outstanding, contract.overdue_amount, contract.overdue_days,
                h.get_debtor_class_display(),
            ]
        )  # fmt: skip
    return [header for _key, header, _required in DEBTOR_COLUMNS], rows


def export_project(limit: int) -> dict:
    from cdfmc.exports.base import Table, header_row
    from cdfmc.exports.xlsx import write_xlsx

    out = {}
    with Step("build rows", out):
        headers, rows = debtor_rows(limit)
        table = Table(
            sheet_name="ทะเบียนลูกหนี้",
            title_lines=["ทะเบียนลูกหนี้", "ทั่วประเทศ"],
            header=[header_row(*headers)],
            rows=rows,
            widths=[14] * len(headers),
        )
    with Step("writer", out):
        content = write_xlsx([table])
    out.update(rows=len(rows), columns=len(headers), bytes=len(content))
    return out


def export_bare(limit: int) -> dict:
    from openpyxl import Workbook

    out = {}
    with Step("build rows", out):
        headers, rows = debtor_rows(limit)
    with Step("writer", out):
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("ทะเบียนลูกหนี้")
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
    out.update(rows=len(rows), columns=len(headers), bytes=len(buffer.getvalue()))
    return out


def import_file(rows: int, path: str) -> dict:
    """A register of `rows` contracts of new households for the largest centre."""
    from cdfmc.national import names
    from debts.imports import DEBTOR_COLUMNS, template_xlsx

    centre = _largest_centre()
    creditors = list(centre.creditors.values_list("name", flat=True))
    rng = random.Random(5000)  # noqa: S311 - test data
    ids = names.CitizenIds()
    lines, house = [], 900
    while len(lines) < rows:
        house += 1
        head_id = ids.next(district_code="9999", older=True)
        first, last = names.first_name(rng, female=False), names.last_name(rng)
        for n in range(rng.randint(1, 5)):
            principal = rng.randrange(5_000, 100_000, 1000)
            lines.append(
                [
                    str(house), centre.village.number, head_id, "นาย", first, last, head_id, "ใช่",
                    "ทำนา", 36000, "", rng.choice(creditors), "", f"B-{house}-{n}",
                    "15/01/2567", principal, 6, 36, round(principal / 36), principal, 0, 0,
                    "ลูกหนี้ปกติ",
                ]
            )  # fmt: skip
    Path(path).write_bytes(template_xlsx(DEBTOR_COLUMNS, lines[:rows]))
    return {"centre": centre.pk, "rows": rows}


def _largest_centre():
    from django.db.models import Count

    from centres.models import Centre

    return (
        Centre.objects.select_related("village")
        .annotate(n=Count("households"))
        .order_by("-n", "pk")
        .first()
    )


def import_run(path: str, centre_id: int) -> dict:
    from django.db import transaction
    from openpyxl import load_workbook

    from centres.models import Centre
    from debts.imports import import_debtors

    data = Path(path).read_bytes()
    centre = Centre.objects.get(pk=centre_id)
    out = {}
    with Step("bare reader", out):
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        out["rows"] = sum(1 for _ in sheet.iter_rows(values_only=True)) - 1
    with transaction.atomic():
        with Step("dry run", out):
            dry = import_debtors(centre=centre, data=data, filename="b.xlsx", dry_run=True)
        with Step("real run", out):
            real = import_debtors(centre=centre, data=data, filename="b.xlsx")
        with Step("same file again", out):
            again = import_debtors(centre=centre, data=data, filename="b.xlsx")
        transaction.set_rollback(True)
    out["summaries"] = [dry.summary(), real.summary(), again.summary()]
    return out


def booklet() -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction
    from django.test import override_settings

    from cdfmc.accounts.models import User
    from centres.indicators import INDICATOR_CODES
    from centres.services import evidence_upload
    from centres.uploads import check_upload
    from scoring.booklet import booklet_pdf
    from scoring.models import Proposal

    proposal = Proposal.objects.select_related("centre__village", "round").order_by("pk").first()
    centre, fy = proposal.centre, proposal.round.fiscal_year
    officer = User.objects.get(username=f"d{centre.village.district_code}")
    out = {"centre": centre.pk}
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        photos = [_photo(i) for i in range(12)]
        out["photos_mb"] = round(sum(len(p) for p in photos) / 1024 / 1024, 1)
        with transaction.atomic():
            for i, content in enumerate(photos):
                upload = SimpleUploadedFile(f"photo{i}.jpg", content, "image/jpeg")
                evidence_upload(
                    centre=centre, user=officer, upload=upload, checked=check_upload(upload),
                    title=f"ภาพกิจกรรม {i + 1}", indicator_codes=[INDICATOR_CODES[i]],
                    fiscal_year=fy,
                )  # fmt: skip
            with Step("render", out):
                pdf = booklet_pdf(centre, fy)
            transaction.set_rollback(True)
    out["bytes"] = len(pdf)
    return out


def _photo(seed: int) -> bytes:
    """A 12-megapixel phone photo's worth of JPEG (about 1.3 MB): smooth light and a
    little grain, so it compresses as a photo does, not as a flat colour."""
    from PIL import Image, ImageFilter

    small = Image.effect_noise((400, 300), 60 + seed).convert("RGB")
    image = small.resize((4000, 3000), Image.Resampling.BICUBIC).filter(ImageFilter.DETAIL)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=75)
    return buffer.getvalue()


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cdfmc.settings")
    import django

    django.setup()
    step = argv[0]
    if step == "export-project":
        result = export_project(int(argv[1]))
    elif step == "export-bare":
        result = export_bare(int(argv[1]))
    elif step == "import-file":
        result = import_file(int(argv[1]), argv[2])
    elif step == "import":
        result = import_run(argv[1], int(argv[2]))
    elif step == "booklet":
        result = booklet()
    else:
        raise SystemExit(f"unknown step {step}")
    print(json.dumps(result, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main(sys.argv[1:])
