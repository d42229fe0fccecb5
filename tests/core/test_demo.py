import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from cdfmc.accounts.models import User
from cdfmc.demo import DEMO_PASSWORD, DEMO_USERS, load_demo
from centres.models import Centre, CentreStatus

pytestmark = pytest.mark.django_db


def test_demo_command_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo")
    assert not User.objects.filter(username="faiwrai").exists()


def test_demo_loads_the_nong_khai_register_and_a_login_per_role(settings):
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")  # idempotent
    centres = Centre.objects.in_province("43")
    assert centres.count() == 16
    assert set(centres.filter(status=CentreStatus.MODEL).values_list("model_year", flat=True)) == {
        2561,
        2567,
    }
    assert centres.get(name="ศูนย์จัดการกองทุนชุมชนบ้านโสกกล้า").village.subdistrict.name_th == ("แก้งไก่")
    for username, role, *_ in DEMO_USERS:
        user = User.objects.get(username=username)
        assert user.role == role and user.check_password(DEMO_PASSWORD)
    assert User.objects.get(username="faiwrai").district.name_th == "เฝ้าไร่"


def test_demo_logins_reach_their_home_pages(client):
    load_demo()
    for username, *_ in DEMO_USERS:
        response = client.post(
            reverse("login"), {"username": username, "password": DEMO_PASSWORD}, follow=True
        )
        assert response.status_code == 200, username
        assert response.request["PATH_INFO"] == reverse("home"), username
        client.post(reverse("logout"))
