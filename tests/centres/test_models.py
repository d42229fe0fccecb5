import datetime

import pytest
from django.core.exceptions import ValidationError

from centres.forms import CommitteeMemberForm, MeetingForm
from centres.indicators import INDICATOR_CODES
from centres.models import (
    CommitteeMember,
    CommitteeRole,
    Meeting,
    MeetingKind,
    normalise_phone,
    validate_thai_phone,
)
from tests.centres.factories import make_committee_member, make_meeting
from tests.factories import make_centre, make_member_fund

pytestmark = pytest.mark.django_db


def committee_form(centre, **data):
    base = {"committee-role": "member", "committee-name": "นางสาวมาลี ใจงาม", "committee-phone": ""}
    base.update({f"committee-{k}": v for k, v in data.items()})
    return CommitteeMemberForm(base, instance=CommitteeMember(centre=centre), prefix="committee")


@pytest.mark.parametrize(
    "typed", ["0812345678", "081-234-5678", "๐๘๑-๒๓๔-๕๖๗๘", "042 123 456", "042-123456"]
)
def test_thai_phone_numbers_are_accepted_and_normalised(typed):
    validate_thai_phone(typed)
    assert normalise_phone(typed).isdigit()


@pytest.mark.parametrize("typed", ["12345678", "081-234", "+66812345678", "08123456789", "โทร"])
def test_other_phone_numbers_are_refused(typed):
    with pytest.raises(ValidationError):
        validate_thai_phone(typed)


def test_a_committee_phone_is_stored_as_digits():
    centre = make_centre()
    form = committee_form(centre, phone="๐๘๑-๒๓๔-๕๖๗๘")
    assert form.is_valid(), form.errors
    assert form.save().phone == "0812345678"


def test_a_bad_phone_is_refused_at_the_field_in_thai():
    form = committee_form(make_centre(), phone="1234")
    assert not form.is_valid()
    assert "หมายเลขโทรศัพท์ต้องขึ้นต้นด้วย 0" in form.errors["phone"][0]


def test_a_second_chair_is_refused_at_the_role_field():
    centre = make_centre()
    make_committee_member(centre=centre, role=CommitteeRole.CHAIR)
    form = committee_form(centre, role="chair")
    assert not form.is_valid()
    assert "ประธานได้เพียงคนเดียว" in form.errors["role"][0]


def test_another_centre_may_have_its_own_chair():
    make_committee_member(centre=make_centre(), role=CommitteeRole.CHAIR)
    form = committee_form(make_centre(), role="chair")
    assert form.is_valid(), form.errors


def test_editing_the_chair_keeps_them_chair():
    centre = make_centre()
    chair = make_committee_member(centre=centre, role=CommitteeRole.CHAIR)
    form = CommitteeMemberForm(
        {"committee-role": "chair", "committee-name": "ชื่อใหม่"}, instance=chair, prefix="committee"
    )
    assert form.is_valid(), form.errors


def test_represented_fund_must_be_the_centres_own():
    centre = make_centre()
    fund = make_member_fund(centre=centre)
    other = make_member_fund(centre=make_centre())
    assert committee_form(centre, represents=fund.pk).is_valid()
    assert not committee_form(centre, represents=other.pk).is_valid()


def meeting_form(centre, **data):
    base = {"kind": "members", "held_on": "05/11/2568", "attendees": "40", "members_total": "50"}
    base.update(data)
    return MeetingForm(base, instance=Meeting(centre=centre))


def test_members_meeting_attendance_cannot_exceed_members_total():
    form = meeting_form(make_centre(), attendees="๖๐")
    assert not form.is_valid()
    assert "เกินจำนวนสมาชิกทั้งหมด" in form.errors["attendees"][0]


def test_members_meeting_needs_members_total():
    form = meeting_form(make_centre(), members_total="")
    assert not form.is_valid()
    assert "members_total" in form.errors


def test_meeting_dates_are_typed_in_buddhist_era():
    form = meeting_form(make_centre())
    assert form.is_valid(), form.errors
    meeting = form.save()
    assert meeting.held_on == datetime.date(2025, 11, 5)
    assert meeting.attendance_rate == 0.8


def test_committee_meeting_needs_no_members_total():
    form = meeting_form(make_centre(), kind=MeetingKind.COMMITTEE, members_total="")
    assert form.is_valid(), form.errors


def test_a_model_centre_needs_its_year():
    centre = make_centre()
    centre.status = "model"
    with pytest.raises(ValidationError) as exc:
        centre.full_clean()
    assert "model_year" in exc.value.message_dict


def test_the_indicator_list_has_the_twenty_rubric_indicators():
    assert len(INDICATOR_CODES) == 20
    assert INDICATOR_CODES[0] == "1.1" and INDICATOR_CODES[-1] == "3.4"
    assert "2.10" in INDICATOR_CODES


def test_meetings_trainings_and_visits_are_counted_per_fiscal_year():
    from tests.centres.factories import make_training, make_visit

    centre = make_centre()
    make_meeting(centre=centre, held_on=datetime.date(2024, 9, 30))  # FY2567
    make_meeting(centre=centre, held_on=datetime.date(2024, 10, 1))  # FY2568
    make_meeting(centre=centre, held_on=datetime.date(2025, 9, 30))  # FY2568
    make_training(centre=centre, held_on=datetime.date(2025, 10, 1))  # FY2569
    make_visit(centre=centre, visited_on=datetime.date(2025, 1, 1))  # FY2568
    assert centre.meetings.in_fiscal_year(2568).count() == 2
    assert centre.trainings.in_fiscal_year(2569).count() == 1
    assert centre.visits.in_fiscal_year(2568).count() == 1


@pytest.mark.parametrize(
    ("stored", "shown"),
    [("0812345678", "081-234-5678"), ("042123456", "042-123-456"), ("", ""), ("123", "123")],
)
def test_phone_numbers_are_shown_grouped(stored, shown):
    from centres.templatetags.centre_tags import phone

    assert phone(stored) == shown
