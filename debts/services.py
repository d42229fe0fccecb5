"""Writes that touch several rows: households with their contracts, targets, balances,
restructurings."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from debts.models import (
    REPLACING_FORMS,
    BalanceUpdate,
    Contract,
    ContractStatus,
    Creditor,
    CreditorKind,
    Household,
    Person,
    Restructuring,
    RestructuringForm,
)


def creditor_for_member_fund(member_fund) -> Creditor:
    """The creditor row standing for one of the centre's member funds (made on first use)."""
    creditor = Creditor.objects.filter(member_fund=member_fund).first()
    if creditor is None:
        name = member_fund.name
        clash = Creditor.objects.filter(centre_id=member_fund.centre_id, name=name).first()
        if clash is not None and clash.member_fund_id is None:
            clash.member_fund = member_fund
            clash.kind = CreditorKind.MEMBER_FUND
            clash.save()
            return clash
        creditor = Creditor.objects.create(
            centre_id=member_fund.centre_id,
            kind=CreditorKind.MEMBER_FUND,
            name=name,
            member_fund=member_fund,
        )
    return creditor


@transaction.atomic
def contract_create(
    *,
    household,
    creditor,
    borrower=None,
    number="",
    start_date=None,
    principal,
    rate,
    term_months=None,
    instalment=None,
    outstanding,
    overdue_amount=0,
    overdue_days=0,
    as_of,
    user=None,
) -> Contract:
    """A contract as entered from a register, with its first balance record on `as_of`."""
    _check_creditor(household, creditor)
    if borrower is not None and borrower.household_id != household.pk:
        raise ValidationError({"borrower": _("ผู้กู้ต้องเป็นสมาชิกของครัวเรือนนี้")})
    try:
        creditor.check_rate(rate, restructuring=False)
    except ValidationError as exc:
        raise ValidationError({"rate": exc.error_list}) from None
    contract = Contract(
        household=household,
        creditor=creditor,
        borrower=borrower,
        number=number or "",
        start_date=start_date,
        principal=principal,
        rate=rate,
        term_months=term_months,
        instalment=instalment,
        outstanding=outstanding,
        overdue_amount=overdue_amount or 0,
        overdue_days=overdue_days or 0,
        is_informal=creditor.kind == CreditorKind.INFORMAL,
    )
    contract.full_clean(exclude=["household", "creditor", "borrower"])
    contract.save()
    BalanceUpdate.objects.create(
        contract=contract,
        as_of=as_of,
        outstanding=outstanding,
        overdue_amount=overdue_amount or 0,
        entered_by=user,
    )
    return contract


def _creditor_for_row(centre, row, made: dict) -> Creditor:
    """The row's chosen creditor, or the new outside creditor it names (made once per name)."""
    if row.get("creditor") is not None:
        return row["creditor"]  # contract_create checks it is the centre's
    name = " ".join((row.get("new_creditor_name") or "").split())
    kind = row.get("new_creditor_kind")
    if not name or kind not in CreditorKind.values or kind == CreditorKind.MEMBER_FUND:
        raise ValidationError(_("กรุณาเลือกเจ้าหนี้ หรือกรอกชื่อและประเภทของเจ้าหนี้ภายนอกรายใหม่"))
    if name not in made:
        if Creditor.objects.filter(centre=centre, name=name).exists():
            raise ValidationError(
                _("มีเจ้าหนี้ชื่อ “%(name)s” ในทะเบียนเจ้าหนี้ของศูนย์แล้ว กรุณาเลือกจากรายการ") % {"name": name}
            )
        made[name] = Creditor.objects.create(centre=centre, kind=kind, name=name)
    return made[name]


CONTRACT_FIELDS = (
    "number",
    "start_date",
    "principal",
    "rate",
    "term_months",
    "instalment",
    "outstanding",
    "overdue_amount",
    "overdue_days",
)


@transaction.atomic
def household_create_with_contracts(
    *, centre, household: dict, head: dict, members=(), contracts=(), as_of, user=None
) -> Household:
    """A household, its head and members, and its contracts, all saved or none.

    `household`: Household field values (village, house_number, …); `head` and each of
    `members`: Person field values; each of `contracts`: contract values with either
    `creditor` (one of the centre's) or `new_creditor_name` and `new_creditor_kind` (an
    outside creditor created here). Every contract's borrower is the head.
    """
    village = household.get("village")
    if village is None or village.district_code != centre.district_code:
        raise ValidationError({"village": _("หมู่บ้านของครัวเรือนต้องอยู่ในอำเภอเดียวกับศูนย์")})
    people = [head, *members]
    ids = [p["citizen_id"] for p in people]
    if len(set(ids)) != len(ids):
        raise ValidationError(_("มีเลขประจำตัวประชาชนซ้ำกันในครัวเรือนนี้"))
    if Person.objects.filter(citizen_id__in=ids).exists():
        raise ValidationError(_("เลขประจำตัวประชาชนนี้มีอยู่ในระบบแล้ว"))
    new = Household(centre=centre, **household)
    new.full_clean()
    new.save()
    head_person = Person.objects.create(household=new, is_head=True, **head)
    for member in members:
        Person.objects.create(household=new, is_head=False, **member)
    made = {}
    for row in contracts:
        contract_create(
            household=new,
            creditor=_creditor_for_row(centre, row, made),
            borrower=head_person,
            as_of=as_of,
            user=user,
            **{name: row[name] for name in CONTRACT_FIELDS if row.get(name) is not None},
        )
    return new


