"""Suggested levels from a centre's data (DOMAIN.md §6): pure functions over plain facts.

Each rule reads a `CentreFacts` for one fiscal year and returns the level its facts meet
(0 = level 1 not met) with a one-line Thai reason, or no level when the data is missing.
Points come from the rubric (they are editable per rubric version), not from here.
Every threshold is in `THRESHOLDS` below: "less than" is strict, "X–Y" includes both ends,
"more than" is strict, and nothing done (0) never meets level 1.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction


@dataclass(frozen=True)
class Band:
    """Level 1 below `low` (but above 0), level 2 from `low` to `high` inclusive, 3 above."""

    low: Fraction
    high: Fraction

    def level(self, rate: Fraction) -> int:
        if rate <= 0:
            return 0
        if rate < self.low:
            return 1
        if rate <= self.high:
            return 2
        return 3

    @property
    def marks(self) -> tuple[Fraction, Fraction]:
        return (self.low, self.high)


@dataclass(frozen=True)
class Steps:
    """Counts: level n once the count reaches the n-th step."""

    steps: tuple[int, int, int]

    def level(self, count: int) -> int:
        return sum(1 for step in self.steps if count >= step)


# The one place where the rubric's numbers live (Nong Khai FY2568, seed 001).
THRESHOLDS = {
    "committee_meetings": Steps((10, 11, 12)),  # 1.3 meetings a year, minutes every time
    "member_origin": Steps((1, 2, 3)),  # 1.4 member groups: 1, 2, more than 2
    "committee_origin": Steps((1, 2, 3)),  # 1.1 member groups represented
    "action_plan_done": Fraction(50),  # 2.4 "not less than 50%" of activities done
    "restructuring_coverage": Band(Fraction(50), Fraction(60)),  # 2.5
    "trainings": Steps((1, 2, 3)),  # 2.8 a year
    "member_participation": Band(Fraction(50), Fraction(75)),  # 2.9
    "monitoring_visits": 6,  # 2.10: fewer than 6 / 6 or more / more than 6 with action
    "debt_reduced": Band(Fraction(60), Fraction(80)),  # 3.2
    "debt_free": Band(Fraction(3), Fraction(5)),  # 3.3
}


@dataclass
class CentreFacts:
    """What the centre's records say for one fiscal year. None: not recorded / not available."""

    fiscal_year: int
    # 1.1 committee
    funds_represented: int | None = None
    has_advisor: bool | None = None
    # 1.3
    committee_meetings: int | None = None
    committee_meetings_with_minutes: int | None = None
    # 1.4 / 2.1
    member_funds: int | None = None
    member_funds_updated: int | None = None
    # 1.5
    regulations_written: bool | None = None
    regulations_approval: str | None = None  # none / committee / members_meeting
    regulations_followed: bool | None = None
    # 1.6
    office_kind: str | None = None  # none / temporary / permanent
    office_has_sign: bool | None = None
    office_has_board: bool | None = None
    office_board_current: bool | None = None
    # 2.2 / 2.3 / 2.5 / 3.2 / 3.3 (debts)
    debtors: int | None = None
    classified_debtors: int | None = None
    meetings_on_debtors: int | None = None
    meetings_on_negotiation: int | None = None
    target_households: int | None = None
    restructured: int | None = None
    one_contract_households: int | None = None
    reduced: int | None = None  # debt-free households included
    debt_free: int | None = None
    # 2.4
    plan_exists: bool | None = None
    plan_members_participated: bool | None = None
    plan_covers_operations: bool | None = None
    plan_activities: int | None = None
    plan_activities_done: int | None = None
    # 2.6 / 2.7
    support_discipline_training: bool | None = None
    support_occupation: bool | None = None
    support_group_form: bool | None = None
    welfare_plan: bool | None = None
    welfare_members: bool | None = None
    welfare_community: bool | None = None
    # 2.8 / 2.9 / 2.10
    trainings: int | None = None
    members_meetings: int | None = None
    members_attended: int | None = None  # summed over members' meetings
    members_expected: int | None = None  # summed members totals of those meetings
    visits: int | None = None
    visits_acted_on: int | None = None
    # Why a group of facts is missing (e.g. the debts app is not installed yet).
    missing: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    """What a rule found: the level met (0 = none) or None, and the facts in words."""

    level: int | None
    facts: str


@dataclass(frozen=True)
class Suggestion:
    level: int | None
    points: int | None
    reason: str


def _unknown(facts: CentreFacts, key: str, default: str) -> Finding:
    return Finding(None, facts.missing.get(key, default))


def percent(part: int, whole: int) -> Fraction:
    return Fraction(part * 100, whole)


