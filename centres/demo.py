"""Demo centres: the 16 Nong Khai centres of the FY2568 register (seed 001, attachment 2)."""

import csv
import re
from pathlib import Path

from django.conf import settings

from cdfmc.geo.matching import PlaceMatcher
from cdfmc.geo.models import Village
from cdfmc.thaitime import to_arabic_digits
from centres.models import Centre, CentreStatus

REGISTER = Path(settings.BASE_DIR) / "fixtures" / "nongkhai_register_2568.tsv"
MODEL_YEAR = re.compile(r"ต้นแบบ\s*ปี\s*(\d{4})")


def village_name(centre_name: str) -> str:
    return re.sub(r"^ศูนย์จัดการกองทุน(ชุมชน)?", "", centre_name).strip()


def load(stdout=None):
    matcher = PlaceMatcher()
    with REGISTER.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            name = row["ชื่อศูนย์จัดการกองทุนชุมชน"]
            place = matcher.match(row["ตำบล"], row["อำเภอ"], row["จังหวัด"])
            if place.subdistrict is None:
                raise ValueError(place.error)
            village, _ = Village.objects.get_or_create(
                subdistrict=place.subdistrict,
                number=int(to_arabic_digits(row["หมู่ที่"])),
                defaults={"name": village_name(name)},
            )
            year = MODEL_YEAR.search(to_arabic_digits(row["หมายเหตุ"]))
            Centre.objects.update_or_create(
                village=village,
                defaults={
                    "name": name,
                    "level": int(to_arabic_digits(row["ผลการประเมินการจัดระดับการพัฒนา"])),
                    "status": CentreStatus.MODEL if year else CentreStatus.ESTABLISHED,
                    "model_year": int(year.group(1)) if year else None,
                },
            )
