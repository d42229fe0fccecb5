"""Demo centres: the 16 Nong Khai centres of the FY2568 register (seed 001, attachment 2),
and full records (funds, committee, meetings, visits, plans…) for two centres of อ.เฝ้าไร่
so that every screen and the rubric's suggestions have something to show.
"""

import csv
import datetime
from pathlib import Path

from django.conf import settings

from cdfmc.geo.models import Village
from centres.models import (
    ActionPlan,
    Centre,
    CommitteeMember,
    Division,
    FundKind,
    Meeting,
    MeetingKind,
    MemberFund,
    PlanActivity,
    Training,
    TrainingKind,
    Visit,
    VisitorLevel,
)

REGISTER = Path(settings.BASE_DIR) / "fixtures" / "nongkhai_register_2568.tsv"


def load(stdout=None):
    load_register_centres()
    for record in DEMO_RECORDS:
        load_centre_records(**record)
    if stdout:
        stdout.write(f"centres: {Centre.objects.count()} centres, records for {len(DEMO_RECORDS)}")


def load_register_centres():
    """The 16 centres of the seed register, through the register importer (all or nothing)."""
    from centres.registers import parse_register, register_import

    with REGISTER.open(encoding="utf-8") as fh:
        register_import(rows=parse_register(list(csv.reader(fh, delimiter="\t"))))


def _d(be_year: int, month: int, day: int) -> datetime.date:
    return datetime.date(be_year - 543, month, day)


# FY2568 runs from October 2567 to September 2568 (BE).
FY2568_MONTHS = [(2567, 10), (2567, 11), (2567, 12)] + [(2568, m) for m in range(1, 10)]

