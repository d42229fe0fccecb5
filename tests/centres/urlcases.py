from tests.centres.factories import (
    make_action_plan,
    make_committee_member,
    make_division,
    make_evidence,
    make_meeting,
    make_training,
    make_visit,
)
from tests.centres.urlcases_register import CASES as REGISTER_CASES
from tests.factories import make_member_fund
from tests.urlmatrix import EDIT_IN_AREA, EVERYONE, Case

ENTER_DATA = {**EVERYONE, "headoffice": 403}
# A POST that changes a record, redirecting back to the centre page when allowed.
POST_IN_AREA = {k: 302 if v == 200 else v for k, v in EDIT_IN_AREA.items()}

PART_ROWS = {
    "fund": lambda w: make_member_fund(centre=w.centre),
    "committee": lambda w: make_committee_member(centre=w.centre),
    "division": lambda w: make_division(centre=w.centre),
    "meeting": lambda w: make_meeting(centre=w.centre),
    "training": lambda w: make_training(centre=w.centre),
    "visit": lambda w: make_visit(centre=w.centre),
}


def _centre(w):
    return {"pk": w.centre.pk}


def _row(make):
    return lambda w: {"pk": w.centre.pk, "item_pk": make(w).pk}


CASES = {
    **REGISTER_CASES,
    "centres:list": Case(expect=EVERYONE),
    "centres:create": Case(expect=ENTER_DATA),
    "centres:detail": Case(kwargs=_centre),
    "centres:edit": Case(kwargs=_centre, expect=EDIT_IN_AREA),
    "centres:plan_add": Case(kwargs=_centre, expect=EDIT_IN_AREA),
    "centres:plan_edit": Case(
        kwargs=lambda w: {"pk": w.centre.pk, "plan_pk": make_action_plan(centre=w.centre).pk},
        expect=EDIT_IN_AREA,
    ),
    "centres:plan_delete": Case(
        kwargs=lambda w: {"pk": w.centre.pk, "plan_pk": make_action_plan(centre=w.centre).pk},
        expect=POST_IN_AREA,
        method="post",
    ),
    "centres:evidence_add": Case(kwargs=_centre, expect=EDIT_IN_AREA),
    "centres:evidence_file": Case(
        kwargs=lambda w: {"pk": w.centre.pk, "evidence_pk": make_evidence(centre=w.centre).pk}
    ),
    "centres:evidence_delete": Case(
        kwargs=lambda w: {"pk": w.centre.pk, "evidence_pk": make_evidence(centre=w.centre).pk},
        expect=POST_IN_AREA,
        method="post",
    ),
}
for section in ["regulations", "office", "welfare", "learning"]:
    CASES[f"centres:edit_{section}"] = Case(kwargs=_centre, expect=EDIT_IN_AREA)
for slug, make in PART_ROWS.items():
    CASES[f"centres:{slug}_add"] = Case(kwargs=_centre, expect=EDIT_IN_AREA)
    CASES[f"centres:{slug}_edit"] = Case(kwargs=_row(make), expect=EDIT_IN_AREA)
    CASES[f"centres:{slug}_delete"] = Case(kwargs=_row(make), expect=POST_IN_AREA, method="post")
