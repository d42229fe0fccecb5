"""Demo: the Nong Khai FY2568 selection round, five district proposals, two assessors each.

Assessors are the province's staff (nongkhai) and a district officer the province appoints
to the panel (phonphisai, or faiwrai for โพนพิสัย's own centre). Levels the data suggests
are kept; the rest are set deterministically so the ranking is stable. Idempotent.
"""

from cdfmc.accounts.models import User
from centres.models import Centre, CentreStatus
from scoring import services
from scoring.loading import load_rubrics, nongkhai_2568
from scoring.models import PanelMember, Proposal, SelectionRound

PROPOSED = [  # one centre per district; never the model centres บ้านคำปะกั้ง and บ้านตาดทอง
    "ศูนย์จัดการกองทุนบ้านหนองควาย",
    "ศูนย์จัดการกองทุนชุมชนบ้านคำพัฒนา",
    "ศูนย์จัดการกองทุนชุมชนบ้านสมสร้าง",
    "ศูนย์จัดการกองทุนชุมชนบ้านหาดคำ",
    "ศูนย์จัดการกองทุนชุมชนบ้านโสกกล้า",
]


def load(stdout=None):
    load_rubrics()
    users = {
        u.username: u
        for u in User.objects.filter(username__in=["nongkhai", "phonphisai", "faiwrai"])
    }
    if "nongkhai" not in users:
        return
    selection_round, _created = SelectionRound.objects.get_or_create(
        province_id="43",
        fiscal_year=2568,
        defaults={"rubric": nongkhai_2568(), "opened_by": users["nongkhai"]},
    )
    for name in ("phonphisai", "faiwrai"):
        if name in users:
            PanelMember.objects.get_or_create(
                round=selection_round,
                user=users[name],
                defaults={"appointed_by": users["nongkhai"]},
            )
    centres = (
        Centre.objects.filter(name__in=PROPOSED).exclude(status=CentreStatus.MODEL).with_location()
    )
    for index, centre in enumerate(sorted(centres, key=lambda c: PROPOSED.index(c.name))):
        proposal = Proposal.objects.filter(round=selection_round, centre=centre).first()
        if proposal is None:
            if services.proposal_refusal(selection_round, centre):
                continue
            proposal = services.proposal_create(
                selection_round=selection_round, centre=centre, user=users["nongkhai"]
            )
        panel = "faiwrai" if proposal.district_id == "4305" else "phonphisai"
        for offset, username in enumerate(["nongkhai", panel]):
            if username in users:
                _score(proposal, users[username], index + offset)
    if stdout:
        stdout.write(
            f"scoring: {selection_round} with {selection_round.proposals.count()} proposals"
        )


def _score(proposal, assessor, seed: int) -> None:
    assessment = services.assessment_start(proposal=proposal, assessor=assessor)
    scores = assessment.scores.filter(level__isnull=True).select_related("indicator")
    for score in scores.prefetch_related("indicator__levels"):
        top = max(lv.number for lv in score.indicator.levels.all())
        level = top - (seed + score.indicator.order) % 3
        services.score_set(score=score, user=assessor, level=level, note="ข้อมูลตัวอย่าง")
