"""Centres and what is recorded about them: member funds (each also a creditor, as the
post_save hook of `debts.signals` would make it), committee and divisions, meetings,
trainings, visits, action plans and evidence over the last fiscal years."""

import datetime
import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from cdfmc.national import names
from cdfmc.national.context import CentreInfo, Context, VillageInfo
from cdfmc.national.plan import (
    CENTRES,
    ESTABLISHED_YEARS,
    MODEL_CENTRE_SHARE,
    day_in,
    weighted,
)
from cdfmc.thaitime import BE_OFFSET, fiscal_year_end, fiscal_year_start
from centres.indicators import INDICATOR_CODES
from centres.models import (
    ActionPlan,
    Centre,
    CentreStatus,
    CommitteeMember,
    CommitteeRole,
    Division,
    Evidence,
    EvidenceKind,
    EvidenceTag,
    FundKind,
    Meeting,
    MeetingKind,
    MemberFund,
    OfficeKind,
    PlanActivity,
    RegulationsApproval,
    Training,
    TrainingKind,
    Visit,
    VisitorLevel,
)
from debts.models import Creditor, CreditorKind

VISIONS = [
    "รวมพลังกลุ่มการเงิน แก้หนี้ครัวเรือน สร้างชุมชนพึ่งตนเอง",
    "ยึด ลด ปลด หมดหนี้ ครัวเรือนมีวินัยการเงิน ชุมชนเข้มแข็ง",
    "หนึ่งครัวเรือน หนึ่งสัญญา ชุมชนมั่นคง",
    "บริหารทุนชุมชนอย่างมีธรรมาภิบาล ครัวเรือนปลอดหนี้นอกระบบ",
]
# kind -> (chance the centre has one, name pattern, members, capital range)
FUNDS = {
    FundKind.SAVINGS: (0.85, "กลุ่มออมทรัพย์เพื่อการผลิต{v}", (40, 320), (200_000, 5_000_000)),
    FundKind.KKKJ: (0.6, "กองทุน กข.คจ. {v}", (20, 120), (100_000, 400_000)),
    FundKind.VILLAGE_FUND: (0.9, "กองทุนหมู่บ้าน{n}", (60, 300), (500_000, 2_500_000)),
    FundKind.OTHER_FINANCIAL: (0.3, "กองทุนแม่ของแผ่นดิน{v}", (20, 100), (20_000, 300_000)),
    FundKind.OTHER_NONFINANCIAL: (0.35, "กลุ่มเลี้ยงโค{v}", (10, 40), (0, 0)),
}
DIVISIONS = [
    ("ฝ่ายอำนวยการ", "ประสานงาน จัดประชุม จัดทำรายงานการประชุม"),
    ("ฝ่ายติดตาม/ตรวจสอบ", "ติดตามลูกหนี้ ตรวจสอบบัญชีและเอกสาร"),
    ("ฝ่ายส่งเสริมอาชีพ", "ส่งเสริมอาชีพและรายได้ของครัวเรือนเป้าหมาย"),
]
TRAININGS = [
    (TrainingKind.TRAINING, "อบรมการบริหารจัดการหนี้ครัวเรือน"),
    (TrainingKind.TRAINING, "อบรมวินัยทางการเงินและการจัดทำบัญชีครัวเรือน"),
    (TrainingKind.STUDY_VISIT, "ศึกษาดูงานศูนย์จัดการกองทุนชุมชนต้นแบบ"),
    (TrainingKind.SEMINAR, "สัมมนาเครือข่ายศูนย์จัดการกองทุนชุมชนระดับจังหวัด"),
]
VISITORS = {
    VisitorLevel.DISTRICT: 50,
    VisitorLevel.PROVINCE: 15,
    VisitorLevel.DEPARTMENT: 3,
    VisitorLevel.FINANCIAL_INSTITUTION: 10,
    VisitorLevel.LOCAL_GOVERNMENT: 15,
    VisitorLevel.OTHER: 7,
}
RECOMMENDATIONS = [
    "ให้ปรับปรุงทะเบียนลูกหนี้ให้เป็นปัจจุบัน",
    "ให้จัดประชุมคณะกรรมการทุกเดือนและบันทึกรายงานการประชุม",
    "ให้ติดตามลูกหนี้ผิดนัดชำระและเจรจาปรับโครงสร้างหนี้",
    "ให้จัดทำป้ายแสดงผลการดำเนินงานให้เป็นปัจจุบัน",
]
ACTIVITIES = [
    "ประชุมคณะกรรมการประจำเดือน",
    "สำรวจหนี้ครัวเรือนสมาชิก",
    "อบรมบัญชีครัวเรือน",
    "เจรจาปรับโครงสร้างหนี้กับเจ้าหนี้",
    "ส่งเสริมกลุ่มอาชีพ",
    "จัดสวัสดิการสมาชิก",
    "ถอดบทเรียนแหล่งเรียนรู้",
]
EVIDENCE_TITLES = ["ภาพการประชุมคณะกรรมการ", "รายงานการประชุม", "ทะเบียนลูกหนี้", "ภาพกิจกรรมกลุ่มอาชีพ"]