def show_percent(rate: Fraction, marks: tuple[Fraction, ...] = ()) -> str:
    """One decimal, or more where rounding would show a threshold the rate is not on
    (4 of 135 is 2.96%, not "3%", which would read as level 2 beside "level 1")."""
    for digits in (1, 2, 3):
        text = f"{float(rate):.{digits}f}"
        if rate in marks or Fraction(text) not in marks:
            break
    return text.removesuffix(".0")


def committee_origin(f: CentreFacts) -> Finding:
    if f.funds_represented is None:
        return _unknown(f, "committee", "ยังไม่ได้บันทึกคณะกรรมการและกลุ่มที่เป็นตัวแทน")
    n = f.funds_represented
    level = THRESHOLDS["committee_origin"].level(n)
    advisor = "มีที่ปรึกษา" if f.has_advisor else "ไม่มีที่ปรึกษา"
    if level >= 2 and not f.has_advisor:
        level = 1  # levels 2 and 3 require advisors
    return Finding(level, f"กรรมการเป็นตัวแทนจาก {n} กลุ่ม/กองทุน {advisor}")


def committee_meetings(f: CentreFacts) -> Finding:
    if f.committee_meetings is None:
        return _unknown(f, "meetings", "ยังไม่ได้บันทึกการประชุมคณะกรรมการ")
    minuted = f.committee_meetings_with_minutes or 0
    level = THRESHOLDS["committee_meetings"].level(minuted)
    if minuted == f.committee_meetings:
        text = f"ประชุมคณะกรรมการ {minuted} ครั้ง มีบันทึกทุกครั้ง"
    else:
        text = (
            f"ประชุมคณะกรรมการ {f.committee_meetings} ครั้ง มีบันทึกการประชุม {minuted} ครั้ง"
            " (นับเฉพาะครั้งที่มีบันทึก)"
        )
    return Finding(level, text)


def member_origin(f: CentreFacts) -> Finding:
    if f.member_funds is None:
        return _unknown(f, "funds", "ยังไม่ได้บันทึกกลุ่ม/กองทุนสมาชิก")
    level = THRESHOLDS["member_origin"].level(f.member_funds)
    return Finding(level, f"สมาชิกมาจาก {f.member_funds} กลุ่ม/กองทุน")


def regulations(f: CentreFacts) -> Finding:
    if f.regulations_written is None:
        return _unknown(f, "centre", "ยังไม่ได้บันทึกข้อมูลระเบียบข้อบังคับ")
    if not f.regulations_written:
        return Finding(0, "ไม่มีระเบียบข้อบังคับเป็นลายลักษณ์อักษร")
    if f.regulations_approval != "members_meeting":
        return Finding(1, "มีระเบียบเป็นลายลักษณ์อักษร กำหนดโดยคณะกรรมการ ยังไม่ผ่านที่ประชุมสมาชิก")
    if f.regulations_followed:
        return Finding(3, "ระเบียบผ่านความเห็นชอบของที่ประชุมสมาชิก และคณะกรรมการปฏิบัติตาม")
    return Finding(2, "ระเบียบผ่านความเห็นชอบของที่ประชุมสมาชิก")


def office(f: CentreFacts) -> Finding:
    if f.office_kind is None:
        return _unknown(f, "centre", "ยังไม่ได้บันทึกข้อมูลสถานที่ทำการ")
    if f.office_kind == "none":
        return Finding(0, "ไม่มีสถานที่ทำการ")
    if f.office_kind == "temporary":
        return Finding(1, "สถานที่ทำการชั่วคราว")
    if not (f.office_has_sign and f.office_has_board):
        return Finding(1, "อาคารถาวร แต่ยังไม่มีป้ายชื่อศูนย์หรือป้ายแสดงข้อมูลการดำเนินงาน")
    if f.office_board_current:
        return Finding(3, "อาคารถาวร มีป้ายชื่อ ป้ายข้อมูลการดำเนินงานเป็นปัจจุบัน")
    return Finding(2, "อาคารถาวร มีป้ายชื่อ ป้ายข้อมูลการดำเนินงานไม่เป็นปัจจุบัน")


def fund_database(f: CentreFacts) -> Finding:
    if f.member_funds is None or f.member_funds_updated is None:
        return _unknown(f, "funds", "ยังไม่ได้บันทึกกลุ่ม/กองทุนสมาชิกพร้อมวันที่ปรับปรุงข้อมูล")
    if f.member_funds == 0:
        return Finding(0, "ไม่มีฐานข้อมูลกลุ่ม/กองทุนสมาชิก")
    text = (
        f"ฐานข้อมูลกลุ่ม/กองทุนสมาชิกในระบบ {f.member_funds} กลุ่ม ปรับปรุงในปี {f.member_funds_updated} กลุ่ม"
    )
    # Kept in this program: a complete, current database meets level 3 outright.
    return Finding(3 if f.member_funds_updated == f.member_funds else 1, text)


