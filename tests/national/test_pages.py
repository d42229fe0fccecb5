"""The main pages render on a generated set, for each role."""

import pytest

from cdfmc.accounts.models import Role, User
from debts.models import Household
from scoring.models import Proposal


def pages(centre, household, contract, selection_round):
    return [
        "/",
        "/centres/",
        f"/centres/{centre.pk}/",
        "/centres/register/",
        "/debts/households/",
        f"/debts/households/{household.pk}/",
        f"/debts/households/{household.pk}/history/",
        "/debts/contracts/",
        f"/debts/contracts/{contract.pk}/",
        f"/debts/results/?province={centre.village.province_code}",
        f"/scoring/rounds/{selection_round.pk}/ranking/",
        "/new-centres/",
    ]


@pytest.mark.parametrize("role", ["district", "province", "head_office", "admin"])
def test_the_main_pages_render_for_each_role(generated, client, persona, role):
    proposal = Proposal.objects.select_related("centre__village", "round").first()
    centre, selection_round = proposal.centre, proposal.round
    household = Household.objects.filter(centre=centre).first()
    contract = household.contracts.first()
    district = centre.village.district_code
    user = {
        "district": lambda: User.objects.get(username=f"d{district}", role=Role.DISTRICT),
        "province": lambda: User.objects.get(username=f"p{district[:2]}", role=Role.PROVINCE),
        "head_office": lambda: User.objects.get(username="ho1", role=Role.HEAD_OFFICE),
        "admin": lambda: persona("admin"),
    }[role]()
    client.force_login(user)
    for url in pages(centre, household, contract, selection_round):
        response = client.get(url)
        assert response.status_code == 200, url
    assert centre.name in client.get(f"/centres/{centre.pk}/").content.decode()
    assert (
        household.people.first().first_name
        in client.get(f"/debts/households/{household.pk}/").content.decode()
    )
