import pytest
from django.urls import reverse

from tests.personas import make_persona

pytestmark = pytest.mark.django_db


def test_thai_even_when_the_browser_asks_for_english(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="th"' in response.text
    assert response["Content-Language"] == "th"


def test_the_language_chosen_in_the_user_menu_sticks(client):
    client.force_login(make_persona("faiwrai"))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert 'lang="en"' in client.get(reverse("home")).text
    client.post(reverse("set_language"), {"language": "th", "next": "/"})
    assert 'lang="th"' in client.get(reverse("home")).text