DEMO_RECORDS = [
    {
        # Level 2 in the register: a sound centre with gaps the rubric shows.
        "subdistrict_name": "วังหลวง",
        "number": 2,
        "population": 812,
        "households": 231,
        "facts": {
            "established_on": _d(2562, 6, 14),
            "vision": "รวมพลังกลุ่มการเงิน แก้หนี้ครัวเรือน สร้างชุมชนพึ่งตนเอง",
            "committee_appointed_on": _d(2567, 10, 3),
            "regulations_written": True,
            "regulations_approval": "members_meeting",
            "regulations_approved_on": _d(2567, 11, 20),
            "regulations_topics": "การประชุม สมาชิก การให้กู้ยืม",
            "office_kind": "permanent",
            "office_has_sign": True,
            "office_has_board": True,
            "office_shared": True,
            "office_address": "ศาลาอเนกประสงค์บ้านหนองควาย",
            "welfare_plan": True,
            "welfare_members": True,
            "support_discipline_training": True,
            "support_occupation": True,
            "learning_points": 1,
            "learning_description": "จุดเรียนรู้บัญชีครัวเรือน",
            "outside_visitors_per_year": 40,
        },
        "funds": [
            (FundKind.SAVINGS, "กลุ่มออมทรัพย์เพื่อการผลิตบ้านหนองควาย", 186, 2450000),
            (FundKind.KKKJ, "กองทุน กข.คจ. บ้านหนองควาย", 64, 280000),
            (FundKind.VILLAGE_FUND, "กองทุนหมู่บ้านหนองควาย", 203, 1620000),
        ],
        "committee": [
            ("chair", "นายบุญเลิศ ศรีสุข", "0812345601", 0),
            ("vice_chair", "นางสมปอง แก้วมณี", "0812345602", 2),
            ("secretary", "นางสาวจันทร์เพ็ญ พรมมา", "0812345603", 1),
            ("treasurer", "นางทองใบ สายสุด", "0812345604", 0),
            ("member", "นายประยูร คำภู", "", 2),
            ("member", "นายสุพัฒน์ ใจมั่น", "", None),
        ],
        "committee_meetings": 11,
        "members_meetings": [(118, 186), (102, 186)],
        "trainings": 2,
        "visits": [
            ("district", True),
            ("district", False),
            ("province", False),
            ("district", False),
        ],
        "plan": [
            ("ประชุมคณะกรรมการประจำเดือน", True),
            ("อบรมบัญชีครัวเรือน", True),
            ("สำรวจหนี้ครัวเรือนสมาชิก", True),
            ("จัดตั้งกลุ่มอาชีพ", False),
        ],  # fmt: skip
        "plan_participated": True,
        "plan_covers": False,
    },
    {
        # Level 3 in the register: a strong candidate for the provincial selection.
        "subdistrict_name": "เฝ้าไร่",
        "number": 3,
        "population": 1045,
        "households": 298,
        "facts": {
            "established_on": _d(2560, 9, 1),
            "vision": "ยึด ลด ปลด หมดหนี้ ครัวเรือนมีวินัยการเงิน ชุมชนเข้มแข็ง",
            "committee_appointed_on": _d(2567, 10, 1),
            "regulations_written": True,
            "regulations_approval": "members_meeting",
            "regulations_approved_on": _d(2567, 10, 25),
            "regulations_followed": True,
            "regulations_topics": "การประชุม สมาชิก การให้กู้ยืม แผนปฏิบัติการ",
            "office_kind": "permanent",
            "office_has_sign": True,
            "office_has_board": True,
            "office_board_current": True,
            "office_has_floor_plan": True,
            "office_address": "อาคารที่ทำการศูนย์ เลขที่ 99 หมู่ 3",
            "welfare_plan": True,
            "welfare_members": True,
            "welfare_community": True,
            "welfare_notes": "ทุนการศึกษา ค่ารักษาพยาบาล ฌาปนกิจ",
            "support_discipline_training": True,
            "support_occupation": True,
            "support_group_form": True,
            "support_notes": "กลุ่มเลี้ยงโค กลุ่มทอผ้า",
            "learning_points": 4,
            "learning_description": "ฐานบัญชีครัวเรือน ฐานปรับโครงสร้างหนี้ ฐานออมปลดหนี้ ฐานอาชีพ",
            "outside_visitors_per_year": 320,
        },
        "funds": [
            (FundKind.SAVINGS, "กลุ่มออมทรัพย์เพื่อการผลิตบ้านจับไม้", 254, 4120000),
            (FundKind.KKKJ, "กองทุน กข.คจ. บ้านจับไม้", 88, 350000),
            (FundKind.VILLAGE_FUND, "กองทุนหมู่บ้านจับไม้", 240, 1980000),
            (FundKind.OTHER_NONFINANCIAL, "กลุ่มเลี้ยงโคบ้านจับไม้", 32, 0),
        ],
        "committee": [
            ("chair", "นายสมบัติ จันทร์หอม", "0898765401", 0),
            ("vice_chair", "นายวิชัย ทองดี", "0898765402", 1),
            ("secretary", "นางสาวรัตนา บุญมา", "0898765403", 2),
            ("treasurer", "นางอำไพ ศรีจันทร์", "0898765404", 0),
            ("member", "นายบัวผัน โคตรวงศ์", "", 3),
            ("member", "นางละมัย พันธ์ดี", "", 2),
            ("advisor", "นายเสถียร ปัญญาดี", "0898765407", None),
        ],
        "committee_meetings": 12,
        "members_meetings": [(220, 254), (201, 254), (230, 254)],
        "trainings": 3,
        "visits": [("district", True)] * 4
        + [
            ("province", True),
            ("local_government", True),
            ("financial_institution", False),
            ("department", True),
        ],  # fmt: skip
        "plan": [
            ("ประชุมคณะกรรมการประจำเดือน", True),
            ("อบรมวินัยทางการเงิน", True),
            ("เจรจาปรับโครงสร้างหนี้กับ ธ.ก.ส.", True),
            ("ส่งเสริมกลุ่มเลี้ยงโค", True),
            ("ถอดบทเรียนแหล่งเรียนรู้", False),
        ],  # fmt: skip
        "plan_participated": True,
        "plan_covers": True,
    },
]

