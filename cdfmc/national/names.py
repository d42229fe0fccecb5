"""Plausible Thai names from syllable lists, and valid citizen IDs (pure, seeded).

Names are made of common syllables of Isan and central Thai names, so lists sort and wrap
as real ones do; none is taken from a real register.
"""

import random

from debts.rules import citizen_id_check_digit

MALE_FIRST = ["สม", "บุญ", "ประ", "วิ", "สุ", "ทอง", "ศรี", "ชัย", "อำ", "คำ", "บัว", "เสถียร"]
MALE_SECOND = ["ชาย", "มี", "ยูร", "ชัย", "พล", "ศักดิ์", "ผัน", "เลิศ", "พัฒน์", "ทัศน์", "สิทธิ์", "วงศ์"]
FEMALE_FIRST = ["สม", "จันทร์", "ทอง", "รัต", "อำ", "ละ", "บุญ", "ศรี", "วิ", "กัญ", "นง", "พิม"]
FEMALE_SECOND = ["หญิง", "เพ็ญ", "ใบ", "นา", "ไพ", "มัย", "เรือน", "สุดา", "ไล", "ญา", "ลักษณ์", "พร"]
LAST_FIRST = ["ศรี", "แก้ว", "พรม", "ทอง", "บุญ", "ใจ", "คำ", "สาย", "จันทร์", "โคตร", "พันธ์", "ภู"]
LAST_SECOND = ["สุข", "มณี", "มา", "สุด", "ภู", "มั่น", "เรือง", "ดี", "วงศ์", "หอม", "ปัญญา", "ไชย"]
LAST_THIRD = ["", "", "", "ศรี", "ทอง", "วงศ์", "สกุล", "พันธ์"]

VILLAGE_FIRST = ["หนอง", "โนน", "นา", "ดอน", "ห้วย", "โคก", "ป่า", "ท่า", "วัง", "หัว", "สวน", "ทุ่ง"]
VILLAGE_SECOND = ["บัว", "ไผ่", "แดง", "ใหญ่", "ยาง", "สะอาด", "คำ", "ทอง", "ผือ", "หว้า", "ขาม", "ม่วง"]
VILLAGE_THIRD = ["", "", "", "", "ใต้", "เหนือ", "ใหม่", "พัฒนา", "น้อย", "สามัคคี"]

OCCUPATIONS = ["ทำนา", "ทำไร่", "ปลูกยางพารา", "รับจ้างทั่วไป", "ค้าขาย", "เลี้ยงสัตว์", "ประมง", "ทำสวน"]


def first_name(rng: random.Random, *, female: bool) -> str:
    if female:
        return rng.choice(FEMALE_FIRST) + rng.choice(FEMALE_SECOND)
    return rng.choice(MALE_FIRST) + rng.choice(MALE_SECOND)


def last_name(rng: random.Random) -> str:
    return rng.choice(LAST_FIRST) + rng.choice(LAST_SECOND) + rng.choice(LAST_THIRD)


def title(rng: random.Random, *, female: bool, married: bool = True) -> str:
    if not female:
        return "นาย"
    return "นาง" if married else "นางสาว"


def full_name(rng: random.Random) -> str:
    """ "นางสมหญิง ศรีสุข" as committees and visitors' books write it."""
    female = rng.random() < 0.5
    name = first_name(rng, female=female)
    return f"{title(rng, female=female)}{name} {last_name(rng)}"


def village_name(rng: random.Random, taken: set[str]) -> str:
    """ "บ้านหนองบัวใต้", unique within `taken` (one subdistrict), which it extends."""
    for _attempt in range(50):
        name = "บ้าน" + rng.choice(VILLAGE_FIRST) + rng.choice(VILLAGE_SECOND)
        name += rng.choice(VILLAGE_THIRD)
        if name not in taken:
            break
    else:
        name = f"{name}{len(taken) + 1}"
    taken.add(name)
    return name


def phone(rng: random.Random) -> str:
    return f"0{rng.choice('689')}{rng.randrange(10_000_000, 100_000_000)}"


class CitizenIds:
    """Valid, unique 13-digit IDs: kind digit, the district of registration, a serial, and
    the check digit of `debts.rules` (kind 3 for people registered before 1984, else 1)."""

    def __init__(self):
        self._serials: dict[str, int] = {}

    def next(self, *, district_code: str, older: bool) -> str:
        prefix = ("3" if older else "1") + district_code
        serial = self._serials.get(prefix, 0) + 1
        self._serials[prefix] = serial
        first12 = f"{prefix}{serial:07d}"
        return first12 + str(citizen_id_check_digit(first12))