def household_current_total(household) -> Decimal:
    total = household.contracts.open().aggregate(total=Sum("outstanding"))["total"]
    return total or Decimal(0)


@transaction.atomic
def targets_select(*, centre, households, on_date: datetime.date) -> int:
    """Make households target households; their baseline is today's total outstanding."""
    count = 0
    for household in households:
        if household.centre_id != centre.pk:
            raise ValidationError(_("ครัวเรือนไม่ได้อยู่ในฐานข้อมูลลูกหนี้ของศูนย์นี้"))
        if household.is_target:
            continue
        household.is_target = True
        household.target_since = on_date
        household.baseline_total = household_current_total(household)
        household.save()
        count += 1
    return count


@transaction.atomic
def target_remove(*, household) -> None:
    household.is_target = False
    household.target_since = None
    household.baseline_total = None
    household.save()


@transaction.atomic
def balance_record(*, contract, as_of, outstanding, overdue_amount=None, user=None):
    """A contract's balance on a date; the latest one becomes the contract's outstanding."""
    if not contract.is_open:
        raise ValidationError(_("สัญญานี้ปิดแล้ว บันทึกยอดคงค้างไม่ได้"))
    if outstanding < 0 or (overdue_amount is not None and overdue_amount < 0):
        raise ValidationError(_("จำนวนเงินต้องไม่ติดลบ"))
    if overdue_amount is not None and overdue_amount > outstanding:
        raise ValidationError({"overdue_amount": _("เงินต้นค้างชำระต้องไม่มากกว่ายอดหนี้คงค้าง")})
    # The row's date rules (plausible, not before the contract began), for forms and imports.
    BalanceUpdate(contract=contract, as_of=as_of, outstanding=outstanding).full_clean(
        exclude=["entered_by", "outstanding", "overdue_amount"],
        validate_unique=False,
        validate_constraints=False,
    )
    update, _created = BalanceUpdate.objects.update_or_create(
        contract=contract,
        as_of=as_of,
        defaults={"outstanding": outstanding, "overdue_amount": overdue_amount, "entered_by": user},
    )
    latest = contract.balances.order_by("-as_of", "-pk").first()
    if latest.pk == update.pk:
        contract.outstanding = outstanding
        if overdue_amount is not None:
            contract.overdue_amount = overdue_amount
        elif contract.overdue_amount > outstanding:
            contract.overdue_amount = outstanding
        if outstanding == 0:
            contract.status = ContractStatus.PAID
            contract.closed_on = as_of
            contract.overdue_amount = 0
            contract.overdue_days = 0
        contract.save()
    return update


def _check_contracts(household, contracts) -> list[Contract]:
    contracts = list(contracts)
    if not contracts:
        raise ValidationError({"contracts": _("กรุณาเลือกสัญญาก่อนปรับโครงสร้างหนี้อย่างน้อย 1 สัญญา")})
    for contract in contracts:
        if contract.household_id != household.pk:
            raise ValidationError({"contracts": _("สัญญา %(c)s ไม่ใช่ของครัวเรือนนี้") % {"c": contract}})
        if not contract.is_open:
            raise ValidationError({"contracts": _("สัญญา %(c)s ปิดแล้ว") % {"c": contract}})
    return contracts


def _check_meeting(household, meeting):
    from centres.models import MeetingKind

    if meeting is None:
        return
    if meeting.centre_id != household.centre_id or meeting.kind != MeetingKind.COMMITTEE:
        raise ValidationError({"meeting": _("การปรับโครงสร้างหนี้ต้องเป็นมติของที่ประชุมคณะกรรมการของศูนย์นี้")})


def _check_creditor(household, creditor):
    if creditor.centre_id != household.centre_id:
        raise ValidationError({"creditor": _("เจ้าหนี้ไม่ได้อยู่ในทะเบียนเจ้าหนี้ของศูนย์นี้")})


def _check_rate(creditor, rate):
    try:
        creditor.check_rate(rate, restructuring=True)
    except ValidationError as exc:
        raise ValidationError({"rate": exc.error_list}) from None


def _check_description(form, description):
    if form == RestructuringForm.OTHER and not description.strip():
        raise ValidationError({"description": _("รูปแบบอื่น ๆ ต้องระบุรายละเอียด")})


