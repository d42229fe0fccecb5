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


# Behind the proxy ------------------------------------------------------------------------

PROXY = "10.0.0.254"  # what every request's REMOTE_ADDR is behind the proxy


def _via_proxy(client, password, client_address, username="faiwrai", forwarded=None):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded or client_address,
    )


@pytest.fixture
def behind_proxy(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXY_COUNT = 1


def test_behind_the_proxy_failures_elsewhere_do_not_lock_the_user_out(client, behind_proxy):
    make_persona("faiwrai")
    for _ in range(5):
        _via_proxy(client, "wrong", "203.0.113.5")  # someone else, somewhere else
    assert _via_proxy(client, PASSWORD, "203.0.113.5").status_code == 429
    # The officer at the office (another client address, same proxy) logs in.
    response = _via_proxy(client, PASSWORD, "198.51.100.7")
    assert response.status_code == 302 and response["Location"] == reverse("home")


def test_a_forged_forwarded_address_does_not_escape_the_lockout(client, behind_proxy):
    make_persona("faiwrai")
    for n in range(5):
        # The attacker prepends a new address each time; the proxy appends the real one.
        _via_proxy(client, "wrong", "203.0.113.5", forwarded=f"192.0.2.{n}, 203.0.113.5")
    locked = _via_proxy(client, PASSWORD, "203.0.113.5", forwarded="192.0.2.99, 203.0.113.5")
    assert locked.status_code == 429


def test_without_the_proxy_setting_forwarded_addresses_are_ignored(client, settings):
    settings.BEHIND_PROXY = False
    make_persona("faiwrai")
    for n in range(5):
        _via_proxy(client, "wrong", f"203.0.113.{n}")
    assert _via_proxy(client, PASSWORD, "198.51.100.7").status_code == 429  # all one address


def test_an_address_trying_many_usernames_is_refused_in_thai(client, behind_proxy, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 8
    for name in ["faiwrai", "phonphisai", "nongkhai", "loei"]:
        make_persona(name)
        for _ in range(2):
            _via_proxy(client, "wrong", "203.0.113.5", username=name)
    refused = _via_proxy(client, PASSWORD, "203.0.113.5", username="headoffice")
    assert refused.status_code == 200
    assert "มีการเข้าสู่ระบบไม่สำเร็จจากเครื่องนี้หลายครั้ง" in refused.text
    make_persona("headoffice")
    assert _via_proxy(client, PASSWORD, "198.51.100.7", username="headoffice").status_code == 302


# Unlocking --------------------------------------------------------------------------------


def _lock(client, username):
    make_persona(username)
    for _ in range(5):
        _login(client, "wrong", username=username)


def test_provincial_staff_unlock_their_provinces_users(client):
    _lock(client, "faiwrai")
    client.force_login(make_persona("nongkhai"))
    page = client.get(reverse("accounts:lockouts"))
    assert 'data-testid="locked-faiwrai"' in page.text
    response = client.post(reverse("accounts:unlock", args=["faiwrai"]))
    assert response.status_code == 302
    client.post(reverse("logout"))
    assert _login(client, PASSWORD).status_code == 302


def test_another_provinces_staff_neither_see_nor_unlock_the_user(client):
    _lock(client, "faiwrai")
    client.force_login(make_persona("loei"))
    assert "locked-faiwrai" not in client.get(reverse("accounts:lockouts")).text
    assert client.post(reverse("accounts:unlock", args=["faiwrai"])).status_code == 404
    client.post(reverse("logout"))
    assert _login(client, PASSWORD).status_code == 429


def test_district_officers_may_not_unlock_and_are_told_who_can(client):
    client.force_login(make_persona("phonphisai"))
    response = client.get(reverse("accounts:lockouts"))
    assert response.status_code == 403
    assert "เจ้าหน้าที่สำนักงานพัฒนาชุมชนจังหวัด" in response.text


# Password and sessions ----------------------------------------------------------------------


def test_a_user_changes_their_own_password_in_thai(client):
    user = make_persona("faiwrai")
    client.force_login(user)
    url = reverse("accounts:password_change")
    page = client.get(url)
    assert "รหัสผ่านเก่า" in page.text and "รหัสผ่านใหม่" in page.text
    short = client.post(
        url, {"old_password": PASSWORD, "new_password1": "ab1", "new_password2": "ab1"}
    )
    assert "รหัสผ่านสั้นเกินไป ต้องมีอย่างน้อย 8 ตัวอักษร" in short.text
    new = "ลำดวน-ริมโขง-2569"
    done = client.post(url, {"old_password": PASSWORD, "new_password1": new, "new_password2": new})
    assert done.status_code == 302
    assert client.get(reverse("home")).status_code == 200  # still logged in
    client.post(reverse("logout"))
    assert _login(client, new).status_code == 302


def test_a_session_ends_at_the_absolute_lifetime_however_busy(client, settings):
    from cdfmc.accounts.sessions import LOGIN_AT

    client.force_login(make_persona("faiwrai"))
    assert client.get(reverse("home")).status_code == 200
    session = client.session
    session[LOGIN_AT] -= settings.SESSION_ABSOLUTE_SECONDS + 1
    session.save()
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert client.get(reverse("home")).status_code == 302  # logged out for good
    assert settings.SESSION_ABSOLUTE_SECONDS == 12 * 60 * 60


def test_reactivating_a_user_does_not_revive_old_sessions(client):
    from cdfmc.accounts.models import User

    user = make_persona("faiwrai")
    client.force_login(user)
    assert client.get(reverse("home")).status_code == 200
    user = User.objects.get(pk=user.pk)
    user.is_active = False
    user.save()
    assert client.get(reverse("home")).status_code == 302
    user = User.objects.get(pk=user.pk)
    user.is_active = True
    user.save()
    assert client.get(reverse("home")).status_code == 302  # the old session stays dead
    assert _login(client, PASSWORD).status_code == 302  # a new login works