def generate(ctx: Context) -> None:
    rng = ctx.plan.rng("centres")
    count = max(1, min(len(ctx.villages), round(CENTRES * ctx.plan.scale)))
    chosen = sorted(rng.sample(ctx.villages, count), key=lambda v: v.code)
    files = EvidenceFiles()
    for village in chosen:
        info = centre(ctx, village)
        records(ctx, info, files)
        ctx.centres.append(info)
        ctx.writer.maybe_flush()
    ctx.writer.flush()


def centre(ctx: Context, village: VillageInfo) -> CentreInfo:
    plan, rng = ctx.plan, ctx.plan.rng("centre", village.code)
    years = {y: w for y, w in ESTABLISHED_YEARS.items() if y <= plan.fy} or {plan.fy: 1}
    year = weighted(rng, years)
    first = datetime.date(year - BE_OFFSET, 1, 1)
    established_on = day_in(rng, first, min(datetime.date(year - BE_OFFSET, 12, 31), plan.as_of))
    quality = rng.betavariate(2.5, 2)
    status, model_year = CentreStatus.ESTABLISHED, None
    if year <= plan.fy - 3 and rng.random() < MODEL_CENTRE_SHARE:
        status, model_year = CentreStatus.MODEL, rng.randint(max(year + 2, 2561), plan.fy - 1)
    level = None if year >= plan.fy else (3 if quality > 0.7 else 2 if quality > 0.35 else 1)
    obj = ctx.writer.add(
        Centre(
            name=f"ศูนย์จัดการกองทุนชุมชน{village.name}",
            village_id=village.id,
            established_on=established_on,
            vision=rng.choice(VISIONS),
            status=status,
            model_year=model_year,
            level=level,
            remarks="",
            committee_appointed_on=established_on,
            **_facts(rng, quality),
        )
    )
    info = CentreInfo(obj.pk, village, obj.name, status, level, established_on, quality)
    _member_funds(ctx, info, rng)
    return info


def _facts(rng, q: float) -> dict:
    def has(p: float) -> bool:
        return rng.random() < p

    written = has(0.5 + 0.5 * q)
    office = OfficeKind.PERMANENT if has(q) else OfficeKind.TEMPORARY
    return {
        "regulations_written": written,
        "regulations_approval": (
            (RegulationsApproval.MEMBERS_MEETING if has(q) else RegulationsApproval.COMMITTEE)
            if written
            else RegulationsApproval.NONE
        ),
        "regulations_followed": written and has(q),
        "regulations_topics": "การประชุม สมาชิก การให้กู้ยืม" if written else "",
        "office_kind": office,
        "office_has_sign": office == OfficeKind.PERMANENT or has(0.3),
        "office_has_board": has(q),
        "office_board_current": has(q * q),
        "office_shared": has(0.6),
        "office_has_floor_plan": has(q),
        "office_address": "ศาลาอเนกประสงค์ประจำหมู่บ้าน",
        "welfare_plan": has(0.3 + 0.6 * q),
        "welfare_members": has(0.2 + 0.6 * q),
        "welfare_community": has(0.4 * q),
        "support_discipline_training": has(0.4 + 0.5 * q),
        "support_occupation": has(0.3 + 0.5 * q),
        "support_group_form": has(0.5 * q),
        "learning_points": round(5 * q * rng.random()),
        "outside_visitors_per_year": round(300 * q * q * rng.random()),
    }


