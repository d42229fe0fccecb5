"""Rounds of new centres: quotas, village screenings and district nominations (DOMAIN §3.1)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cdfmc.access import area_queryset
from cdfmc.thaitime import to_thai_digits
from centres.models import Centre, FundKind
from newcentres import rules

DEFAULT_ACTIVITY = "จัดตั้งศูนย์จัดการกองทุนชุมชน"


class Round(models.Model):
    """One fiscal year's establishment of new centres, opened by head office."""

    fiscal_year = models.PositiveSmallIntegerField(
        _("ปีงบประมาณ (พ.ศ.)"),
        unique=True,
        validators=[MinValueValidator(2551), MaxValueValidator(2700)],
        error_messages={"unique": _("มีรอบการจัดตั้งของปีงบประมาณนี้อยู่แล้ว")},
    )
    activity = models.CharField(_("ชื่อกิจกรรม"), max_length=255, default=DEFAULT_ACTIVITY)
    national_total = models.PositiveIntegerField(_("เป้าหมายทั้งประเทศ (แห่ง)"))
    district_deadline = models.DateField(_("กำหนดส่งทะเบียนเป้าหมายของอำเภอ"))
    province_deadline = models.DateField(_("กำหนดส่งทะเบียนเป้าหมายของจังหวัดถึงส่วนกลาง"))
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-fiscal_year"]
        verbose_name = _("รอบการจัดตั้งศูนย์")
        verbose_name_plural = _("รอบการจัดตั้งศูนย์")

    def __str__(self):
        return f"{self.activity} ปีงบประมาณ พ.ศ. {self.fiscal_year}"

    def get_absolute_url(self):
        return reverse("newcentres:round", args=[self.pk])

    def clean(self):
        super().clean()
        if (
            self.district_deadline
            and self.province_deadline
            and self.province_deadline < self.district_deadline
        ):
            raise ValidationError(
                {"province_deadline": _("กำหนดส่งของจังหวัดต้องไม่ก่อนกำหนดส่งของอำเภอ")}
            )

    @property
    def fiscal_year_thai(self) -> str:
        return to_thai_digits(self.fiscal_year)


