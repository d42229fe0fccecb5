"""English is a real second language: the switch works and every Thai msgid has a translation.

The msgids are Thai; locale/en/LC_MESSAGES/django.po carries the English. A new string that
nobody translated fails `test_every_message_has_an_english_translation`: run `make messages`
and fill in its msgstr.
"""

import ast
import gettext
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.personas import make_persona

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
MENU_EN = ["Home", "Villages", "Centres", "Debt results"]
MENU_TH = ["หน้าหลัก", "หมู่บ้าน", "ศูนย์ฯ", "ผลแก้หนี้"]


@pytest.fixture(autouse=True)
def _back_to_default_language():
    # The language middleware leaves the last request's language active in this thread.
    yield
    translation.deactivate()


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


# ---- switching -----------------------------------------------------------------------------


def test_thai_is_the_default_even_for_an_english_browser(client):
    page = html(client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9"))
    assert '<html lang="th">' in page
    assert "เข้าสู่ระบบ" in page
    assert "Log in" not in page

    client.force_login(make_persona("faiwrai"))
    page = html(client.get(reverse("home")))
    for label in MENU_TH:
        assert label in page
    assert "Log out" not in page


def test_login_page_in_english_once_chosen(client):
    # The choice is a cookie, so it outlives the session: the next login page is English too.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = html(client.get(reverse("login")))
    assert '<html lang="en">' in page
    assert "Log in" in page
    assert "Community-Fund Management Centre Information System" in page
    assert "Username" in page and "Password" in page
    assert "เข้าสู่ระบบ" not in page


def test_set_language_switches_the_home_page_to_english_and_back(client):
    client.force_login(make_persona("faiwrai"))
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("home")})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"

    page = html(client.get(reverse("home")))
    assert '<html lang="en">' in page
    for label in MENU_EN:
        assert label in page
    assert "Hello, faiwrai" in page  # blocktranslate placeholder survives
    assert "Log out" in page
    assert "หน้าหลัก" not in page and "ออกจากระบบ" not in page

    client.post(reverse("set_language"), {"language": "th", "next": reverse("home")})
    page = html(client.get(reverse("home")))
    for label in MENU_TH:
        assert label in page


# ---- the catalogue -------------------------------------------------------------------------


def read_po(path: Path) -> list[dict]:
    """The entries of a .po file: msgctxt, msgid, msgid_plural, msgstr (list), flags."""
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#~"):  # obsolete entries do not count
            continue
        if line.startswith("#,"):
            finish()
            entry, field = {"flags": {f.strip() for f in line[2:].split(",")}, "msgstr": {}}, None
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            value = ast.literal_eval(line)
            if field[0] == "msgstr":
                entry["msgstr"][field[1]] += value
            else:
                entry[field[0]] += value
            continue
        value = ast.literal_eval(rest)
        if keyword in ("msgctxt", "msgid") and (entry is None or "msgid" in entry):
            finish()
            entry = {"flags": set(), "msgstr": {}}
        if keyword.startswith("msgstr"):
            index = int(keyword[7:-1]) if "[" in keyword else 0
            entry["msgstr"][index] = value
            field = ("msgstr", index)
        else:
            entry[keyword] = value
            field = (keyword,)
    finish()
    return entries


@pytest.fixture(scope="module")
def catalogue() -> list[dict]:
    entries = read_po(LOCALE / "django.po")
    header = [e for e in entries if e["msgid"] == ""]
    assert len(header) == 1, "the .po file needs exactly one header entry"
    assert "fuzzy" not in header[0]["flags"], "remove '#, fuzzy' from the .po header"
    return [e for e in entries if e["msgid"] != ""]


def describe(entries: list[dict]) -> str:
    return "\n".join(f"  - {e['msgid']!r}" for e in entries[:20])


def test_every_message_has_an_english_translation(catalogue):
    assert len(catalogue) > 500  # the parser found the catalogue, not an empty file
    untranslated = [e for e in catalogue if not all(s.strip() for s in e["msgstr"].values())]
    assert not untranslated, (
        f"{len(untranslated)} message(s) have no English translation in "
        f"locale/en/LC_MESSAGES/django.po. Run `make messages` and fill in each msgstr:\n"
        + describe(untranslated)
    )
    fuzzy = [e for e in catalogue if "fuzzy" in e["flags"]]
    assert not fuzzy, (
        f"{len(fuzzy)} fuzzy translation(s) (ignored by compilemessages) in django.po: check "
        "each, fix its msgstr, remove the '#, fuzzy' flag and run `make messages`:\n"
        + describe(fuzzy)
    )
    plural = [e for e in catalogue if "msgid_plural" in e and len(e["msgstr"]) != 2]
    assert not plural, "English plural entries need msgstr[0] and msgstr[1]:\n" + describe(plural)


def test_the_committed_mo_matches_the_po(catalogue):
    with (LOCALE / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = []
    for e in catalogue:
        msgid = f"{e['msgctxt']}\x04{e['msgid']}" if "msgctxt" in e else e["msgid"]
        if "msgid_plural" in e:
            got = {i: compiled._catalog.get((msgid, i)) for i in e["msgstr"]}
        else:
            got = {0: compiled._catalog.get(msgid)}
        if got != e["msgstr"]:
            stale.append(e)
    assert not stale, (
        "django.mo is older than django.po; run `make messages` and commit both files:\n"
        + describe(stale)
    )