TRAINING_TITLES = [
    (TrainingKind.TRAINING, "อบรมการบริหารจัดการหนี้ครัวเรือน"),
    (TrainingKind.STUDY_VISIT, "ศึกษาดูงานศูนย์จัดการกองทุนชุมชนบ้านคำปะกั้ง"),
    (TrainingKind.SEMINAR, "สัมมนาเครือข่ายศูนย์จัดการกองทุนชุมชนจังหวัดหนองคาย"),
]


def load_centre_records(*, subdistrict_name, number, **record):
    """Records of one demo centre; a centre that already has a committee is left alone."""
    centre = (
        Centre.objects.filter(
            village__subdistrict__district__province="43",
            village__subdistrict__name_th=subdistrict_name,
            village__number=number,
        )
        .select_related("village")
        .first()
    )
    if centre is None or centre.committee.exists():
        return
    Village.objects.filter(pk=centre.village_id).update(
        population=record["population"], households=record["households"]
    )
    for name, value in record["facts"].items():
        setattr(centre, name, value)
    centre.save()
    funds = [
        MemberFund.objects.create(
            centre=centre,
            kind=kind,
            name=name,
            members=members,
            capital=capital,
            updated_on=_d(2568, 6, 30),
        )  # fmt: skip
        for kind, name, members, capital in record["funds"]
    ]
    members = [
        CommitteeMember.objects.create(
            centre=centre,
            role=role,
            name=name,
            phone=phone,
            represents=funds[fund] if fund is not None else None,
            is_qualified_person=fund is None,
        )  # fmt: skip
        for role, name, phone, fund in record["committee"]
    ]
    _divisions(centre, members)
    _meetings(centre, record)
    for i in range(record["trainings"]):
        kind, title = TRAINING_TITLES[i % len(TRAINING_TITLES)]
        Training.objects.create(
            centre=centre, kind=kind, title=title, held_on=_d(2568, 2 + 2 * i, 15), participants=25
        )
    for i, (level, acted_on) in enumerate(record["visits"]):
        year, month = FY2568_MONTHS[i % 12]
        Visit.objects.create(
            centre=centre, visited_on=_d(year, month, 20), visitor_level=VisitorLevel(level),
            visitor_name="", recommendations="ให้ปรับปรุงทะเบียนลูกหนี้ให้เป็นปัจจุบัน",
            acted_on=acted_on,
        )  # fmt: skip
    plan = ActionPlan.objects.create(
        centre=centre, fiscal_year=2568,
        members_participated=record["plan_participated"], covers_operations=record["plan_covers"],
    )  # fmt: skip
    for name, done in record["plan"]:
        PlanActivity.objects.create(plan=plan, name=name, done=done)


def _divisions(centre, members):
    executive = Division.objects.create(
        centre=centre, name="ฝ่ายอำนวยการ", duties="ประสานงาน จัดประชุม จัดทำรายงานการประชุม"
    )
    executive.members.set(members[:3])
    audit = Division.objects.create(
        centre=centre, name="ฝ่ายติดตาม/ตรวจสอบ", duties="ติดตามลูกหนี้ ตรวจสอบบัญชีและเอกสาร"
    )
    audit.members.set(members[3:5])


def _meetings(centre, record):
    for i in range(record["committee_meetings"]):
        year, month = FY2568_MONTHS[i]
        Meeting.objects.create(
            centre=centre, kind=MeetingKind.COMMITTEE, held_on=_d(year, month, 5),
            attendees=len(record["committee"]) - 1, has_minutes=True,
            topic_debtors=i % 2 == 0, topic_negotiation=i % 4 == 1, topic_action_plan=i == 0,
        )  # fmt: skip
    for i, (present, total) in enumerate(record["members_meetings"]):
        Meeting.objects.create(
            centre=centre, kind=MeetingKind.MEMBERS, held_on=_d(2568, 1 + 4 * i, 12),
            attendees=present, members_total=total, has_minutes=True, topic_action_plan=i == 0,
        )  # fmt: skip
