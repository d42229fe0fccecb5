import pytest
from django.urls import reverse

from cdfmc.geo.models import Village
from centres.models import Centre, CommitteeRole, MemberFund
from tests.centres.factories import (
    make_action_plan,
    make_committee_member,
    make_division,
    make_evidence,
    make_meeting,
    make_training,
    make_visit,
)
from tests.factories import (
    FAI_RAI,
    LOEI_KUT_PONG,
    WAT_LUANG,
    make_centre,
    make_member_fund,
    make_village,
)

pytestmark = pytest.mark.django_db


def login(client, persona, name):
    user = persona(name)
    client.force_login(user)
    return user


def centre_data(village, **extra):
    data = {
        "name": f"ศูนย์จัดการกองทุนชุมชน{village.name}",
        "village": village.pk,
        "established_on": "12/03/2566",
        "status": "established",
        "level": "2",
    }
    data.update(extra)
    return data


def test_faiwrai_officer_creates_a_centre_in_faiwrai(client, persona):
    login(client, persona, "faiwrai")
    village = make_village(subdistrict=FAI_RAI)
    response = client.post(reverse("centres:create"), centre_data(village))
    centre = Centre.objects.get(village=village)
    assert response.status_code == 302
    assert response["Location"] == centre.get_absolute_url()
    assert centre.established_on.year == 2023


def test_faiwrai_officer_cannot_pick_a_phonphisai_village(client, persona):
    login(client, persona, "faiwrai")
    village = make_village(subdistrict=WAT_LUANG)
    response = client.post(reverse("centres:create"), centre_data(village))
    assert response.status_code == 200
    assert "ยังไม่มีศูนย์จัดการกองทุนชุมชน" in response.context["form"].errors["village"][0]
    assert not Centre.objects.filter(village=village).exists()


def test_village_choices_are_own_area_without_a_centre(client, persona):
    login(client, persona, "faiwrai")
    free = make_village(subdistrict=FAI_RAI)
    taken = make_centre(subdistrict=FAI_RAI).village
    elsewhere = make_village(subdistrict=WAT_LUANG)
    form = client.get(reverse("centres:create")).context["form"]
    choices = set(form.fields["village"].queryset)
    assert free in choices
    assert taken not in choices and elsewhere not in choices


def test_a_village_can_have_only_one_centre(client, persona):
    login(client, persona, "faiwrai")
    taken = make_centre().village
    response = client.post(reverse("centres:create"), centre_data(taken))
    assert response.status_code == 200
    assert "village" in response.context["form"].errors
    assert Centre.objects.filter(village=taken).count() == 1


def test_edit_keeps_the_centres_own_village_on_offer(client, persona):
    login(client, persona, "faiwrai")
    centre = make_centre()
    url = reverse("centres:edit", args=[centre.pk])
    response = client.post(url, centre_data(centre.village, name="ศูนย์ชื่อใหม่", level="3"))
    assert response.status_code == 302
    centre.refresh_from_db()
    assert (centre.name, centre.level) == ("ศูนย์ชื่อใหม่", 3)


def test_model_status_needs_the_year_at_the_field(client, persona):
    login(client, persona, "faiwrai")
    village = make_village()
    response = client.post(reverse("centres:create"), centre_data(village, status="model"))
    assert "ปีที่เป็นต้นแบบ" in response.context["form"].errors["model_year"][0]


def test_a_model_year_goes_with_the_model_status(client, persona):
    login(client, persona, "faiwrai")
    centre = make_centre(status="model", model_year=2561)
    url = reverse("centres:edit", args=[centre.pk])
    data = centre_data(centre.village, status="established", model_year="2561")
    assert client.post(url, data).status_code == 302
    centre.refresh_from_db()
    assert (centre.status, centre.model_year) == ("established", None)
    html = client.get(reverse("centres:list")).content.decode()
    assert "2561" not in html


@pytest.mark.parametrize(
    ("name", "status"),
    [("faiwrai", 200), ("phonphisai", 404), ("nongkhai", 200), ("loei", 404), ("headoffice", 200)],
)
def test_who_sees_a_faiwrai_centre(client, persona, name, status):
    login(client, persona, name)
    centre = make_centre()
    assert client.get(reverse("centres:detail", args=[centre.pk])).status_code == status


@pytest.mark.parametrize(
    ("name", "status"), [("faiwrai", 302), ("phonphisai", 404), ("nongkhai", 302), ("loei", 404)]
)
def test_who_edits_a_faiwrai_centre(client, persona, name, status):
    login(client, persona, name)
    centre = make_centre()
    response = client.post(reverse("centres:edit", args=[centre.pk]), centre_data(centre.village))
    assert response.status_code == status