class Quota(models.Model):
    """How many centres a province may establish in a round; a province may set its own
    deadline for its districts (Loei: 20 Aug 2568)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="quotas")
    province = models.ForeignKey(
        "geo.Province", verbose_name=_("จังหวัด"), on_delete=models.PROTECT, related_name="+"
    )
    quota = models.PositiveSmallIntegerField(_("จำนวนที่ได้รับจัดสรร (แห่ง)"), default=0)
    district_deadline = models.DateField(_("กำหนดส่งของอำเภอ (จังหวัดกำหนด)"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "province__name_th"]
        constraints = [
            models.UniqueConstraint(fields=["round", "province"], name="quota_one_per_province")
        ]
        verbose_name = _("จำนวนที่ได้รับจัดสรร")
        verbose_name_plural = _("จำนวนที่ได้รับจัดสรร")

    def __str__(self):
        return f"{self.province} {self.quota}"

    @property
    def deadline(self):
        return self.district_deadline or self.round.district_deadline


class CoreKind(models.TextChoices):
    SAVINGS = FundKind.SAVINGS.value, FundKind.SAVINGS.label
    KKKJ = FundKind.KKKJ.value, FundKind.KKKJ.label
    VILLAGE_FUND = FundKind.VILLAGE_FUND.value, FundKind.VILLAGE_FUND.label
    OTHER_FINANCIAL = FundKind.OTHER_FINANCIAL.value, _("กลุ่ม/กองทุน/องค์กรการเงินชุมชนอื่น")


class ScreeningQuerySet(area_queryset("village__subdistrict__district")):
    def with_details(self):
        """Location, willing groups and whether the village has a centre of its own
        (other than the one this round created), for lists without extra queries."""
        other_centre = Centre.objects.filter(village=OuterRef("village")).exclude(
            new_centre_nomination__screening=OuterRef("pk")
        )
        return (
            self.select_related("village__subdistrict__district__province", "round", "nomination")
            .prefetch_related("willing_groups")
            .annotate(village_has_centre=Exists(other_centre))
        )


class Screening(models.Model):
    """A district officer's screening of one village against the criteria of §3.1."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="screenings")
    village = models.ForeignKey(
        "geo.Village", verbose_name=_("หมู่บ้าน"), on_delete=models.PROTECT, related_name="+"
    )
    other_institution = models.CharField(
        _("สถาบันการเงินชุมชนรูปแบบอื่นที่ดำเนินงานในหมู่บ้าน (ถ้ามี)"),
        max_length=255,
        blank=True,
        help_text=_("เว้นว่างถ้าไม่มี"),
    )
    debt_households = models.PositiveIntegerField(_("ครัวเรือนที่มีปัญหาหนี้สิน"), default=0)
    low_income_households = models.PositiveIntegerField(
        _("ครัวเรือนที่ไม่ผ่านเกณฑ์รายได้ จปฐ. (50,000 บาท/คน/ปี)"), default=0
    )
    welfare_card_households = models.PositiveIntegerField(
        _("ครัวเรือนที่ลงทะเบียนบัตรสวัสดิการแห่งรัฐ"), default=0
    )
    core_kind = models.CharField(
        _("ประเภทกลุ่มแกนหลัก"), max_length=30, choices=CoreKind.choices, blank=True
    )
    core_name = models.CharField(_("ชื่อกลุ่มแกนหลัก"), max_length=255, blank=True)
    core_strong = models.BooleanField(_("กลุ่มแกนหลักเข้มแข็งตามหลักธรรมาภิบาล"), default=False)
    sufficiency_village = models.BooleanField(_("เป็นหมู่บ้านเศรษฐกิจพอเพียง"), default=False)
    office_place = models.CharField(
        _("สถานที่ทำการ"),
        max_length=255,
        blank=True,
        help_text=_("เช่น ศาลาประชาคมหมู่บ้าน (ใช้ร่วมกับกองทุนหมู่บ้าน); เว้นว่างถ้ายังไม่มี"),
    )
    leaders = models.TextField(_("ผู้นำ/ตัวแทนกลุ่มที่จะเสนอเป็นคณะกรรมการ"), blank=True)
    leaders_qualified = models.BooleanField(
        _("ผู้นำเป็นที่เคารพนับถือ ซื่อสัตย์ มีประสบการณ์บริหารกลุ่ม"), default=False
    )
    target_households = models.PositiveIntegerField(
        _("จำนวนครัวเรือนเป้าหมายที่คาดว่าจะเข้าร่วม"), default=0
    )
    coordinator = models.CharField(_("เจ้าหน้าที่ผู้ประสานงาน"), max_length=200, blank=True)
    coordinator_phone = models.CharField(_("โทรศัพท์"), max_length=20, blank=True)
    remarks = models.TextField(_("หมายเหตุ"), blank=True)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScreeningQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "village__subdistrict__district__name_th", "village__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "village"],
                name="screening_one_per_village_and_round",
                violation_error_message=_("หมู่บ้านนี้ได้รับการคัดกรองในรอบนี้แล้ว"),
            )
        ]
        verbose_name = _("การคัดกรองหมู่บ้าน")
        verbose_name_plural = _("การคัดกรองหมู่บ้าน")

    def __str__(self):
        return f"{self.village} ({self.round.fiscal_year})"

    def get_absolute_url(self):
        return reverse("newcentres:screening", args=[self.pk])

    @property
    def district_code(self) -> str:
        return self.village.district_code

    @property
    def has_centre(self) -> bool:
        """Criterion 1 from the data; annotated by `with_details()` in lists."""
        if hasattr(self, "village_has_centre"):
            return self.village_has_centre
        centres = Centre.objects.filter(village_id=self.village_id)
        if self.pk:
            centres = centres.exclude(new_centre_nomination__screening=self)
        return centres.exists()

    def facts(self) -> rules.ScreeningFacts:
        return rules.ScreeningFacts(
            has_centre=self.has_centre,
            other_institution=self.other_institution,
            debt_households=self.debt_households,
            low_income_households=self.low_income_households,
            welfare_card_households=self.welfare_card_households,
            core_kind=self.core_kind,
            core_strong=self.core_strong,
            sufficiency_village=self.sufficiency_village,
            willing_groups=tuple(g.name for g in self.willing_groups.all()),
            office_place=self.office_place,
            leaders=self.leaders,
            leaders_qualified=self.leaders_qualified,
            target_households=self.target_households,
        )

    @property
    def evaluation(self) -> rules.Evaluation:
        if not hasattr(self, "_evaluation"):
            self._evaluation = rules.evaluate(self.facts())
        return self._evaluation

    @property
    def core_label(self) -> str:
        if not self.core_kind:
            return ""
        kind = CoreKind(self.core_kind).label
        return f"{self.core_name} ({kind})" if self.core_name else str(kind)

    def willing_names(self) -> str:
        return ", ".join(g.name for g in self.willing_groups.all())

    def coordinator_line(self) -> str:
        return " ".join(part for part in (self.coordinator, self.coordinator_phone) if part)


