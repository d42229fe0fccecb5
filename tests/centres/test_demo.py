import pytest

from centres import demo
from centres.models import Centre, Meeting

pytestmark = pytest.mark.django_db


def test_demo_centres_get_full_records_once():
    demo.load()
    demo.load()  # idempotent
    assert Centre.objects.filter(village__subdistrict__district__province="43").count() == 16
    jabmai = Centre.objects.get(name__endswith="บ้านจับไม้")
    assert jabmai.member_funds.count() == 4
    assert jabmai.committee.filter(role="chair").count() == 1
    assert jabmai.meetings.filter(kind="committee", has_minutes=True).count() == 12
    assert jabmai.action_plans.get().fiscal_year == 2568
    nongkwai = Centre.objects.get(name__endswith="บ้านหนองควาย")
    assert nongkwai.village.population == 812
    members_meetings = Meeting.objects.filter(centre=nongkwai, kind="members")
    assert all(m.attendees <= m.members_total for m in members_meetings)