def test_nongkhai_staff_see_both_districts_and_loei_neither(client, persona):
    fai = make_centre(subdistrict=FAI_RAI)
    phon = make_centre(subdistrict=WAT_LUANG)
    login(client, persona, "nongkhai")
    listed = set(client.get(reverse("centres:list")).context["page"])
    assert {fai, phon} <= listed
    login(client, persona, "loei")
    listed = set(client.get(reverse("centres:list")).context["page"])
    assert not listed & {fai, phon}


def test_list_filters_by_district_subdistrict_status_level_and_text(client, persona):
    login(client, persona, "nongkhai")
    fai = make_centre(subdistrict=FAI_RAI, level=2, name="ศูนย์จัดการกองทุนชุมชนบ้านหนองควาย")
    phon = make_centre(subdistrict=WAT_LUANG, level=3, status="model", model_year=2561)
    url = reverse("centres:list")

    def listed(**query):
        return set(client.get(url, query).context["page"])

    assert listed(district="4315") == {fai}
    assert listed(subdistrict=WAT_LUANG) == {phon}
    assert listed(status="model") == {phon}
    assert listed(level="2") == {fai}
    assert listed(q="หนองควาย") == {fai}


def test_list_filter_choices_stay_in_the_users_area(client, persona):
    make_centre(subdistrict=FAI_RAI)
    make_centre(subdistrict=WAT_LUANG)
    make_centre(subdistrict=LOEI_KUT_PONG)
    login(client, persona, "faiwrai")
    form = client.get(reverse("centres:list")).context["filter"].form
    assert {d.code for d in form.fields["district"].queryset} == {"4315"}
    assert {s.district_id for s in form.fields["subdistrict"].queryset} == {"4315"}


def _fill_centre(centre, n):
    funds = [make_member_fund(centre=centre, name=f"กลุ่ม {i}") for i in range(n)]
    for i in range(n):
        make_committee_member(centre=centre, name=f"กรรมการ {i}", represents=funds[i])
        make_meeting(centre=centre)
        make_training(centre=centre)
        make_visit(centre=centre)
        make_division(centre=centre).members.add(*centre.committee.all()[:2])
        make_action_plan(centre=centre, fiscal_year=2560 + i, activities=["ก", "ข"])
        make_evidence(centre=centre, indicators=["1.1", "1.3"])


@pytest.mark.parametrize("n", [2, 12])
def test_centre_page_runs_a_bounded_number_of_queries(
    client, persona, django_assert_max_num_queries, n
):
    login(client, persona, "faiwrai")
    centre = make_centre()
    _fill_centre(centre, n)
    # About 35 today; the bound must stay below that plus n at n=12, or a query per
    # row would pass unnoticed.
    with django_assert_max_num_queries(40):
        response = client.get(reverse("centres:detail", args=[centre.pk]))
    assert response.status_code == 200
    assert len(response.context["parts"]["fund"]["rows"]) == n


@pytest.mark.parametrize("n", [3, 30])
def test_centre_list_runs_a_bounded_number_of_queries(
    client, persona, django_assert_max_num_queries, n
):
    login(client, persona, "nongkhai")
    for i in range(n):
        centre = make_centre(subdistrict=FAI_RAI if i % 2 else WAT_LUANG)
        make_member_fund(centre=centre)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("centres:list"), {"level": ""})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == n


def test_centre_page_shows_every_section_and_the_panels(client, persona):
    login(client, persona, "faiwrai")
    centre = make_centre()
    _fill_centre(centre, 1)
    html = client.get(reverse("centres:detail", args=[centre.pk])).content.decode()
    for testid in [
        "section-general", "section-fund", "section-committee", "section-division",
        "section-regulations", "section-office", "section-meeting", "section-training",
        "section-visit", "section-plans", "section-welfare", "section-support",
        "section-learning", "section-evidence", "section-history",
    ]:  # fmt: skip
        assert f'data-testid="{testid}"' in html, testid
    assert "evidence-thumb" in html
    assert reverse("centres:edit", args=[centre.pk]) in html


def test_head_office_sees_no_edit_links(client, persona):
    login(client, persona, "headoffice")
    centre = make_centre()
    html = client.get(reverse("centres:detail", args=[centre.pk])).content.decode()
    assert reverse("centres:edit", args=[centre.pk]) not in html
    assert "fund-add-form" not in html