def _member_funds(ctx: Context, info: CentreInfo, rng) -> None:
    kinds = [kind for kind, (p, *_rest) in FUNDS.items() if rng.random() < p]
    for kind in FUNDS:  # a centre federates at least three groups (criterion 6)
        if len(kinds) >= 3:
            break
        if kind not in kinds:
            kinds.append(kind)
    village = info.village.name
    for kind in kinds:
        _p, pattern, (low, high), (cap_low, cap_high) = FUNDS[kind]
        fund = ctx.writer.add(
            MemberFund(
                centre_id=info.id,
                kind=kind,
                name=pattern.format(v=village, n=village.removeprefix("บ้าน")),
                members=rng.randint(low, high),
                capital=rng.randrange(cap_low, cap_high + 1, 1000) if cap_high else 0,
                updated_on=day_in(rng, fiscal_year_start(ctx.plan.fy), ctx.plan.as_of),
            )
        )
        creditor = ctx.writer.add(
            Creditor(
                centre_id=info.id,
                kind=CreditorKind.MEMBER_FUND,
                name=fund.name,
                member_fund_id=fund.pk,
            )
        )
        info.funds.append((kind, fund.name, fund.pk, fund.members))
        if kind != FundKind.OTHER_NONFINANCIAL:
            info.fund_creditors.append(creditor.pk)


def records(ctx: Context, info: CentreInfo, files) -> None:
    rng = ctx.plan.rng("records", info.village.code)
    committee = _committee(ctx, info, rng)
    _divisions(ctx, info, rng, committee)
    for fy in ctx.plan.record_years:
        first = max(fiscal_year_start(fy), info.established_on)
        last = min(fiscal_year_end(fy), ctx.plan.as_of)
        if first > last:
            continue
        _meetings(ctx, info, rng, first, last, len(committee))
        _trainings(ctx, info, rng, first, last)
        _visits(ctx, info, rng, first, last)
        _plan(ctx, info, rng, fy)
    _evidence(ctx, info, rng, files)


def _committee(ctx, info, rng) -> list[int]:
    roles = [CommitteeRole.CHAIR, CommitteeRole.VICE_CHAIR, CommitteeRole.SECRETARY]
    roles += [CommitteeRole.TREASURER] + [CommitteeRole.MEMBER] * rng.randint(3, 7)
    if rng.random() < 0.6:
        roles.append(CommitteeRole.ADVISOR)
    funds = [pk for _kind, _name, pk, _members in info.funds]
    ids = []
    for index, role in enumerate(roles):
        qualified = rng.random() < 0.15
        member = ctx.writer.add(
            CommitteeMember(
                centre_id=info.id,
                role=role,
                name=names.full_name(rng),
                phone=names.phone(rng) if index < 4 or rng.random() < 0.5 else "",
                represents_id=None if qualified else funds[index % len(funds)],
                is_qualified_person=qualified,
            )
        )
        ids.append(member.pk)
    return ids


def _divisions(ctx, info, rng, committee: list[int]) -> None:
    through = Division.members.through
    for name, duties in DIVISIONS[: rng.randint(2, 3)]:
        division = ctx.writer.add(Division(centre_id=info.id, name=name, duties=duties))
        for member in rng.sample(committee, rng.randint(2, 4)):
            ctx.writer.link(through, division_id=division.pk, committeemember_id=member)


