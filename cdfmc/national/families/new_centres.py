"""Rounds of new centres (DOMAIN §3.1): this fiscal year's, whose nominations became the
centres established in it, and next year's, open: quotas for every province, villages
without a centre screened by their district, most of them nominated, some selected."""

import datetime

from cdfmc.national import names
from cdfmc.national.context import Context
from cdfmc.national.plan import QUOTA_PER_PROVINCE, SCREENINGS_PER_PROVINCE
from cdfmc.thaitime import BE_OFFSET, fiscal_year_start
from centres.models import FundKind
from newcentres.models import (
    Nomination,
    NominationStatus,
    Quota,
    Round,
    Screening,
    WillingGroup,
)

NATIONAL_TOTAL = 300
CORE_KINDS = {FundKind.SAVINGS: 50, FundKind.KKKJ: 20, FundKind.VILLAGE_FUND: 25}


def generate(ctx: Context) -> None:
    plan = ctx.plan
    current = _round(ctx, plan.fy)
    for info in ctx.centres:
        if info.established_on >= fiscal_year_start(plan.fy):
            _screening(ctx, current, info.village, NominationStatus.ESTABLISHED, centre=info)
    upcoming = _round(ctx, plan.fy + 1)
    with_centre = {info.village.id for info in ctx.centres}
    by_province: dict[str, list] = {}
    for village in ctx.villages:
        if village.id not in with_centre:
            by_province.setdefault(village.province, []).append(village)
    for province in sorted(by_province):
        rng = plan.rng("screenings", province)
        count = max(1, round(SCREENINGS_PER_PROVINCE * plan.scale))
        chosen = sorted(rng.sample(by_province[province], min(count, len(by_province[province]))),
                        key=lambda v: v.code)  # fmt: skip
        selected = 0
        for village in chosen:
            status = None
            if rng.random() < 0.75:
                status = NominationStatus.NOMINATED
                if selected < QUOTA_PER_PROVINCE and rng.random() < 0.5:
                    status, selected = NominationStatus.SELECTED, selected + 1
                elif rng.random() < 0.15:
                    status = NominationStatus.RETURNED
            _screening(ctx, upcoming, village, status)
        ctx.writer.maybe_flush()
    ctx.writer.flush()


def _round(ctx, fy: int) -> Round:
    year = fy - 1 - BE_OFFSET  # deadlines in August before the year starts (seed 000)
    round_ = ctx.writer.add(
        Round(
            fiscal_year=fy,
            national_total=NATIONAL_TOTAL,
            district_deadline=datetime.date(year, 8, 20),
            province_deadline=datetime.date(year, 8, 29),
        )
    )
    provinces = sorted(ctx.province_users)
    short = NATIONAL_TOTAL - QUOTA_PER_PROVINCE * len(provinces)  # 300 - 304: four get 3
    for index, province in enumerate(provinces):
        quota = QUOTA_PER_PROVINCE - (1 if short < 0 and index < -short else 0)
        ctx.writer.add(Quota(round_id=round_.pk, province_id=province, quota=quota))
    return round_


def _screening(ctx, round_, village, status, centre=None) -> None:
    rng = ctx.plan.rng("screening", round_.fiscal_year, village.code)
    core = _weighted_kind(rng)
    groups = sorted({core, *rng.sample(list(FundKind), rng.randint(2, 4))})
    target = rng.randint(30, 60)
    officer = ctx.district_users.get(village.district)
    screening = ctx.writer.add(
        Screening(
            round_id=round_.pk,
            village_id=village.id,
            other_institution="",
            debt_households=target + rng.randint(0, 40),
            low_income_households=rng.randint(0, 20),
            welfare_card_households=target + rng.randint(0, 60),
            core_kind=core,
            core_name=f"{FundKind(core).label}{village.name}",
            core_strong=rng.random() < 0.8,
            sufficiency_village=rng.random() < 0.5,
            office_place="ศาลาประชาคมหมู่บ้าน (ใช้ร่วมกับกองทุนหมู่บ้าน)",
            leaders="ผู้ใหญ่บ้าน ประธานกลุ่มออมทรัพย์ และประธานกองทุนหมู่บ้าน",
            leaders_qualified=rng.random() < 0.85,
            target_households=target,
            coordinator=names.full_name(rng),
            coordinator_phone=names.phone(rng),
            remarks="",
            screened_by_id=officer,
        )
    )
    for kind in groups:
        ctx.writer.add(
            WillingGroup(
                screening_id=screening.pk,
                kind=kind,
                name=f"{FundKind(kind).label}{village.name}",
            )
        )
    if status is None:
        return
    decided = status != NominationStatus.NOMINATED
    ctx.writer.add(
        Nomination(
            screening_id=screening.pk,
            status=status,
            comment="ขอให้ตรวจสอบจำนวนครัวเรือนเป้าหมายอีกครั้ง"
            if status == NominationStatus.RETURNED
            else "",
            nominated_by_id=officer,
            decided_by_id=ctx.province_users.get(village.province) if decided else None,
            decided_at=datetime.datetime.combine(
                round_.province_deadline, datetime.time(10), tzinfo=datetime.UTC
            )
            if decided
            else None,
            centre_id=centre.id if centre else None,
        )
    )


def _weighted_kind(rng) -> str:
    return rng.choices(list(CORE_KINDS), weights=list(CORE_KINDS.values()))[0]