@transaction.atomic
def restructuring_consolidate(
    *,
    household: Household,
    contracts,
    creditor: Creditor,
    decided_on: datetime.date,
    rate,
    term_months=None,
    instalment=None,
    moratorium_months=0,
    number="",
    form=RestructuringForm.CONSOLIDATE,
    description="",
    meeting_note="",
    meeting=None,
    user=None,
) -> Restructuring:
    """Close the old contracts and open one new contract for their total, in one step.

    Used for consolidation (fewer contracts than before) and refinancing (the debt closed
    at the old creditor and taken over by one with better terms).
    """
    contracts = _check_contracts(household, contracts)
    _check_meeting(household, meeting)
    _check_creditor(household, creditor)
    if form not in REPLACING_FORMS and form != RestructuringForm.OTHER:
        raise ValidationError(_("รูปแบบนี้ไม่ได้ปิดสัญญาเดิม ใช้การปรับเงื่อนไขสัญญาแทน"))
    if form == RestructuringForm.CONSOLIDATE and len(contracts) < 2:
        raise ValidationError({"contracts": _("การรวมหนี้ต้องเลือกสัญญาเดิมอย่างน้อย 2 สัญญา")})
    _check_description(form, description)
    _check_rate(creditor, rate)
    total = sum((c.outstanding for c in contracts), Decimal(0))
    overdue = sum((c.overdue_amount for c in contracts), Decimal(0))
    restructuring = Restructuring.objects.create(
        household=household,
        form=form,
        description=description,
        decided_on=decided_on,
        meeting_note=meeting_note,
        meeting=meeting,
        new_rate=rate,
        new_term_months=term_months,
        new_instalment=instalment,
        moratorium_months=moratorium_months or 0,
        recorded_by=user,
    )
    restructuring.contracts_before.set(contracts)
    for contract in contracts:
        contract.status = ContractStatus.SUPERSEDED
        contract.closed_on = decided_on
        contract.closed_by = restructuring
        contract.save()
    borrowers = [c.borrower for c in contracts if c.borrower_id]
    borrower = next((b for b in borrowers if b.is_head), borrowers[0] if borrowers else None)
    Contract.objects.create(
        household=household,
        borrower=borrower,
        creditor=creditor,
        number=number,
        start_date=decided_on,
        principal=total,
        rate=rate,
        term_months=term_months,
        instalment=instalment,
        moratorium_months=moratorium_months or 0,
        outstanding=total,
        overdue_amount=min(overdue, total) if form == RestructuringForm.OTHER else 0,
        is_informal=creditor.kind == CreditorKind.INFORMAL,
        created_by_restructuring=restructuring,
    )
    return restructuring


@transaction.atomic
def restructuring_amend(
    *,
    household: Household,
    contracts,
    form: str,
    decided_on: datetime.date,
    rate=None,
    term_months=None,
    instalment=None,
    moratorium_months=0,
    description="",
    meeting_note="",
    meeting=None,
    user=None,
) -> Restructuring:
    """New terms on existing contracts (extend, lower rate, moratorium, penalty waiver…)."""
    contracts = _check_contracts(household, contracts)
    _check_meeting(household, meeting)
    if form in REPLACING_FORMS:
        raise ValidationError(_("การรวมหนี้และรีไฟแนนซ์ต้องปิดสัญญาเดิมและทำสัญญาใหม่"))
    _check_description(form, description)
    if form == RestructuringForm.EXTEND and not term_months:
        raise ValidationError({"term_months": _("การยืดหนี้ต้องระบุระยะเวลาใหม่")})
    if form == RestructuringForm.REDUCE_RATE and rate is None:
        raise ValidationError({"rate": _("การปรับลดอัตราดอกเบี้ยต้องระบุอัตราใหม่")})
    if form in (RestructuringForm.MORATORIUM, RestructuringForm.PRINCIPAL_MORATORIUM):
        if not moratorium_months:
            raise ValidationError({"moratorium_months": _("การพักชำระต้องระบุระยะเวลาพักชำระ")})
    for contract in contracts:
        if rate is not None:
            _check_rate(contract.creditor, rate)
            if form == RestructuringForm.REDUCE_RATE and rate >= contract.rate:
                raise ValidationError(
                    {"rate": _("อัตราใหม่ต้องต่ำกว่าอัตราเดิม (%(old)s%%)") % {"old": contract.rate}}
                )
    restructuring = Restructuring.objects.create(
        household=household,
        form=form,
        description=description,
        decided_on=decided_on,
        meeting_note=meeting_note,
        meeting=meeting,
        new_rate=rate,
        new_term_months=term_months,
        new_instalment=instalment,
        moratorium_months=moratorium_months or 0,
        recorded_by=user,
    )
    restructuring.contracts_before.set(contracts)
    for contract in contracts:
        if rate is not None:
            contract.rate = rate
        if term_months:
            contract.term_months = term_months
        if instalment is not None:
            contract.instalment = instalment
        if moratorium_months:
            contract.moratorium_months = moratorium_months
        contract.save()
    return restructuring
