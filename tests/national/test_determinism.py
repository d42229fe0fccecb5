"""generate_national is deterministic: the same seed gives the same data."""

import pytest
from django.apps import apps

from cdfmc.geo.models import Village
from centres.models import Centre
from debts.models import BalanceUpdate, Contract, Person
from scoring.models import Score
from tests.national.conftest import GENERATED, SEED, generate


@pytest.fixture
def generated_here(db, settings):
    settings.DEBUG = True
    generate()


def snapshot() -> dict:
    """Counts of every generated model and sample rows by their natural values (no ids,
    no timestamps): what "the same data" means."""
    counts = {label: apps.get_model(label).objects.count() for label in GENERATED}
    people = Person.objects.order_by("citizen_id")
    contracts = Contract.objects.order_by("household__people__citizen_id", "number").filter(
        household__people__is_head=True
    )
    return {
        "counts": counts,
        "villages": list(
            Village.objects.order_by("subdistrict", "number").values_list(
                "subdistrict", "number", "name", "households"
            )[::37]
        ),
        "centres": list(
            Centre.objects.order_by("name").values_list(
                "name", "village__subdistrict", "established_on", "status", "level"
            )
        ),
        "people": list(people.values_list("citizen_id", "title", "first_name", "last_name")[::23]),
        "contracts": list(
            contracts.values_list(
                "number", "creditor__name", "principal", "rate", "outstanding", "status"
            )[::11]
        ),
        "balances": list(
            BalanceUpdate.objects.order_by(
                "contract__number", "contract__household__people__citizen_id", "as_of"
            )
            .filter(contract__household__people__is_head=True)
            .values_list("contract__number", "as_of", "outstanding", "overdue_amount")[::101]
        ),
        "scores": sorted(
            Score.objects.values_list(
                "assessment__proposal__centre__name", "indicator__code", "level", "points"
            )
        ),
    }


def test_the_same_seed_gives_the_same_data(generated_here):
    first = snapshot()
    generate(force=True)
    assert snapshot() == first
    assert first["counts"]["debts.BalanceUpdate"] > 1000


def test_another_seed_gives_other_data(generated_here):
    first = snapshot()
    generate(seed=SEED + 1, force=True)
    assert snapshot()["people"] != first["people"]
