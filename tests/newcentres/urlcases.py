from tests.factories import make_village
from tests.newcentres.factories import make_nomination, make_round, make_screening
from tests.urlmatrix import EDIT_IN_AREA, EVERYONE, HEAD_OFFICE_ONLY, IN_AREA, Case

# Seen from the province page of หนองคาย: its districts and staff, and head office.
NONG_KHAI_PAGE = {**EVERYONE, "loei": 404}
# A province's decision on a nomination in อ.เฝ้าไร่ (phonphisai cannot see it at all).
DECIDE = {
    "faiwrai": 403,
    "phonphisai": 404,
    "nongkhai": 302,
    "loei": 404,
    "headoffice": 403,
    "admin": 302,
}
NOMINATE = {**EDIT_IN_AREA, "faiwrai": 302, "nongkhai": 302, "admin": 302}


def _round(world):
    return {"pk": make_round().pk}


def _screening(world):
    return {"pk": make_screening().pk}


def _nomination(status="nominated"):
    return lambda world: {"pk": make_nomination(status=status).pk}


CASES = {
    "newcentres:rounds": Case(expect=EVERYONE),
    "newcentres:nominations": Case(expect=EVERYONE, query="?status=returned"),
    "newcentres:round_create": Case(expect=HEAD_OFFICE_ONLY),
    "newcentres:round": Case(expect=EVERYONE, kwargs=_round),
    "newcentres:round_edit": Case(expect=HEAD_OFFICE_ONLY, kwargs=_round),
    "newcentres:quotas": Case(expect=HEAD_OFFICE_ONLY, kwargs=_round),
    "newcentres:province": Case(
        expect=NONG_KHAI_PAGE, kwargs=lambda w: {"pk": make_round().pk, "code": "43"}
    ),
    "newcentres:screening_create": Case(
        expect=EDIT_IN_AREA,
        kwargs=lambda w: {"pk": make_round().pk, "village_pk": make_village().pk},
    ),
    "newcentres:screening": Case(expect=IN_AREA, kwargs=_screening),
    "newcentres:screening_edit": Case(expect=EDIT_IN_AREA, kwargs=_screening),
    "newcentres:nominate": Case(expect=NOMINATE, kwargs=_screening, method="post"),
    "newcentres:select": Case(expect=DECIDE, kwargs=_nomination(), method="post"),
    "newcentres:return": Case(
        expect=DECIDE,
        kwargs=_nomination(),
        method="post",
        data=lambda w: {"comment": "ข้อมูลครัวเรือนไม่ครบ"},
    ),
    "newcentres:establish": Case(expect=DECIDE, kwargs=_nomination("selected"), method="post"),
    "newcentres:register": Case(expect=EVERYONE),
    "newcentres:register_xlsx": Case(expect=NONG_KHAI_PAGE, query="?province=43&fy=2569"),
    "newcentres:national": Case(expect=HEAD_OFFICE_ONLY),
    "newcentres:national_xlsx": Case(expect=HEAD_OFFICE_ONLY),
}
