"""Households, their debt contracts, balances over time and restructurings (DOMAIN §4)."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cdfmc.access import area_queryset
from cdfmc.collation import COLLATION
from cdfmc.thaitime import format_be_date
from cdfmc.validators import PLAUSIBLE_DATE
from debts import rules

CENTRE_DISTRICT = "centre__village__subdistrict__district"
MONEY = {"max_digits": 14, "decimal_places": 2}
NOT_NEGATIVE = [MinValueValidator(0)]


def validate_citizen_id(value: str):
    if not rules.citizen_id_is_valid(value):
        raise ValidationError(
            _("เลขประจำตัวประชาชน %(value)s ไม่ถูกต้อง (ต้องมี 13 หลักและเลขตรวจสอบหลักสุดท้ายถูกต้อง)"),
            code="invalid_citizen_id",
            params={"value": value},
        )


# Creditors ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CreditorRule:
    financial_institution: bool  # exempt from the 15% cap
    rate_recorded_as_is: bool  # a register may record a rate above the cap (evidence of usury)
    max_rate: Decimal  # % a year: above this no real contract of the kind exists (a typing error)


class CreditorKind(models.TextChoices):
    MEMBER_FUND = "member_fund", _("กลุ่ม/กองทุนสมาชิกของศูนย์")
    BANK = "bank", _("ธนาคาร")
    COOPERATIVE = "cooperative", _("สหกรณ์")
    OTHER_FUND = "other_fund", _("กองทุนอื่น")
    INFORMAL = "informal", _("หนี้นอกระบบ")


# Only banks are financial institutions for the interest cap; cooperatives and community
# funds are bound by the Civil and Commercial Code's 15%. Informal lenders' rates are
# recorded as they are in a register, but a restructuring never sets one above the cap.
# Ceilings (max_rate): banks' consumer lending is capped by the Bank of Thailand (credit
# cards 16%, supervised personal loans 25% a year); 28% leaves room for default interest,
# above it the figure is a typing error. Informal lenders charge 10–30% a MONTH (120–360%
# a year); above 600% (50% a month) the figure is a monthly rate typed as yearly, or a typo.
CREDITOR_RULES = {
    CreditorKind.MEMBER_FUND: CreditorRule(
        financial_institution=False, rate_recorded_as_is=False, max_rate=rules.LEGAL_MAX_RATE
    ),
    CreditorKind.BANK: CreditorRule(
        financial_institution=True, rate_recorded_as_is=True, max_rate=Decimal("28")
    ),
    CreditorKind.COOPERATIVE: CreditorRule(
        financial_institution=False, rate_recorded_as_is=False, max_rate=rules.LEGAL_MAX_RATE
    ),
    CreditorKind.OTHER_FUND: CreditorRule(
        financial_institution=False, rate_recorded_as_is=False, max_rate=rules.LEGAL_MAX_RATE
    ),
    CreditorKind.INFORMAL: CreditorRule(
        financial_institution=False, rate_recorded_as_is=True, max_rate=Decimal("600")
    ),
}


class Creditor(models.Model):
    """Who a centre's households owe: one of its member funds or an outside lender."""

    centre = models.ForeignKey(
        "centres.Centre", verbose_name=_("ศูนย์"), on_delete=models.CASCADE, related_name="creditors"
    )
    kind = models.CharField(_("ประเภทเจ้าหนี้"), max_length=20, choices=CreditorKind.choices)
    name = models.CharField(_("ชื่อเจ้าหนี้"), max_length=255, db_collation=COLLATION)
    member_fund = models.OneToOneField(
        "centres.MemberFund",
        verbose_name=_("กลุ่ม/กองทุนสมาชิก"),
        null=True,
        blank=True,
        # A fund nobody owes goes with its creditor row; contracts protect one that is owed.
        on_delete=models.CASCADE,
        related_name="creditor",
    )

    objects = area_queryset(CENTRE_DISTRICT).as_manager()

    class Meta:
        ordering = ["centre", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "name"], name="creditor_unique_name")
        ]
        verbose_name = _("เจ้าหนี้")
        verbose_name_plural = _("เจ้าหนี้")

    def __str__(self):
        return self.name

    @property
    def rule(self) -> CreditorRule:
        return CREDITOR_RULES[CreditorKind(self.kind)]

    def check_rate(self, rate, *, restructuring: bool):
        """Raise ValidationError when `rate` is above what this creditor may charge, or
        above what any contract of its kind carries (CREDITOR_RULES)."""
        if rate is None:
            return
        legal_cap_applies = restructuring or not self.rule.rate_recorded_as_is
        if legal_cap_applies and rules.rate_exceeds_legal_max(
            rate, financial_institution=self.rule.financial_institution
        ):
            raise ValidationError(
                _(
                    "อัตราดอกเบี้ย %(rate)s%% ต่อปี เกินอัตราสูงสุดตามกฎหมาย %(max)s%% ต่อปี "
                    "สำหรับผู้ให้กู้ที่ไม่ใช่สถาบันการเงิน (%(creditor)s)"
                ),
                code="rate_above_legal_max",
                params={"rate": rate, "max": rules.LEGAL_MAX_RATE, "creditor": self.name},
            )
        if Decimal(str(rate)) > self.rule.max_rate:
            raise ValidationError(
                _(
                    "อัตราดอกเบี้ย %(rate)s%% ต่อปี สูงเกินกว่าที่เป็นไปได้สำหรับ%(kind)s "
                    "(ไม่เกิน %(max)s%% ต่อปี) กรุณาตรวจสอบว่ากรอกเป็นอัตราต่อปี"
                ),
                code="rate_implausible",
                params={"rate": rate, "kind": self.get_kind_display(), "max": self.rule.max_rate},
            )


