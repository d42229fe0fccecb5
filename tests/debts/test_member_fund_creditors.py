"""A member fund is a creditor from the moment it is recorded; deleting it is refused while
households owe it."""

import pytest
from django.urls import reverse

from centres.models import MemberFund
from debts.models import Creditor
from tests.debts.factories import make_contract, make_household
from tests.factories import make_centre, make_member_fund
from tests.personas import make_persona

pytestmark = pytest.mark.django_db


def test_recording_a_fund_makes_its_creditor():
    fund = make_member_fund(centre=make_centre(), name="กลุ่มออมทรัพย์บ้านทดสอบ")
    creditor = Creditor.objects.get(member_fund=fund)
    assert (creditor.name, creditor.centre_id) == (fund.name, fund.centre_id)


def test_pages_that_list_creditors_only_read(client):
    centre = make_centre()
    make_member_fund(centre=centre)
    client.force_login(make_persona("faiwrai"))
    before = Creditor.objects.count()
    client.get(reverse("debts:creditors", kwargs={"centre_pk": centre.pk}))
    assert Creditor.objects.count() == before


def test_a_fund_nobody_owes_is_deleted_with_its_creditor(client):
    centre = make_centre()
    fund = make_member_fund(centre=centre)
    client.force_login(make_persona("faiwrai"))
    client.post(reverse("centres:fund_delete", args=[centre.pk, fund.pk]))
    assert not MemberFund.objects.filter(pk=fund.pk).exists()
    assert not Creditor.objects.filter(centre=centre).exists()


def test_a_fund_households_owe_cannot_be_deleted(client):
    centre = make_centre()
    fund = make_member_fund(centre=centre, name="กองทุนหมู่บ้านทดสอบ")
    make_contract(household=make_household(centre=centre), creditor=fund.creditor)
    client.force_login(make_persona("faiwrai"))
    response = client.post(reverse("centres:fund_delete", args=[centre.pk, fund.pk]), follow=True)
    assert MemberFund.objects.filter(pk=fund.pk).exists()
    assert "ลบ “กองทุนหมู่บ้านทดสอบ” ไม่ได้" in response.text
