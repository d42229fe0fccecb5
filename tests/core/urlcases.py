from tests.urlmatrix import EDIT_IN_AREA, EVERYONE, Case

ENTER_DATA = {**EVERYONE, "headoffice": 403}

CASES = {
    "home": Case(expect=EVERYONE),
    "search": Case(expect=EVERYONE, query="?q=1234"),
    # Logged-in users are sent on to their home page.
    "login": Case(expect=dict.fromkeys(EVERYONE, 302), anonymous=200),
    "logout": Case(expect=dict.fromkeys(EVERYONE, 302), method="post", anonymous=302),
    "set_language": Case(
        expect=dict.fromkeys(EVERYONE, 302), method="post", data=lambda w: {"language": "en"}
    ),
    "villages:list": Case(expect=EVERYONE),
    "villages:create": Case(expect=ENTER_DATA),
    "villages:detail": Case(kwargs=lambda w: {"pk": w.village.pk}),
    "villages:edit": Case(kwargs=lambda w: {"pk": w.village.pk}, expect=EDIT_IN_AREA),
}
