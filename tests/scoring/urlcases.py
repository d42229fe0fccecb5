from scoring.loading import nongkhai_2568
from tests.personas import make_persona
from tests.scoring.factories import make_assessment, make_proposal, make_round
from tests.urlmatrix import EVERYONE, HEAD_OFFICE_ONLY, IN_AREA, Case

# A Nong Khai round is seen by everyone in the province (districts propose) and head office.
IN_PROVINCE = {**IN_AREA, "phonphisai": 200}
PROVINCE_ACTION = {
    "faiwrai": 403,
    "phonphisai": 403,
    "nongkhai": 302,
    "loei": 404,
    "headoffice": 403,
    "admin": 302,
}
# Only the assessor (nongkhai) changes an assessment; the province's people may look.
ASSESSOR_ACTION = {**PROVINCE_ACTION, "admin": 403}
OPEN_ROUND = {
    "faiwrai": 403,
    "phonphisai": 403,
    "nongkhai": 200,
    "loei": 200,
    "headoffice": 403,
    "admin": 200,
}
RUBRIC_EDIT = {**HEAD_OFFICE_ONLY, "loei": 404}


def round_kwargs(world):
    return {"pk": make_round().pk}


def proposal_kwargs(world):
    return {"pk": make_proposal(centre=world.centre).pk}


def assessment_kwargs(world):
    return {"pk": make_assessment(proposal=make_proposal(centre=world.centre)).pk}


def score_kwargs(world):
    assessment = make_assessment(proposal=make_proposal(centre=world.centre))
    score = assessment.scores.get(indicator__code="1.2")  # judged: no suggestion
    return {"pk": assessment.pk, "score_pk": score.pk}


def score_data(world):
    score = world.centre.proposals.get().assessments.get().scores.get(indicator__code="1.2")
    return {f"s{score.pk}-level": "1", f"s{score.pk}-note": "ok"}


def rubric_kwargs(world):
    return {"pk": nongkhai_2568().pk}


def indicator_kwargs(world):
    return {"pk": nongkhai_2568().areas.get(number=1).indicators.get(code="1.2").pk}


def panel_data(world):
    return {"member": make_persona("phonphisai").pk}


CASES = {
    "scoring:rounds": Case(expect=EVERYONE),
    "scoring:proposals": Case(expect=EVERYONE, query="?unscored=1"),
    "scoring:round_create": Case(expect=OPEN_ROUND),
    "scoring:round": Case(kwargs=round_kwargs, expect=IN_PROVINCE),
    "scoring:propose": Case(kwargs=round_kwargs, expect={**IN_PROVINCE, "headoffice": 403}),
    "scoring:panel_add": Case(
        kwargs=round_kwargs, method="post", data=panel_data, expect=PROVINCE_ACTION
    ),
    "scoring:ranking": Case(kwargs=round_kwargs, expect=IN_PROVINCE),
    "scoring:ranking_xlsx": Case(kwargs=round_kwargs, expect=IN_PROVINCE),
    "scoring:proposal": Case(kwargs=proposal_kwargs, expect=IN_PROVINCE),
    "scoring:proposal_select": Case(kwargs=proposal_kwargs, method="post", expect=PROVINCE_ACTION),
    "scoring:assess": Case(kwargs=proposal_kwargs, method="post", expect=PROVINCE_ACTION),
    "scoring:assessment": Case(
        kwargs=assessment_kwargs, expect={**IN_AREA, "faiwrai": 403, "phonphisai": 403}
    ),
    "scoring:score": Case(
        kwargs=score_kwargs, method="post", data=score_data, expect=ASSESSOR_ACTION
    ),
    "scoring:finalise": Case(kwargs=assessment_kwargs, method="post", expect=ASSESSOR_ACTION),
    "scoring:score_sheet": Case(kwargs=lambda w: {"pk": w.centre.pk}),
    "scoring:score_sheet_xlsx": Case(kwargs=lambda w: {"pk": w.centre.pk}),
    "scoring:score_sheet_pdf": Case(kwargs=lambda w: {"pk": w.centre.pk}),
    "scoring:booklet": Case(kwargs=lambda w: {"pk": w.centre.pk}),
    "scoring:rubrics": Case(expect=EVERYONE),
    "scoring:rubric": Case(kwargs=rubric_kwargs, expect={**EVERYONE, "loei": 404}),
    "scoring:rubric_copy": Case(kwargs=rubric_kwargs, expect=RUBRIC_EDIT),
    "scoring:indicator_edit": Case(kwargs=indicator_kwargs, expect=RUBRIC_EDIT),
}