def _meetings(ctx, info, rng, first, last, committee_size) -> None:
    q = info.quality
    count = min(12, max(3, round(6 + 6 * q + rng.gauss(0, 1.5))))
    dates = sorted({day_in(rng, first, last) for _ in range(count)})
    members_total = sum(members for *_rest, members in info.funds)
    for index, held_on in enumerate(dates):
        meeting = ctx.writer.add(
            Meeting(
                centre_id=info.id,
                kind=MeetingKind.COMMITTEE,
                held_on=held_on,
                attendees=max(1, committee_size - rng.randint(0, 3)),
                has_minutes=rng.random() < 0.7 + 0.3 * q,
                topic_debtors=rng.random() < 0.4,
                topic_negotiation=rng.random() < 0.25,
                topic_action_plan=index == 0,
            )
        )
        info.committee_meetings.append((meeting.pk, held_on))
    for _n in range(rng.randint(1, 3)):
        ctx.writer.add(
            Meeting(
                centre_id=info.id,
                kind=MeetingKind.MEMBERS,
                held_on=day_in(rng, first, last),
                attendees=round(members_total * rng.uniform(0.3, 0.5 + 0.45 * q)),
                members_total=members_total,
                has_minutes=rng.random() < 0.8,
                topic_action_plan=True,
            )
        )


def _trainings(ctx, info, rng, first, last) -> None:
    for _n in range(round(4 * info.quality * rng.random() + 0.3)):
        kind, title = rng.choice(TRAININGS)
        ctx.writer.add(
            Training(
                centre_id=info.id,
                kind=kind,
                held_on=day_in(rng, first, last),
                title=title,
                participants=rng.randint(10, 40),
            )
        )


def _visits(ctx, info, rng, first, last) -> None:
    district = ctx.district_names.get(info.village.district, "")
    for _n in range(rng.randint(2, 4 + round(6 * info.quality))):
        level = weighted(rng, VISITORS)
        ctx.writer.add(
            Visit(
                centre_id=info.id,
                visited_on=day_in(rng, first, last),
                visitor_level=level,
                visitor_name=f"{VisitorLevel(level).label}{district}"
                if level == VisitorLevel.DISTRICT
                else "",
                recommendations=rng.choice(RECOMMENDATIONS),
                acted_on=rng.random() < info.quality,
            )
        )


def _plan(ctx, info, rng, fy: int) -> None:
    plan = ctx.writer.add(
        ActionPlan(
            centre_id=info.id,
            fiscal_year=fy,
            members_participated=rng.random() < 0.5 + 0.5 * info.quality,
            covers_operations=rng.random() < info.quality,
        )
    )
    for name in rng.sample(ACTIVITIES, rng.randint(3, 6)):
        ctx.writer.add(
            PlanActivity(plan_id=plan.pk, name=name, done=rng.random() < 0.4 + 0.5 * info.quality)
        )


def _evidence(ctx, info, rng, files) -> None:
    uploader = ctx.district_users.get(info.village.district)
    for _n in range(round(6 * info.quality * rng.random())):
        photo = rng.random() < 0.7
        content, suffix, content_type = files.photo if photo else files.document
        name = f"evidence/{info.id}/{rng.getrandbits(128):032x}{suffix}"
        evidence = ctx.writer.add(
            Evidence(
                centre_id=info.id,
                file=default_storage.save(name, ContentFile(content)),
                title=rng.choice(EVIDENCE_TITLES),
                kind=EvidenceKind.PHOTO if photo else EvidenceKind.DOCUMENT,
                content_type=content_type,
                size=len(content),
                uploaded_by_id=uploader,
                fiscal_year=ctx.plan.fy,
            )
        )
        _evidence_tags(ctx, evidence, rng.sample(INDICATOR_CODES, rng.randint(1, 2)))


def _evidence_tags(ctx, evidence, codes: list[str]) -> None:
    for code in sorted(codes):
        ctx.writer.add(EvidenceTag(evidence_id=evidence.pk, indicator_code=code))


class EvidenceFiles:
    """A small real photo and PDF, made once, stored once per evidence row (each row owns
    its file, as an upload does, so deleting one leaves the others)."""

    def __init__(self):
        from PIL import Image

        out = io.BytesIO()
        Image.new("RGB", (64, 48), (196, 160, 96)).save(out, "JPEG", quality=80)
        self.photo = (out.getvalue(), ".jpg", "image/jpeg")
        self.document = (_TINY_PDF, ".pdf", "application/pdf")


_TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