def debtor_classification(f: CentreFacts) -> Finding:
    if f.debtors is None or f.classified_debtors is None:
        return _unknown(f, "debts", "ยังไม่มีข้อมูลลูกหนี้")
    if f.debtors == 0 or f.classified_debtors == 0:
        return Finding(0, f"ลูกหนี้ {f.debtors} ราย จัดประเภทแล้ว {f.classified_debtors} ราย")
    text = f"ลูกหนี้ {f.debtors} ราย วิเคราะห์ในระบบและจัดประเภทแล้ว {f.classified_debtors} ราย"
    # Level 3 needs the committee's own criteria: a judgement, never suggested.
    return Finding(2 if f.classified_debtors >= f.debtors else 1, text)


def restructuring_process(f: CentreFacts) -> Finding:
    if f.meetings_on_debtors is None:
        return _unknown(f, "meetings", "ยังไม่ได้บันทึกการประชุม")
    debtors, negotiation = f.meetings_on_debtors, f.meetings_on_negotiation or 0
    text = f"ประชุมเรื่องหนี้ของลูกหนี้ {debtors} ครั้ง เจรจาระหว่างลูกหนี้กับเจ้าหนี้ {negotiation} ครั้ง"
    if debtors == 0 and negotiation == 0:
        return Finding(0, text)
    if negotiation == 0:
        return Finding(1, text)
    done = f.one_contract_households or 0
    if f.restructured and done:
        return Finding(3, f"{text} ปรับโครงสร้างหนี้สำเร็จ ๑ ครัวเรือน ๑ สัญญา {done} ครัวเรือน")
    return Finding(2, text)


def action_plan(f: CentreFacts) -> Finding:
    if f.plan_exists is None:
        return _unknown(f, "plan", "ยังไม่ได้บันทึกแผนปฏิบัติการ")
    if not f.plan_exists:
        return Finding(0, "ไม่มีแผนปฏิบัติการประจำปี")
    if not f.plan_members_participated:
        return Finding(0, "มีแผนปฏิบัติการ แต่สมาชิกไม่ได้มีส่วนร่วมจัดทำ")
    if not f.plan_covers_operations:
        return Finding(1, "สมาชิกมีส่วนร่วมจัดทำแผน แผนยังไม่ครอบคลุมการดำเนินงานของศูนย์")
    planned, done = f.plan_activities or 0, f.plan_activities_done or 0
    if planned == 0:
        return Finding(2, "แผนครอบคลุมการดำเนินงาน ยังไม่ได้บันทึกกิจกรรม")
    rate, mark = percent(done, planned), THRESHOLDS["action_plan_done"]
    shown = show_percent(rate, (mark,))
    text = f"แผนครอบคลุมการดำเนินงาน ทำกิจกรรมแล้ว {done} จาก {planned} ({shown}%)"
    return Finding(3 if rate >= mark else 2, text)


def _rate_rule(key: str, part: int | None, whole: int | None, what: str) -> Finding:
    if whole is None or part is None:
        return Finding(None, "ยังไม่มีข้อมูลครัวเรือนเป้าหมาย")
    if whole == 0:
        return Finding(None, "ยังไม่มีครัวเรือนเป้าหมาย")
    rate, band = percent(part, whole), THRESHOLDS[key]
    text = f"{what} {part} จาก {whole} ครัวเรือนเป้าหมาย ({show_percent(rate, band.marks)}%)"
    return Finding(band.level(rate), text)


def restructuring_coverage(f: CentreFacts) -> Finding:
    if f.target_households is None:
        return _unknown(f, "debts", "ยังไม่มีข้อมูลครัวเรือนเป้าหมาย")
    return _rate_rule(
        "restructuring_coverage", f.restructured, f.target_households, "ปรับโครงสร้างหนี้"
    )


def household_support(f: CentreFacts) -> Finding:
    if f.support_discipline_training is None:
        return _unknown(f, "centre", "ยังไม่ได้บันทึกกิจกรรมสนับสนุนครัวเรือน")
    if not f.support_discipline_training:
        return Finding(0, "ยังไม่มีการอบรมวินัยทางการเงิน/บัญชีครัวเรือน")
    if not f.support_occupation:
        return Finding(1, "อบรมวินัยทางการเงินและบัญชีครัวเรือน")
    if f.support_group_form:
        return Finding(3, "อบรมวินัยทางการเงิน ส่งเสริมอาชีพ ในลักษณะกลุ่ม")
    return Finding(2, "อบรมวินัยทางการเงิน และส่งเสริมอาชีพ")


