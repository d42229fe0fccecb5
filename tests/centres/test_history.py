import pytest
from django.urls import reverse

from centres.history import centre_history
from tests.centres.factories import make_committee_member, make_division, make_evidence
from tests.factories import make_centre

pytestmark = pytest.mark.django_db


def test_changes_are_recorded_with_user_and_old_and_new_values(client, persona):
    user = persona("faiwrai")
    client.force_login(user)
    centre = make_centre(level=2)
    url = reverse("centres:edit", args=[centre.pk])
    client.post(
        url,
        {"name": centre.name, "village": centre.village.pk, "status": "established", "level": "3"},
    )
    change = centre_history(centre)[0]
    assert change.user == user
    assert change.action == "แก้ไข"
    assert [(f.label, f.old, f.new) for f in change.fields] == [
        ("ผลการประเมินการจัดระดับการพัฒนา", "2", "3")
    ]


def test_parts_additions_and_removals_are_in_the_history(client, persona):
    client.force_login(persona("faiwrai"))
    centre = make_centre()
    client.post(
        reverse("centres:fund_add", args=[centre.pk]),
        {
            "fund-kind": "kkkj",
            "fund-name": "กข.คจ.บ้านทดสอบ",
            "fund-members": "30",
            "fund-capital": "0",
        },
    )
    fund = centre.member_funds.get()
    client.post(reverse("centres:fund_delete", args=[centre.pk, fund.pk]))
    actions = [(c.action, c.what, c.label) for c in centre_history(centre)]
    assert ("ลบ", "กลุ่ม/กองทุนสมาชิก", "กข.คจ.บ้านทดสอบ") in actions
    assert ("เพิ่ม", "กลุ่ม/กองทุนสมาชิก", "กข.คจ.บ้านทดสอบ") in actions


def test_section_edits_show_choices_and_dates_as_officers_read_them(client, persona):
    client.force_login(persona("faiwrai"))
    centre = make_centre()
    client.post(
        reverse("centres:edit_regulations", args=[centre.pk]),
        {
            "regulations_written": "on",
            "regulations_approval": "committee",
            "regulations_approved_on": "15/01/2568",
        },  # fmt: skip
    )
    fields = {f.label: (f.old, f.new) for f in centre_history(centre)[0].fields}
    assert fields["มีระเบียบข้อบังคับเป็นลายลักษณ์อักษร"] == ("ไม่มี", "มี")  # not ใช่/ไม่ใช่
    assert fields["การให้ความเห็นชอบระเบียบ"][1].startswith("กำหนดโดยคณะกรรมการ")
    assert fields["วันที่ให้ความเห็นชอบระเบียบ"] == ("-", "15 ม.ค. 2568")


def test_the_history_is_readable_on_the_centre_page(client, persona):
    client.force_login(persona("nongkhai"))
    centre = make_centre()
    make_evidence(centre=centre)
    html = client.get(reverse("centres:detail", args=[centre.pk])).content.decode()
    assert "ประวัติการแก้ไข" in html
    assert html.count('data-testid="history-row"') >= 3  # centre, evidence, its tag


@pytest.mark.parametrize("n", [2, 20])
def test_history_queries_do_not_grow_with_changes(n, django_assert_max_num_queries):
    centre = make_centre()
    for level in range(n):
        centre.level = level % 3 + 1
        centre.save()
    make_evidence(centre=centre)
    with django_assert_max_num_queries(13):
        assert centre_history(centre)


def test_division_membership_changes_are_in_the_history(client, persona):
    client.force_login(persona("faiwrai"))
    centre = make_centre()
    somchai = make_committee_member(centre=centre, name="นายสมชาย")
    malee = make_committee_member(centre=centre, name="นางมาลี")
    division = make_division(centre=centre)
    division.members.add(somchai)
    client.post(
        reverse("centres:division_edit", args=[centre.pk, division.pk]),
        {"division-name": division.name, "division-members": [somchai.pk, malee.pk]},
    )
    changed = [
        (f.old, f.new)
        for c in centre_history(centre)
        for f in c.fields
        if c.what == "ฝ่าย" and f.label == "สมาชิกฝ่าย"
    ]
    assert ("นายสมชาย", "นางมาลี, นายสมชาย") in changed
    assert ("-", "นายสมชาย") in changed