# Households ---------------------------------------------------------------------------------


class DebtorClass(models.TextChoices):
    NORMAL = "normal", _("ลูกหนี้ปกติ")
    RELIEF = "relief", _("ลูกหนี้เข้าร่วมมาตรการ")
    DEFAULTED = "defaulted", _("ลูกหนี้ผิดนัดชำระ")
    LITIGATION = "litigation", _("ลูกหนี้ดำเนินคดี")


class Household(models.Model):
    """A nuclear family in the centre's sense (DOMAIN §4), not the จปฐ. household."""

    centre = models.ForeignKey(
        "centres.Centre", verbose_name=_("ศูนย์"), on_delete=models.PROTECT, related_name="households"
    )
    village = models.ForeignKey(
        "geo.Village", verbose_name=_("หมู่บ้าน"), on_delete=models.PROTECT, related_name="+"
    )
    house_number = models.CharField(_("บ้านเลขที่"), max_length=20)
    # Kept by save(): the database sorts and paginates house numbers in natural order.
    house_number_sort = models.CharField(max_length=60, editable=False, default="")
    member_family = models.BooleanField(_("เป็นครอบครัวสมาชิกศูนย์"), default=False)
    occupations = models.CharField(_("อาชีพหลัก"), max_length=255, blank=True)
    income_per_person = models.DecimalField(
        _("รายได้ต่อคนต่อปี (บาท)"), null=True, blank=True, validators=NOT_NEGATIVE, **MONEY
    )
    welfare_card = models.BooleanField(_("มีบัตรสวัสดิการแห่งรัฐ"), default=False)
    savings_balance = models.DecimalField(
        _("ยอดเงินในบัญชีออมปลดหนี้ (บาท)"), default=0, validators=NOT_NEGATIVE, **MONEY
    )
    debtor_class = models.CharField(
        _("ประเภทลูกหนี้"), max_length=20, choices=DebtorClass.choices, blank=True
    )
    is_target = models.BooleanField(_("ครัวเรือนเป้าหมาย"), default=False)
    target_since = models.DateField(
        _("วันที่เป็นครัวเรือนเป้าหมาย"), null=True, blank=True, validators=PLAUSIBLE_DATE
    )
    baseline_total = models.DecimalField(
        _("หนี้คงค้างรวมเมื่อเริ่มเป็นเป้าหมาย (บาท)"), null=True, blank=True, **MONEY
    )
    remarks = models.TextField(_("หมายเหตุ"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = area_queryset(CENTRE_DISTRICT).as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["centre", "village__number", "house_number_sort", "pk"]
        indexes = [models.Index(fields=["centre", "house_number_sort"], name="household_sort")]
        verbose_name = _("ครัวเรือน")
        verbose_name_plural = _("ครัวเรือน")

    def __str__(self):
        return _("บ้านเลขที่ %(house)s หมู่ที่ %(village)s") % {
            "house": self.house_number,
            "village": self.village.number,
        }

    def save(self, *args, **kwargs):
        self.house_number = rules.clean_number(self.house_number)
        self.house_number_sort = rules.house_number_sort_key(self.house_number)
        if kwargs.get("update_fields") and "house_number" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "house_number_sort"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("debts:household", args=[self.pk])

    def clean(self):
        super().clean()
        if self.village_id and self.centre_id:
            if self.village.subdistrict_id[:4] != self.centre.village.subdistrict_id[:4]:
                raise ValidationError({"village": _("หมู่บ้านของครัวเรือนต้องอยู่ในอำเภอเดียวกับศูนย์")})

    @property
    def district_code(self) -> str:
        return self.centre.district_code

    @property
    def debtor_class_css(self) -> str:
        return f"debtor-{self.debtor_class}" if self.debtor_class else ""


class Person(models.Model):
    """A member of a household; one citizen ID is one person across the whole system."""

    household = models.ForeignKey(
        Household, verbose_name=_("ครัวเรือน"), on_delete=models.PROTECT, related_name="people"
    )
    citizen_id = models.CharField(
        _("เลขประจำตัวประชาชน"),
        max_length=13,
        unique=True,
        validators=[validate_citizen_id],
        error_messages={"unique": _("เลขประจำตัวประชาชนนี้มีอยู่ในระบบแล้ว")},
    )
    # Kept by save(): the ID read backwards, so "the last digits" is an indexed prefix search.
    citizen_id_reversed = models.CharField(max_length=13, editable=False, default="")
    title = models.CharField(_("คำนำหน้า"), max_length=30, blank=True)
    first_name = models.CharField(_("ชื่อ"), max_length=100, db_collation=COLLATION)
    last_name = models.CharField(_("นามสกุล"), max_length=100, db_collation=COLLATION)
    is_head = models.BooleanField(_("หัวหน้าครัวเรือน"), default=False)
    relation = models.CharField(_("ความสัมพันธ์กับหัวหน้าครัวเรือน"), max_length=50, blank=True)
    occupation = models.CharField(_("อาชีพ"), max_length=100, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["household", "-is_head", "pk"]
        indexes = [
            models.Index(
                fields=["citizen_id_reversed"],
                name="person_id_tail",
                opclasses=["varchar_pattern_ops"],  # PostgreSQL: LIKE 'x%' uses the index
            )
        ]
        verbose_name = _("สมาชิกครัวเรือน")
        verbose_name_plural = _("สมาชิกครัวเรือน")

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.citizen_id_reversed = (self.citizen_id or "")[::-1]
        if kwargs.get("update_fields") and "citizen_id" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "citizen_id_reversed"}
        super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        return f"{self.title}{self.first_name} {self.last_name}".strip()

    @property
    def masked_id(self) -> str:
        return rules.mask_citizen_id(self.citizen_id)

    @property
    def formatted_id(self) -> str:
        return rules.format_citizen_id(self.citizen_id)


class IncomeExpense(models.Model):
    """A line of the household's income/expense record (ทะเบียนรายรับ-รายจ่าย)."""

    household = models.ForeignKey(
        Household, verbose_name=_("ครัวเรือน"), on_delete=models.CASCADE, related_name="accounts"
    )
    month = models.DateField(_("เดือน (วันที่ใดก็ได้ในเดือน)"), validators=PLAUSIBLE_DATE)
    income = models.DecimalField(_("รายรับ (บาท)"), validators=NOT_NEGATIVE, **MONEY)
    expense = models.DecimalField(_("รายจ่าย (บาท)"), validators=NOT_NEGATIVE, **MONEY)
    note = models.CharField(_("หมายเหตุ"), max_length=255, blank=True)

    class Meta:
        ordering = ["household", "-month"]
        verbose_name = _("รายรับ-รายจ่าย")
        verbose_name_plural = _("รายรับ-รายจ่าย")

    def __str__(self):
        return f"{self.household} {self.month:%Y-%m}"


# Contracts ----------------------------------------------------------------------------------


class ContractStatus(models.TextChoices):
    OPEN = "open", _("ยังไม่ปิดบัญชี")
    PAID = "paid", _("ชำระครบแล้ว")
    SUPERSEDED = "superseded", _("ปิดโดยการปรับโครงสร้างหนี้")


class ContractQuerySet(area_queryset(f"household__{CENTRE_DISTRICT}")):
    def open(self):
        return self.filter(status=ContractStatus.OPEN)


class Contract(models.Model):
    """A debt contract of a household. Never deleted: closed or superseded."""

    household = models.ForeignKey(
        Household, verbose_name=_("ครัวเรือน"), on_delete=models.PROTECT, related_name="contracts"
    )
    borrower = models.ForeignKey(
        Person,
        verbose_name=_("ผู้กู้"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contracts",
    )
    creditor = models.ForeignKey(
        Creditor, verbose_name=_("เจ้าหนี้"), on_delete=models.PROTECT, related_name="contracts"
    )
    number = models.CharField(_("เลขที่สัญญา"), max_length=50, blank=True)
    start_date = models.DateField(_("วันที่เริ่มสัญญา"), null=True, blank=True, validators=PLAUSIBLE_DATE)
    principal = models.DecimalField(_("เงินต้น (บาท)"), validators=NOT_NEGATIVE, **MONEY)
    rate = models.DecimalField(
        _("อัตราดอกเบี้ย (% ต่อปี)"), max_digits=6, decimal_places=2, validators=NOT_NEGATIVE
    )
    term_months = models.PositiveIntegerField(_("ระยะเวลา (เดือน)"), null=True, blank=True)
    instalment = models.DecimalField(
        _("ค่างวด (บาท)"), null=True, blank=True, validators=NOT_NEGATIVE, **MONEY
    )
    moratorium_months = models.PositiveIntegerField(_("ระยะเวลาพักชำระ (เดือน)"), default=0)
    outstanding = models.DecimalField(_("ยอดหนี้คงค้าง (บาท)"), validators=NOT_NEGATIVE, **MONEY)
    overdue_amount = models.DecimalField(
        _("เงินต้นค้างชำระ (บาท)"), default=0, validators=NOT_NEGATIVE, **MONEY
    )
    overdue_days = models.PositiveIntegerField(_("ค้างชำระ (วัน)"), default=0)
    is_informal = models.BooleanField(_("หนี้นอกระบบ"), default=False)
    status = models.CharField(
        _("สถานะ"), max_length=20, choices=ContractStatus.choices, default=ContractStatus.OPEN
    )
    closed_on = models.DateField(_("วันที่ปิดสัญญา"), null=True, blank=True)
    closed_by = models.ForeignKey(
        "Restructuring",
        verbose_name=_("ปิดโดยการปรับโครงสร้างหนี้"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="closed_contracts",
    )
    created_by_restructuring = models.ForeignKey(
        "Restructuring",
        verbose_name=_("สัญญาใหม่จากการปรับโครงสร้างหนี้"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="new_contracts",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ContractQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["household", "status", "creditor__name", "pk"]
        verbose_name = _("สัญญาเงินกู้")
        verbose_name_plural = _("สัญญาเงินกู้")

    def __str__(self):
        return f"{self.creditor} {self.number or '-'}"

    def save(self, *args, **kwargs):
        self.number = rules.clean_number(self.number)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("debts:contract", args=[self.pk])

    def clean(self):
        super().clean()
        if self.overdue_amount and self.outstanding is not None:
            if self.overdue_amount > self.outstanding:
                raise ValidationError({"overdue_amount": _("เงินต้นค้างชำระต้องไม่มากกว่ายอดหนี้คงค้าง")})

    @property
    def district_code(self) -> str:
        return self.household.district_code

    @property
    def is_open(self) -> bool:
        return self.status == ContractStatus.OPEN


class BalanceUpdate(models.Model):
    """The outstanding balance of a contract on a date (entered one by one or imported)."""

    contract = models.ForeignKey(
        Contract, verbose_name=_("สัญญา"), on_delete=models.PROTECT, related_name="balances"
    )
    as_of = models.DateField(_("ณ วันที่"), validators=PLAUSIBLE_DATE)
    outstanding = models.DecimalField(_("ยอดหนี้คงค้าง (บาท)"), validators=NOT_NEGATIVE, **MONEY)
    overdue_amount = models.DecimalField(
        _("เงินต้นค้างชำระ (บาท)"), null=True, blank=True, validators=NOT_NEGATIVE, **MONEY
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้บันทึก"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField(auto_now_add=True)

    objects = area_queryset(f"contract__household__{CENTRE_DISTRICT}").as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["contract", "-as_of", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "as_of"], name="balance_once_per_day")
        ]
        verbose_name = _("ยอดหนี้คงค้าง ณ วันที่")
        verbose_name_plural = _("ยอดหนี้คงค้าง ณ วันที่")

    def __str__(self):
        return f"{self.contract} {self.as_of}: {self.outstanding}"

    def clean(self):
        super().clean()
        start = self.contract.start_date if self.contract_id else None
        if start and self.as_of and self.as_of < start:
            raise ValidationError(
                {
                    "as_of": _("ยอดหนี้ ณ วันที่ %(as_of)s อยู่ก่อนวันที่เริ่มสัญญา (%(start)s) กรุณาตรวจสอบวันที่")
                    % {"as_of": format_be_date(self.as_of), "start": format_be_date(start)}
                }
            )


# Restructuring ---------------------------------------------------------------------------------


class RestructuringForm(models.TextChoices):
    CONSOLIDATE = "consolidate", _("รวมหนี้")
    EXTEND = "extend", _("ยืดหนี้")
    REDUCE_RATE = "reduce_rate", _("ปรับลดอัตราดอกเบี้ย")
    PRINCIPAL_MORATORIUM = "principal_moratorium", _("พักชำระเงินต้น")
    MORATORIUM = "moratorium", _("พักหนี้")
    PENALTY = "penalty", _("ยกหรือผ่อนปรนค่าเบี้ยปรับ")
    REFINANCE = "refinance", _("รีไฟแนนซ์")
    OTHER = "other", _("อื่น ๆ")


# Forms that close the old contracts and open new ones; the rest change terms in place.
REPLACING_FORMS = {RestructuringForm.CONSOLIDATE, RestructuringForm.REFINANCE}


class Restructuring(models.Model):
    """A restructuring decided at a committee meeting: contracts before, after, new terms."""

    household = models.ForeignKey(
        Household,
        verbose_name=_("ครัวเรือน"),
        on_delete=models.PROTECT,
        related_name="restructurings",
    )
    form = models.CharField(_("รูปแบบ"), max_length=30, choices=RestructuringForm.choices)
    description = models.TextField(_("รายละเอียด"), blank=True)
    decided_on = models.DateField(_("วันที่คณะกรรมการมีมติ"), validators=PLAUSIBLE_DATE)
    meeting = models.ForeignKey(
        "centres.Meeting",
        verbose_name=_("การประชุมคณะกรรมการที่มีมติ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="restructurings",
    )
    meeting_note = models.CharField(_("การประชุมคณะกรรมการ (ครั้งที่/มติ)"), max_length=255, blank=True)
    contracts_before = models.ManyToManyField(
        Contract, verbose_name=_("สัญญาก่อนปรับโครงสร้าง"), related_name="restructurings"
    )
    new_rate = models.DecimalField(
        _("อัตราดอกเบี้ยใหม่ (% ต่อปี)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    new_term_months = models.PositiveIntegerField(_("ระยะเวลาใหม่ (เดือน)"), null=True, blank=True)
    new_instalment = models.DecimalField(_("ค่างวดใหม่ (บาท)"), null=True, blank=True, **MONEY)
    moratorium_months = models.PositiveIntegerField(_("ระยะเวลาพักชำระ (เดือน)"), default=0)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้บันทึก"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = area_queryset(f"household__{CENTRE_DISTRICT}").as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["household", "-decided_on", "-pk"]
        verbose_name = _("การปรับโครงสร้างหนี้")
        verbose_name_plural = _("การปรับโครงสร้างหนี้")

    def __str__(self):
        return f"{self.get_form_display()} {format_be_date(self.decided_on)}"

    @property
    def district_code(self) -> str:
        return self.household.district_code
