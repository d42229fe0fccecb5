"""Reference rubrics shipped in fixtures/ (the Nong Khai FY2568 rubric of seed 001)."""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from scoring.models import Area, EvidenceItem, Indicator, Level, Rubric

RUBRIC_FILES = sorted((Path(settings.BASE_DIR) / "fixtures").glob("rubric_*.json"))


@transaction.atomic
def load_rubric(data: dict) -> tuple[Rubric, bool]:
    """Create the rubric unless one of that name, province and year exists (idempotent:
    a rubric already loaded may have been edited or used, so it is left as it is)."""
    rubric, created = Rubric.objects.get_or_create(
        name=data["name"],
        province_id=data.get("province"),
        fiscal_year=data["fiscal_year"],
        defaults={"source": data.get("source", "")},
    )
    if not created:
        return rubric, False
    for area_data in data["areas"]:
        area = Area.objects.create(
            rubric=rubric, number=area_data["number"], title=area_data["title"]
        )
        for order, ind in enumerate(area_data["indicators"], start=1):
            indicator = Indicator.objects.create(
                area=area,
                code=ind["code"],
                order=order,
                title=ind["title"],
                rule=ind.get("rule", ""),
                judged=ind.get("judged", False),
            )
            Level.objects.bulk_create(
                Level(
                    indicator=indicator,
                    number=lv["number"],
                    criteria=lv["criteria"],
                    points=lv["points"],
                )
                for lv in ind["levels"]
            )
            EvidenceItem.objects.bulk_create(
                EvidenceItem(indicator=indicator, number=n, text=text)
                for n, text in enumerate(ind["evidence"], start=1)
            )
    return rubric, True


def load_rubrics(paths=None) -> list[tuple[Rubric, bool]]:
    loaded = []
    for path in paths or RUBRIC_FILES:
        for data in json.loads(Path(path).read_text(encoding="utf-8"))["rubrics"]:
            loaded.append(load_rubric(data))
    return loaded


def nongkhai_2568() -> Rubric:
    """The reference rubric, loading it if needed."""
    for rubric, _created in load_rubrics():
        if rubric.province_id == "43" and rubric.fiscal_year == 2568:
            return rubric
    raise LookupError("fixtures/rubric_nongkhai_2568.json is missing")
