"""The results report: Ban Sakae Khrua (seed 003) through the real xlsx, and query bounds."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from cdfmc.geo.models import Subdistrict
from debts import services
from debts.models import DebtorClass, RestructuringForm
from debts.outcomes import centre_outcomes, outcomes_by_centre
from tests.debts.factories import make_creditor, make_debtor
from tests.factories import make_centre, make_village

JOINED = datetime.date(2024, 11, 1)  # FY2568
LATER = datetime.date(2025, 6, 30)


def sheet_rows(content: bytes, sheet=0):
    ws = load_workbook(io.BytesIO(content)).worksheets[sheet]
    return [list(r) for r in ws.iter_rows(values_only=True)]


def build_centre(centre, *, households, reduced, free, restructured=0):
    fund = make_creditor(centre=centre)
    made = [
        make_debtor(centre=centre, creditor=fund, amounts=(10000,), debtor_class=DebtorClass.NORMAL)
        for _ in range(households)
    ]
    services.targets_select(centre=centre, households=made, on_date=JOINED)
    for index, household in enumerate(made):
        contract = household.contracts.get()
        if index < restructured:
            services.restructuring_amend(
                household=household,
                contracts=[contract],
                form=RestructuringForm.EXTEND,
                decided_on=JOINED,
                term_months=60,
            )
        if index < reduced:
            amount = Decimal("6000")
        elif index < reduced + free:
            amount = Decimal("0")
        else:
            continue
        services.balance_record(contract=contract, as_of=LATER, outstanding=amount)
    return made


@pytest.fixture
def sakae_khrua(db):
    subdistrict = Subdistrict.objects.get(name_th="วังประจบ", district__province__name_th="ตาก")
    village = make_village(subdistrict=subdistrict.code, number=3, name="บ้านสะแกเครือ")
    centre = make_centre(village=village, name="ศูนย์จัดการกองทุนชุมชนบ้านสะแกเครือ")
    build_centre(centre, households=48, reduced=44, free=4, restructured=48)
    return centre


def test_ban_sakae_khrua_outcomes(sakae_khrua):
    o = centre_outcomes(sakae_khrua)
    assert (o.target_households, o.reduced, o.debt_free) == (48, 44, 4)
    assert o.reduced_rate == Decimal("100.0")
    assert o.debt_free_rate == Decimal("8.3")
    assert o.restructured_rate == Decimal("100.0")
    assert o.baseline_total == Decimal("480000")
    assert o.current_total == Decimal("264000")


def test_ban_sakae_khrua_in_the_exported_xlsx(sakae_khrua, tmp_path):
    out = tmp_path / "results.xlsx"
    call_command("export_report", "debt-results", province="ตาก", fy="2568", out=str(out))
    rows = sheet_rows(out.read_bytes())
    assert rows[0][0] == "ผลการบริหารจัดการหนี้ของศูนย์จัดการกองทุนชุมชน"
    assert "จังหวัดตาก" in rows[1][0] and "2568" in rows[1][0]
    header = rows[2]
    row = next(r for r in rows if r[1] == "ศูนย์จัดการกองทุนชุมชนบ้านสะแกเครือ")
    figures = dict(zip(header, row, strict=False))
    assert figures["ครัวเรือนเป้าหมาย"] == 48
    assert figures["ลดหนี้"] == 44
    assert figures["ปลดหนี้"] == 4
    assert figures["ร้อยละลดหนี้ (รวมปลดหนี้)"] == pytest.approx(100)
    assert figures["ร้อยละปลดหนี้"] == pytest.approx(8.3)
    assert figures["ลูกหนี้ปกติ"] == 48


def test_households_joining_after_the_fiscal_year_are_left_out(sakae_khrua):
    assert outcomes_by_centre([sakae_khrua.pk], fy=2567)[sakae_khrua.pk].target_households == 0


def test_the_results_screen_shows_the_chart(client, persona, sakae_khrua):
    client.force_login(persona("headoffice"))
    response = client.get(reverse("debts:results"), {"centre": sakae_khrua.pk})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="results-chart"' in body
    assert "8.3%" in body


def test_the_district_officer_sees_only_their_district(client, persona, db):
    mine = make_centre(name="ศูนย์ของเฝ้าไร่")
    other = make_centre(subdistrict="430502", name="ศูนย์ของโพนพิสัย")
    build_centre(mine, households=2, reduced=1, free=1)
    build_centre(other, households=2, reduced=1, free=1)
    client.force_login(persona("faiwrai"))
    rows = sheet_rows(client.get(reverse("debts:results_xlsx")).content)
    names = [r[1] for r in rows]
    assert "ศูนย์ของเฝ้าไร่" in names and "ศูนย์ของโพนพิสัย" not in names


@pytest.mark.parametrize("size", [(1, 3), (4, 12)])
def test_results_export_runs_a_bounded_number_of_queries(
    client, persona, db, django_assert_max_num_queries, size
):
    centres, households = size
    for _ in range(centres):
        build_centre(make_centre(), households=households, reduced=1, free=1, restructured=1)
    client.force_login(persona("nongkhai"))
    with django_assert_max_num_queries(10):
        response = client.get(reverse("debts:results_xlsx"), {"province": "43"})
    assert response.status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(reverse("debts:results"), {"province": "43"}).status_code == 200


def test_outcomes_by_centre_is_one_query(db, django_assert_num_queries):
    centres = [make_centre() for _ in range(3)]
    for centre in centres:
        build_centre(centre, households=3, reduced=1, free=1)
    with django_assert_num_queries(1):
        result = outcomes_by_centre([c.pk for c in centres])
    assert all(o.target_households == 3 for o in result.values())


def test_the_fiscal_year_may_be_typed_in_thai_digits(client, persona, sakae_khrua):
    client.force_login(persona("headoffice"))
    response = client.get(reverse("debts:results"), {"centre": sakae_khrua.pk, "fy": "๒๕๖๗"})
    assert response.status_code == 200
    assert response.context["report"].params["fy"] == 2567
    # A browser refuses Thai digits in <input type="number">: the box must be a text box.
    assert 'type="number" name="fy"' not in response.content.decode()
    assert 'type="text" name="fy"' in response.content.decode()
