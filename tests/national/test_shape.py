"""The shape of a generated set (scale 0.002) and its validity as the models define it."""

import datetime

import pytest
from django.apps import apps
from django.db.models import Count, F, Max, Min

from cdfmc.accounts.models import User
from cdfmc.geo.models import Village
from cdfmc.national.plan import month_ends
from centres.models import Centre, Meeting, MeetingKind
from debts import rules
from debts.models import (
    BalanceUpdate,
    Contract,
    ContractStatus,
    Household,
    Person,
    Restructuring,
)
from debts.rules import citizen_id_is_valid
from newcentres.models import Nomination, Round
from scoring.models import Proposal, SelectionRound
from tests.national.conftest import GENERATED, SCALE


def test_it_has_the_sizes_of_its_scale(generated):
    assert Household.objects.count() == pytest.approx(100_000 * SCALE, rel=0.3)
    assert Centre.objects.count() == round(2000 * SCALE)
    provinces = Village.objects.values("subdistrict__district__province").distinct().count()
    assert provinces == 76  # every province but Bangkok
    assert not Village.objects.filter(subdistrict__district__province="10").exists()
    assert generated.counts["debts.Contract"] == Contract.objects.count()


def test_households_have_one_to_five_contracts(generated):
    per_household = Household.objects.annotate(n=Count("contracts")).aggregate(
        low=Min("n"), high=Max("n")
    )
    assert per_household == {"low": 1, "high": 5}


def test_citizen_ids_are_valid(generated):
    ids = list(Person.objects.values_list("citizen_id", flat=True))
    assert ids and all(citizen_id_is_valid(i) for i in ids)


def test_places_agree(generated):
    """A centre's district is its village's; households live in the centre's district;
    a proposal is its centre's district's; an officer sees the centres of their district."""
    centre_district = "centre__village__subdistrict__district"
    assert not Household.objects.exclude(village__subdistrict__district=F(centre_district))
    assert not Proposal.objects.exclude(district=F("centre__village__subdistrict__district"))
    for centre in Centre.objects.select_related("village"):
        officer = User.objects.get(username=f"d{centre.village.district_code}")
        assert officer.district_id == centre.village.subdistrict_id[:4]
        assert Centre.objects.visible_to(officer).filter(pk=centre.pk).exists()


def test_balances_are_monthly_and_contracts_carry_the_last(generated):
    window = set(month_ends(datetime.date(2024, 10, 1), datetime.date(2026, 9, 30)))
    assert set(BalanceUpdate.objects.values_list("as_of", flat=True).distinct()) <= window
    for contract in Contract.objects.filter(status=ContractStatus.OPEN)[:100]:
        latest = contract.balances.order_by("-as_of").first()
        assert latest.outstanding == contract.outstanding
        assert contract.overdue_amount <= contract.outstanding
    assert not Contract.objects.filter(overdue_amount__gt=F("outstanding"))


def test_targets_and_restructurings_hold_together(generated):
    targets = Household.objects.filter(is_target=True)
    assert targets and not targets.filter(baseline_total__isnull=True)
    for restructuring in Restructuring.objects.select_related("meeting", "household"):
        assert restructuring.meeting.centre_id == restructuring.household.centre_id
        assert restructuring.meeting.kind == MeetingKind.COMMITTEE
        assert restructuring.decided_on == restructuring.meeting.held_on
        assert restructuring.decided_on > restructuring.household.target_since
    for contract in Contract.objects.filter(status=ContractStatus.SUPERSEDED):
        assert contract.closed_by.household_id == contract.household_id


def test_rounds_quotas_and_nominations(generated):
    assert list(Round.objects.values_list("fiscal_year", flat=True)) == [2570, 2569]
    assert {r.quotas.count() for r in Round.objects.all()} == {76}
    assert sum(Round.objects.get(fiscal_year=2570).quotas.values_list("quota", flat=True)) == 300
    established = Nomination.objects.filter(centre__isnull=False)
    assert not established.exclude(screening__village=F("centre__village"))
    assert SelectionRound.objects.filter(fiscal_year=2569).exists()


def test_generated_rows_pass_the_models_own_validation(generated):
    """full_clean on rows of every family: validators (citizen IDs, phones), choices,
    model clean() rules (one chair, households in the centre's district)."""
    for label in GENERATED:
        model = apps.get_model(label)
        for row in model.objects.order_by("pk")[:25]:
            row.full_clean(exclude=["password", *_left_empty_by_services(model, row)])


def _left_empty_by_services(model, row) -> list[str]:
    """Fields that may be NULL but not blank in a form (a nomination's decided_by): the
    app's own services leave them empty too."""
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.null and not f.blank and getattr(row, f.attname) is None
    ]


def test_every_record_has_one_created_history_row(generated):
    centre = Centre.objects.first()
    assert [r.history_type for r in centre.history.all()] == ["+"]
    household = Household.objects.first()
    assert household.history.count() == 1
    meeting = Meeting.objects.filter(centre=centre).first()
    assert meeting.history.get().history_change_reason.startswith("ชุดข้อมูลสังเคราะห์")
    assert not BalanceUpdate.history.exists()  # balances: none (see cdfmc/national/writer.py)


def test_keys_that_save_keeps_are_filled(generated):
    """The writer does not call save(): the keys save() derives are set by the family."""
    for household in Household.objects.all()[:50]:
        assert household.house_number_sort == rules.house_number_sort_key(household.house_number)
    for person in Person.objects.all()[:50]:
        assert person.citizen_id_reversed == person.citizen_id[::-1]
