import pytest
from django.conf import settings
from django.urls import reverse

from tests.personas import PASSWORD, make_persona

pytestmark = pytest.mark.django_db


def _login(client, password, username="faiwrai", address="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_login_page_is_thai(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert 'lang="th"' in response.text
    assert "เข้าสู่ระบบ" in response.text and "รหัสผ่าน" in response.text


def test_every_persona_reaches_its_home_page(client):
    for name in ["faiwrai", "phonphisai", "nongkhai", "loei", "headoffice", "admin"]:
        make_persona(name)
        response = _login(client, PASSWORD, username=name)
        assert response.status_code == 302 and response["Location"] == reverse("home")
        assert client.get(reverse("home")).status_code == 200
        client.post(reverse("logout"))


def test_wrong_password_says_so_in_thai(client):
    make_persona("faiwrai")
    response = _login(client, "wrong")
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in response.text


def test_five_failures_lock_the_username_at_that_address(client):
    make_persona("faiwrai")
    for _ in range(5):
        _login(client, "wrong")
    locked = _login(client, PASSWORD)
    assert locked.status_code == 429
    assert "ระงับการเข้าใช้ชั่วคราว" in locked.text
    # The same username from another address, and another user here, still log in.
    assert _login(client, PASSWORD, address="10.0.0.2").status_code == 302
    client.post(reverse("logout"))
    make_persona("nongkhai")
    assert _login(client, PASSWORD, username="nongkhai").status_code == 302


def test_sessions_expire_after_three_idle_hours(client):
    client.force_login(make_persona("faiwrai"))
    client.get(reverse("home"))
    assert settings.SESSION_COOKIE_AGE == 3 * 60 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert client.session.get_expiry_age() == 3 * 60 * 60


def test_logged_out_user_is_sent_to_login(client):
    response = client.get(reverse("villages:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
