"""Error pages are Thai, in the site's look; a 403 says what may not be done and by whom."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.views import defaults

from tests.factories import make_centre

pytestmark = pytest.mark.django_db


def test_another_districts_record_is_a_thai_404_with_the_menu(client, persona):
    centre = make_centre()
    client.force_login(persona("phonphisai"))
    response = client.get(centre.get_absolute_url())
    assert response.status_code == 404
    assert "ไม่พบหน้าที่ต้องการ" in response.text
    assert 'data-testid="whoami"' in response.text  # the site's menu and user
    assert "Not Found" not in response.text


def test_head_office_is_told_it_reads_only_and_who_edits(client, persona):
    centre = make_centre()
    client.force_login(persona("headoffice"))
    response = client.get(reverse("centres:edit", args=[centre.pk]))
    assert response.status_code == 403
    assert "ไม่มีสิทธิ์ทำรายการนี้" in response.text
    assert "ส่วนกลางอ่านข้อมูลได้อย่างเดียว ผู้แก้ไขข้อมูลได้คือสำนักงานพัฒนาชุมชนอำเภอ" in response.text


def test_a_district_officer_is_told_the_province_decides(client, persona):
    client.force_login(persona("faiwrai"))
    response = client.get(reverse("newcentres:round_create"))
    assert response.status_code == 403
    assert "เป็นงานของสำนักงานพัฒนาชุมชนจังหวัด" in response.text


def test_the_500_page_needs_neither_database_nor_request(django_db_blocker):
    request = RequestFactory().get("/")
    with django_db_blocker.block():  # any query would raise here
        response = defaults.server_error(request)
    assert response.status_code == 500
    assert "ระบบขัดข้องชั่วคราว" in response.content.decode()


def test_the_400_page_is_thai():
    response = defaults.bad_request(RequestFactory().get("/"), Exception("bad"))
    assert response.status_code == 400
    assert "คำขอไม่ถูกต้อง" in response.content.decode()