def test_htmx_adds_a_fund_and_returns_the_section(client, persona):
    login(client, persona, "faiwrai")
    centre = make_centre()
    response = client.post(
        reverse("centres:fund_add", args=[centre.pk]),
        {
            "fund-kind": "savings",
            "fund-name": "กลุ่มออมทรัพย์บ้านทดสอบ",
            "fund-members": "๑๒๐",
            "fund-capital": "1,250,000.50",
            "fund-updated_on": "01/10/2568",
        },  # fmt: skip
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert 'id="part-fund"' in response.content.decode()
    assert "1,250,000.50" in response.content.decode()
    fund = MemberFund.objects.get(centre=centre)
    assert fund.members == 120
    # The committee's "represents" choices are re-drawn out of band with the new fund.
    html = response.content.decode()
    assert (
        'id="part-committee" class="card mb-3" data-testid="section-committee" hx-swap-oob' in html
    )
    assert f'<option value="{fund.pk}">' in html


def test_htmx_add_with_errors_shows_them_in_the_section(client, persona):
    login(client, persona, "faiwrai")
    centre = make_centre()
    make_committee_member(centre=centre, role=CommitteeRole.CHAIR)
    response = client.post(
        reverse("centres:committee_add", args=[centre.pk]),
        {"committee-role": "chair", "committee-name": "ประธานคนที่สอง", "committee-phone": "0812"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert "ประธานได้เพียงคนเดียว" in html
    assert "หมายเลขโทรศัพท์ต้องขึ้นต้นด้วย 0" in html
    assert centre.committee.count() == 1


def test_htmx_removes_a_committee_member(client, persona):
    login(client, persona, "faiwrai")
    centre = make_centre()
    member = make_committee_member(centre=centre)
    response = client.post(
        reverse("centres:committee_delete", args=[centre.pk, member.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert not centre.committee.exists()


def test_a_part_of_another_centre_is_404(client, persona):
    login(client, persona, "faiwrai")
    centre, other = make_centre(), make_centre()
    fund = make_member_fund(centre=other)
    url = reverse("centres:fund_delete", args=[centre.pk, fund.pk])
    assert client.post(url).status_code == 404
    assert MemberFund.objects.filter(pk=fund.pk).exists()


def test_section_forms_save_regulations_and_office(client, persona):
    login(client, persona, "faiwrai")
    centre = make_centre()
    client.post(
        reverse("centres:edit_regulations", args=[centre.pk]),
        {
            "regulations_written": "on",
            "regulations_approval": "members_meeting",
            "regulations_approved_on": "15/01/2568",
            "regulations_followed": "on",
        },  # fmt: skip
    )
    client.post(
        reverse("centres:edit_office", args=[centre.pk]),
        {"office_kind": "permanent", "office_has_sign": "on", "office_has_board": "on"},
    )
    centre.refresh_from_db()
    assert centre.regulations_approval == "members_meeting"
    assert centre.regulations_approved_on.year == 2025
    assert centre.office_kind == "permanent" and centre.office_has_sign


def test_action_plan_with_activities_and_one_per_year(client, persona):
    login(client, persona, "faiwrai")
    centre = make_centre()
    data = {
        "fiscal_year": "๒๕๖๙", "members_participated": "on",
        "activities-TOTAL_FORMS": "3", "activities-INITIAL_FORMS": "0",
        "activities-0-name": "ประชุมคณะกรรมการทุกเดือน", "activities-0-done": "on",
        "activities-1-name": "อบรมบัญชีครัวเรือน", "activities-2-name": "",
    }  # fmt: skip
    assert client.post(reverse("centres:plan_add", args=[centre.pk]), data).status_code == 302
    plan = centre.action_plans.get()
    assert plan.fiscal_year == 2569
    assert [(a.name, a.done) for a in plan.activities.all()] == [
        ("ประชุมคณะกรรมการทุกเดือน", True),
        ("อบรมบัญชีครัวเรือน", False),
    ]
    response = client.post(reverse("centres:plan_add", args=[centre.pk]), data)
    assert "ปีงบประมาณนี้แล้ว" in response.context["form"].errors["fiscal_year"][0]


def test_division_members_come_from_the_committee(client, persona):
    login(client, persona, "faiwrai")
    centre = make_centre()
    mine = make_committee_member(centre=centre)
    theirs = make_committee_member(centre=make_centre())
    url = reverse("centres:division_add", args=[centre.pk])
    response = client.post(url, {"division-name": "ฝ่ายติดตาม", "division-members": [theirs.pk]})
    assert "members" in response.context["form"].errors
    client.post(url, {"division-name": "ฝ่ายติดตาม", "division-members": [mine.pk]})
    assert list(centre.divisions.get().members.all()) == [mine]


def test_village_population_is_on_the_centre_page(client, persona):
    login(client, persona, "faiwrai")
    centre = make_centre()
    Village.objects.filter(pk=centre.village_id).update(population=1234)
    assert "1,234" in client.get(reverse("centres:detail", args=[centre.pk])).content.decode()
