"""Villages: every subdistrict outside Bangkok at scale 1, a share of them (at least one
per province) below; each chosen subdistrict gets its whole set of villages (หมู่ 1..n)."""

from cdfmc.geo.models import District, Subdistrict, Village
from cdfmc.national import names
from cdfmc.national.context import Context, VillageInfo
from cdfmc.national.plan import BANGKOK, VILLAGES_PER_SUBDISTRICT


def generate(ctx: Context) -> None:
    ctx.district_names = dict(
        District.objects.exclude(province_id=BANGKOK).values_list("code", "name_th")
    )
    for code in chosen_subdistricts(ctx):
        rng = ctx.plan.rng("village", code)
        mean, sd, low, high = VILLAGES_PER_SUBDISTRICT
        count = min(high, max(low, round(rng.gauss(mean, sd))))
        taken: set[str] = set()
        for number in range(1, count + 1):
            households = rng.randint(60, 350)
            village = ctx.writer.add(
                Village(
                    subdistrict_id=code,
                    number=number,
                    name=names.village_name(rng, taken),
                    households=households,
                    population=round(households * rng.uniform(2.8, 3.6)),
                )
            )
            ctx.villages.append(VillageInfo(village.pk, code, number, village.name))
    ctx.writer.flush()


def chosen_subdistricts(ctx: Context) -> list[str]:
    codes = list(
        Subdistrict.objects.exclude(district__province_id=BANGKOK)
        .order_by("code")
        .values_list("code", flat=True)
    )
    if not codes:
        raise LookupError("no geography: run `manage.py load_reference` first")
    rng = ctx.plan.rng("subdistricts")
    chosen = [code for code in codes if rng.random() < ctx.plan.scale]
    provinces = {code[:2] for code in chosen}
    for province in sorted({code[:2] for code in codes} - provinces):
        chosen.append(rng.choice([code for code in codes if code[:2] == province]))
    return sorted(chosen)
