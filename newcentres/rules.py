"""The screening criteria for a new centre's village and the priority order, as pure functions.

From the FY2569 guide (seed 000, DOMAIN.md §3.1): seven area factors and one person
factor. Criterion 5 (sufficiency-economy village) is to be *considered*, so it is shown
but does not stop a village from passing; the rest are required, and so are at least
30 target households. Change `REQUIRED` or the thresholds here, nowhere else.
"""

from dataclasses import dataclass, field

MIN_WILLING_GROUPS = 3
MIN_TARGET_HOUSEHOLDS = 30
JPT_INCOME_THRESHOLD = 50_000  # baht per person per year (จปฐ.)

PERSON = "person"
CRITERIA = ["1", "2", "3", "4", "5", "6", "7", PERSON]
CRITERION_LABELS = {
    "1": "เป็นหมู่บ้านที่ไม่มีศูนย์จัดการกองทุนชุมชน",
    "2": "ไม่มีการดำเนินงานสถาบันการเงินชุมชนในรูปแบบอื่น",
    "3": "มีครัวเรือนมีปัญหาหนี้สิน / ไม่ผ่านเกณฑ์รายได้ จปฐ. / ถือบัตรสวัสดิการแห่งรัฐ",
    "4": "มีกลุ่มแกนหลักที่เข้มแข็งตามหลักธรรมาภิบาล",
    "5": "เป็นหมู่บ้านเศรษฐกิจพอเพียง (ประกอบการพิจารณา)",
    "6": f"มีกลุ่ม/กองทุนสมัครใจเข้าร่วมไม่น้อยกว่า {MIN_WILLING_GROUPS} กลุ่ม",
    "7": "มีสถานที่ทำการ (ใช้ร่วมกับกิจกรรมอื่นได้)",
    PERSON: "ปัจจัยด้านบุคคล: ผู้นำและตัวแทนกลุ่มที่เข้มแข็ง ซื่อสัตย์ มีประสบการณ์",
}
CRITERION_SHORT = {key: ("บุคคล" if key == PERSON else key) for key in CRITERIA}
REQUIRED = frozenset(CRITERIA) - {"5"}

# Core group kinds (the values of centres.models.FundKind) and their priority rank:
# a savings group or กข.คจ. first, then the village fund, then any other strong group.
CORE_KIND_RANK = {"savings": 0, "kkkj": 0, "village_fund": 1, "other_financial": 2}
NO_CORE_RANK = 3


@dataclass(frozen=True)
class ScreeningFacts:
    """What the officer recorded about a village, plus what the data says (has_centre)."""

    has_centre: bool = False
    other_institution: str = ""
    debt_households: int = 0
    low_income_households: int = 0
    welfare_card_households: int = 0
    core_kind: str = ""
    core_strong: bool = False
    sufficiency_village: bool = False
    willing_groups: tuple[str, ...] = ()
    office_place: str = ""
    leaders: str = ""
    leaders_qualified: bool = False
    target_households: int = 0


@dataclass(frozen=True)
class Outcome:
    key: str
    met: bool
    reason: str
    required: bool = True

    @property
    def label(self) -> str:
        return CRITERION_LABELS[self.key]


@dataclass(frozen=True)
class Evaluation:
    outcomes: list[Outcome] = field(default_factory=list)
    households_ok: bool = False
    households_reason: str = ""

    @property
    def unmet(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.required and not o.met]

    @property
    def passes(self) -> bool:
        return not self.unmet and self.households_ok

    @property
    def met_keys(self) -> list[str]:
        return [o.key for o in self.outcomes if o.met]

    def problems(self) -> list[str]:
        """Thai lines naming each unmet requirement and why."""
        lines = [f"หลักเกณฑ์ข้อ {CRITERION_SHORT[o.key]}: {o.reason}" for o in self.unmet]
        if not self.households_ok:
            lines.append(self.households_reason)
        return lines


def evaluate(facts: ScreeningFacts) -> Evaluation:
    outcomes = [
        _criterion_1(facts),
        _criterion_2(facts),
        _criterion_3(facts),
        _criterion_4(facts),
        _criterion_5(facts),
        _criterion_6(facts),
        _criterion_7(facts),
        _person(facts),
    ]
    ok = facts.target_households >= MIN_TARGET_HOUSEHOLDS
    reason = (
        f"ครัวเรือนเป้าหมาย {facts.target_households} ครัวเรือน"
        if ok
        else f"ครัวเรือนเป้าหมาย {facts.target_households} ครัวเรือน "
        f"ต้องไม่น้อยกว่า {MIN_TARGET_HOUSEHOLDS} ครัวเรือน"
    )
    return Evaluation(outcomes=outcomes, households_ok=ok, households_reason=reason)


