"""Load the official geography from the `geothai` package (DOPA codes, Thai and English names).

Idempotent: rows are upserted by code, so running it again changes nothing, and a newer
dataset release updates names in place.
"""

import json
from pathlib import Path

import geothai
from django.conf import settings
from django.db import transaction

from cdfmc.geo.models import District, Province, ProvinceGroup, Subdistrict

GROUPS_FILE = Path(settings.BASE_DIR) / "fixtures" / "province_groups.json"


def _upsert(model, rows, fields):
    model.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=fields,
    )


@transaction.atomic
def load_geography() -> dict[str, int]:
    provinces = geothai.provinces()
    districts = [d for p in provinces for d in geothai.districts(p.code)]
    subdistricts = [s for d in districts for s in geothai.subdistricts(d.code)]
    _upsert(
        Province,
        [Province(code=p.code, name_th=p.name_th, name_en=p.name_en) for p in provinces],
        ["name_th", "name_en"],
    )
    _upsert(
        District,
        [
            District(code=d.code, province_id=d.province_code, name_th=d.name_th, name_en=d.name_en)
            for d in districts
        ],
        ["province", "name_th", "name_en"],
    )
    _upsert(
        Subdistrict,
        [
            Subdistrict(
                code=s.code, district_id=s.district_code, name_th=s.name_th, name_en=s.name_en
            )
            for s in subdistricts
        ],
        ["district", "name_th", "name_en"],
    )
    load_province_groups()
    return {
        "provinces": len(provinces),
        "districts": len(districts),
        "subdistricts": len(subdistricts),
    }


def load_province_groups(path: Path = GROUPS_FILE) -> int:
    groups = json.loads(path.read_text(encoding="utf-8"))
    for order, item in enumerate(groups, start=1):
        group, _ = ProvinceGroup.objects.update_or_create(
            name=item["name"], defaults={"order": order}
        )
        Province.objects.filter(name_th__in=item["provinces"]).update(group=group)
    return len(groups)