def welfare(f: CentreFacts) -> Finding:
    if f.welfare_plan is None:
        return _unknown(f, "centre", "ยังไม่ได้บันทึกข้อมูลสวัสดิการ")
    if not f.welfare_plan:
        return Finding(0, "ไม่มีแผนจัดสวัสดิการ")
    if not f.welfare_members:
        return Finding(1, "มีแผนจัดสวัสดิการให้สมาชิก")
    if f.welfare_community:
        return Finding(3, "มีแผน จัดสวัสดิการให้สมาชิกและชุมชน")
    return Finding(2, "มีแผน และจัดสวัสดิการให้สมาชิกกลุ่ม")


def trainings(f: CentreFacts) -> Finding:
    if f.trainings is None:
        return _unknown(f, "trainings", "ยังไม่ได้บันทึกการฝึกอบรม/ศึกษาดูงาน")
    level = THRESHOLDS["trainings"].level(f.trainings)
    return Finding(level, f"ฝึกอบรม/สัมมนา/ศึกษาดูงาน {f.trainings} ครั้ง")


def member_participation(f: CentreFacts) -> Finding:
    if f.members_meetings is None:
        return _unknown(f, "meetings", "ยังไม่ได้บันทึกการประชุมสมาชิก")
    if f.members_meetings == 0 or not f.members_expected:
        return Finding(0, "ไม่มีการประชุมสมาชิกที่บันทึกผู้เข้าร่วม")
    rate, band = (
        percent(f.members_attended or 0, f.members_expected),
        THRESHOLDS["member_participation"],
    )
    shown = show_percent(rate, band.marks)
    text = f"ประชุมสมาชิก {f.members_meetings} ครั้ง ผู้เข้าร่วมเฉลี่ย {shown}% ของสมาชิก"
    return Finding(band.level(rate), text)


def monitoring(f: CentreFacts) -> Finding:
    if f.visits is None:
        return _unknown(f, "visits", "ยังไม่ได้บันทึกการตรวจเยี่ยม")
    n, acted, step = f.visits, f.visits_acted_on or 0, THRESHOLDS["monitoring_visits"]
    text = f"ได้รับการติดตาม {n} ครั้ง นำคำแนะนำไปจัดทำแผน {acted} ครั้ง"
    if n == 0:
        return Finding(0, text)
    if n < step:
        return Finding(1, text)
    return Finding(3 if n > step and acted else 2, text)


def debt_reduced(f: CentreFacts) -> Finding:
    if f.target_households is None:
        return _unknown(f, "debts", "ยังไม่มีข้อมูลครัวเรือนเป้าหมาย")
    return _rate_rule("debt_reduced", f.reduced, f.target_households, "ลดหนี้ได้ (รวมปลดหนี้)")


def debt_free(f: CentreFacts) -> Finding:
    if f.target_households is None:
        return _unknown(f, "debts", "ยังไม่มีข้อมูลครัวเรือนเป้าหมาย")
    return _rate_rule("debt_free", f.debt_free, f.target_households, "ปลดหนี้ได้")


# Rule names as a rubric's indicator stores them.
RULES: dict[str, Callable[[CentreFacts], Finding]] = {
    "committee_origin": committee_origin,
    "committee_meetings": committee_meetings,
    "member_origin": member_origin,
    "regulations": regulations,
    "office": office,
    "fund_database": fund_database,
    "debtor_classification": debtor_classification,
    "restructuring_process": restructuring_process,
    "action_plan": action_plan,
    "restructuring_coverage": restructuring_coverage,
    "household_support": household_support,
    "welfare": welfare,
    "trainings": trainings,
    "member_participation": member_participation,
    "monitoring": monitoring,
    "debt_reduced": debt_reduced,
    "debt_free": debt_free,
}
RULE_CHOICES = [(name, name) for name in RULES]


def suggest(rule: str, facts: CentreFacts, points: Mapping[int, int]) -> Suggestion:
    """The rule's level with the rubric's points and the one-line reason shown to assessors.

    >>> suggest("trainings", CentreFacts(2568, trainings=2), {1: 3, 2: 4, 3: 5}).reason
    'ฝึกอบรม/สัมมนา/ศึกษาดูงาน 2 ครั้ง ในปีงบประมาณ 2568 → ระดับ 2 (4 คะแนน)'
    """
    finding = RULES[rule](facts)
    if finding.level is None:
        return Suggestion(None, None, f"ไม่มีข้อเสนอแนะ: {finding.facts}")
    got = points.get(finding.level, 0) if finding.level else 0
    outcome = f"ระดับ {finding.level} ({got} คะแนน)" if finding.level else "ไม่ถึงระดับ 1 (0 คะแนน)"
    return Suggestion(
        finding.level, got, f"{finding.facts} ในปีงบประมาณ {facts.fiscal_year} → {outcome}"
    )