def _criterion_1(f: ScreeningFacts) -> Outcome:
    if f.has_centre:
        return Outcome("1", False, "หมู่บ้านนี้มีศูนย์จัดการกองทุนชุมชนอยู่แล้ว")
    return Outcome("1", True, "ยังไม่มีศูนย์จัดการกองทุนชุมชนในระบบ")


def _criterion_2(f: ScreeningFacts) -> Outcome:
    if f.other_institution.strip():
        return Outcome("2", False, f"มีสถาบันการเงินชุมชนรูปแบบอื่น: {f.other_institution.strip()}")
    return Outcome("2", True, "ไม่มีสถาบันการเงินชุมชนรูปแบบอื่น")


def _criterion_3(f: ScreeningFacts) -> Outcome:
    counts = (f.debt_households, f.low_income_households, f.welfare_card_households)
    reason = (
        f"ครัวเรือนมีปัญหาหนี้สิน {counts[0]}, ต่ำกว่าเกณฑ์ จปฐ. "
        f"({JPT_INCOME_THRESHOLD:,} บาท/คน/ปี) {counts[1]}, ถือบัตรสวัสดิการแห่งรัฐ {counts[2]}"
    )
    if any(counts):
        return Outcome("3", True, reason)
    return Outcome("3", False, "ไม่มีครัวเรือนกลุ่มใดเลย — " + reason)


def _criterion_4(f: ScreeningFacts) -> Outcome:
    if f.core_kind not in CORE_KIND_RANK:
        return Outcome("4", False, "ไม่มีกลุ่ม/กองทุนที่เป็นแกนหลัก")
    if not f.core_strong:
        return Outcome("4", False, "กลุ่มแกนหลักยังไม่เข้มแข็งตามหลักธรรมาภิบาล")
    return Outcome("4", True, "มีกลุ่มแกนหลักที่เข้มแข็ง")


def _criterion_5(f: ScreeningFacts) -> Outcome:
    if f.sufficiency_village:
        return Outcome("5", True, "เป็นหมู่บ้านเศรษฐกิจพอเพียง", required=False)
    return Outcome("5", False, "ไม่เป็นหมู่บ้านเศรษฐกิจพอเพียง (ไม่บังคับ)", required=False)


def _criterion_6(f: ScreeningFacts) -> Outcome:
    count = len([name for name in f.willing_groups if name.strip()])
    if count >= MIN_WILLING_GROUPS:
        return Outcome("6", True, f"มีกลุ่ม/กองทุนสมัครใจเข้าร่วม {count} กลุ่ม")
    return Outcome(
        "6",
        False,
        f"มีกลุ่ม/กองทุนสมัครใจเข้าร่วม {count} กลุ่ม ต้องไม่น้อยกว่า {MIN_WILLING_GROUPS} กลุ่ม",
    )


def _criterion_7(f: ScreeningFacts) -> Outcome:
    if f.office_place.strip():
        return Outcome("7", True, f"สถานที่ทำการ: {f.office_place.strip()}")
    return Outcome("7", False, "ยังไม่มีสถานที่ทำการ")


def _person(f: ScreeningFacts) -> Outcome:
    if not f.leaders.strip():
        return Outcome(PERSON, False, "ยังไม่ได้ระบุผู้นำที่จะเป็นคณะกรรมการ")
    if not f.leaders_qualified:
        return Outcome(PERSON, False, "ผู้นำที่เสนอยังไม่ผ่านการพิจารณาด้านบุคคล")
    return Outcome(PERSON, True, "มีผู้นำและตัวแทนกลุ่มที่เหมาะสม")


def core_rank(core_kind: str) -> int:
    return CORE_KIND_RANK.get(core_kind, NO_CORE_RANK)


def priority_key(core_kind: str, target_households: int, sequence: int) -> tuple[int, int, int]:
    """Sort key: core group kind first, then more target households, then who came first."""
    return (core_rank(core_kind), -target_households, sequence)
