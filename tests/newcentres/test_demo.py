import pytest

from cdfmc.demo import load_loei_villages, load_users
from newcentres import demo
from newcentres.models import Nomination, Round, Screening
from newcentres.reports import round_summary

pytestmark = pytest.mark.django_db


def test_the_demo_round_has_the_seed_quotas_and_loei_screenings_and_loads_twice():
    load_users()
    load_loei_villages()
    demo.load()
    demo.load()
    round_ = Round.objects.get(fiscal_year=2569)
    summary = round_summary(round_)
    assert summary.groups[0].totals.quota == 20
    assert Screening.objects.count() == 3
    assert Nomination.objects.count() == 2
    assert round_.quotas.get(province_id="42").deadline.isoformat() == "2025-08-20"
    failing = Screening.objects.get(village__number=2, village__subdistrict_id="420103")
    assert [o.key for o in failing.evaluation.unmet] == ["6"]
