from tests.personas import make_persona
from tests.urlmatrix import EDIT_IN_AREA, EVERYONE, Case

# Lifting lockouts: provincial staff (their province's users) and administrators.
UNLOCKERS = {**dict.fromkeys(EVERYONE, 403), "nongkhai": 200, "loei": 200, "admin": 200}

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
    "accounts:password_change": Case(expect=EVERYONE),
    "accounts:lockouts": Case(expect=UNLOCKERS),
    # faiwrai is a Nong Khai user: loei may not unlock them (404, outside the area).
    "accounts:unlock": Case(
        kwargs=lambda w: {"username": make_persona("faiwrai").username},
        method="post",
        expect={**UNLOCKERS, "nongkhai": 302, "loei": 404, "admin": 302},
    ),
    "villages:list": Case(expect=EVERYONE),
    "villages:create": Case(expect=ENTER_DATA),
    "villages:detail": Case(kwargs=lambda w: {"pk": w.village.pk}),
    "villages:edit": Case(kwargs=lambda w: {"pk": w.village.pk}, expect=EDIT_IN_AREA),
}