class WillingGroup(models.Model):
    """A group, fund or organisation of the village willing to join the new centre."""

    screening = models.ForeignKey(
        Screening, on_delete=models.CASCADE, related_name="willing_groups"
    )
    kind = models.CharField(_("ประเภท"), max_length=30, choices=FundKind.choices)
    name = models.CharField(_("ชื่อกลุ่ม/กองทุน"), max_length=255)

    history = HistoricalRecords()

    class Meta:
        ordering = ["screening", "pk"]
        verbose_name = _("กลุ่ม/กองทุนที่สมัครใจเข้าร่วม")
        verbose_name_plural = _("กลุ่ม/กองทุนที่สมัครใจเข้าร่วม")

    def __str__(self):
        return self.name


class NominationStatus(models.TextChoices):
    NOMINATED = "nominated", _("อำเภอเสนอแล้ว")
    RETURNED = "returned", _("จังหวัดส่งคืนแก้ไข")
    SELECTED = "selected", _("จังหวัดคัดเลือกแล้ว")
    ESTABLISHED = "established", _("จัดตั้งศูนย์แล้ว")


SELECTED_STATUSES = (NominationStatus.SELECTED, NominationStatus.ESTABLISHED)
ACTIVE_STATUSES = (NominationStatus.NOMINATED, *SELECTED_STATUSES)


class NominationQuerySet(area_queryset("screening__village__subdistrict__district")):
    def with_details(self):
        other_centre = Centre.objects.filter(village=OuterRef("screening__village")).exclude(
            new_centre_nomination=OuterRef("pk")
        )
        return (
            self.select_related(
                "screening__village__subdistrict__district__province",
                "screening__round",
                "centre",
            )
            .prefetch_related("screening__willing_groups")
            .annotate(village_has_centre=Exists(other_centre))
        )

    def in_priority_order(self) -> list["Nomination"]:
        """The nominations as a list in priority order (core group kind first)."""
        nominations = list(self)
        for nomination in nominations:
            if hasattr(nomination, "village_has_centre"):
                nomination.screening.village_has_centre = nomination.village_has_centre
        return sorted(nominations, key=lambda n: n.priority_key)

    def selected(self):
        return self.filter(status__in=SELECTED_STATUSES)

    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)


class Nomination(models.Model):
    """A screened village the district proposes to the province as a target."""

    screening = models.OneToOneField(Screening, on_delete=models.CASCADE, related_name="nomination")
    status = models.CharField(
        _("สถานะ"),
        max_length=20,
        choices=NominationStatus.choices,
        default=NominationStatus.NOMINATED,
    )
    comment = models.TextField(_("ความเห็นของจังหวัด"), blank=True)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    nominated_at = models.DateTimeField(_("วันที่เสนอ"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("วันที่จังหวัดพิจารณา"), null=True, blank=True)
    centre = models.OneToOneField(
        Centre,
        verbose_name=_("ศูนย์ที่จัดตั้ง"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="new_centre_nomination",
    )

    objects = NominationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("การเสนอหมู่บ้านเป้าหมาย")
        verbose_name_plural = _("การเสนอหมู่บ้านเป้าหมาย")

    def __str__(self):
        return str(self.screening)

    def get_absolute_url(self):
        return self.screening.get_absolute_url()

    @property
    def district_code(self) -> str:
        return self.screening.village.district_code

    @property
    def priority_key(self) -> tuple:
        s = self.screening
        return rules.priority_key(s.core_kind, s.target_households, self.pk)

    @property
    def is_selected(self) -> bool:
        return self.status in SELECTED_STATUSES
