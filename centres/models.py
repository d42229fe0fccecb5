from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cdfmc.access import area_queryset
from cdfmc.collation import COLLATION
from cdfmc.thaitime import to_thai_digits


class CentreStatus(models.TextChoices):
    TARGET = "target", _("หมู่บ้านเป้าหมายจัดตั้ง")
    ESTABLISHED = "established", _("จัดตั้งแล้ว")
    MODEL = "model", _("ศูนย์ต้นแบบด้านการบริหารจัดการหนี้")


class CentreQuerySet(area_queryset("village__subdistrict__district")):
    def with_location(self):
        return self.select_related("village__subdistrict__district__province")


class Centre(models.Model):
    """A community-fund management centre (ศูนย์จัดการกองทุนชุมชน, ศจก.) in one village."""

    name = models.CharField(_("ชื่อศูนย์จัดการกองทุนชุมชน"), max_length=255, db_collation=COLLATION)
    village = models.OneToOneField(
        "geo.Village",
        verbose_name=_("หมู่บ้าน"),
        on_delete=models.PROTECT,
        related_name="centre",
        error_messages={"unique": _("หมู่บ้านนี้มีศูนย์จัดการกองทุนชุมชนอยู่แล้ว")},
    )
    established_on = models.DateField(_("วันที่จัดตั้ง"), null=True, blank=True)
    vision = models.TextField(_("วิสัยทัศน์"), blank=True)
    status = models.CharField(
        _("สถานะ"), max_length=20, choices=CentreStatus.choices, default=CentreStatus.ESTABLISHED
    )
    model_year = models.PositiveSmallIntegerField(
        _("ปีที่เป็นศูนย์ต้นแบบ (พ.ศ.)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2551), MaxValueValidator(2700)],
    )
    level = models.PositiveSmallIntegerField(
        _("ผลการประเมินการจัดระดับการพัฒนา"),
        null=True,
        blank=True,
        choices=[(1, "1"), (2, "2"), (3, "3")],
    )
    remarks = models.TextField(_("หมายเหตุ"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CentreQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("ศูนย์จัดการกองทุนชุมชน")
        verbose_name_plural = _("ศูนย์จัดการกองทุนชุมชน")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("centres:detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.status == CentreStatus.MODEL and not self.model_year:
            raise ValidationError({"model_year": _("ศูนย์ต้นแบบต้องระบุปีที่เป็นต้นแบบ (พ.ศ.)")})

    @property
    def district_code(self) -> str:
        return self.village.district_code

    @property
    def model_remark(self) -> str:
        """ "ศจก.ต้นแบบ ปี ๒๕๖๑" as the register prints it, or ""."""
        if self.status == CentreStatus.MODEL and self.model_year:
            return f"ศจก.ต้นแบบ ปี {to_thai_digits(self.model_year)}"
        return ""


class FundKind(models.TextChoices):
    SAVINGS = "savings", _("กลุ่มออมทรัพย์เพื่อการผลิต")
    KKKJ = "kkkj", _("กองทุนโครงการแก้ไขปัญหาความยากจน (กข.คจ.)")
    VILLAGE_FUND = "village_fund", _("กองทุนหมู่บ้านและชุมชนเมือง (กทบ.)")
    OTHER_FINANCIAL = "other_financial", _("องค์กรการเงินอื่น")
    OTHER_NONFINANCIAL = "other_nonfinancial", _("องค์กรอื่นที่ไม่มีเงินทุน")


class MemberFund(models.Model):
    """A group, fund or organisation that is a member of the centre."""

    centre = models.ForeignKey(
        Centre, verbose_name=_("ศูนย์"), on_delete=models.CASCADE, related_name="member_funds"
    )
    kind = models.CharField(_("ประเภท"), max_length=30, choices=FundKind.choices)
    name = models.CharField(_("ชื่อกลุ่ม/กองทุน"), max_length=255)
    members = models.PositiveIntegerField(_("จำนวนสมาชิก (คน)"), default=0)
    capital = models.DecimalField(
        _("เงินทุน (บาท)"),
        max_digits=14,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["centre", "kind", "name"]
        verbose_name = _("กลุ่ม/กองทุนสมาชิก")
        verbose_name_plural = _("กลุ่ม/กองทุนสมาชิก")

    def __str__(self):
        return self.name

    @property
    def is_financial(self) -> bool:
        return self.kind != FundKind.OTHER_NONFINANCIAL
