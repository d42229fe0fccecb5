"""Thailand's official geography (DOPA codes) and the villages officers enter."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cdfmc.access import area_queryset
from cdfmc.collation import COLLATION


class ProvinceGroup(models.Model):
    name = models.CharField(_("ชื่อกลุ่มจังหวัด"), max_length=200, unique=True)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("กลุ่มจังหวัด")
        verbose_name_plural = _("กลุ่มจังหวัด")

    def __str__(self):
        return self.name


class Province(models.Model):
    code = models.CharField(_("รหัสจังหวัด"), max_length=2, primary_key=True)
    name_th = models.CharField(_("ชื่อจังหวัด"), max_length=100, db_collation=COLLATION)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=100)
    group = models.ForeignKey(
        ProvinceGroup,
        verbose_name=_("กลุ่มจังหวัด"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="provinces",
    )

    class Meta:
        ordering = ["name_th"]
        verbose_name = _("จังหวัด")
        verbose_name_plural = _("จังหวัด")

    def __str__(self):
        return self.name_th

    @property
    def display_name(self) -> str:
        return f"จ.{self.name_th}"


class District(models.Model):
    code = models.CharField(_("รหัสอำเภอ"), max_length=4, primary_key=True)
    province = models.ForeignKey(
        Province, verbose_name=_("จังหวัด"), on_delete=models.PROTECT, related_name="districts"
    )
    name_th = models.CharField(_("ชื่ออำเภอ"), max_length=100, db_collation=COLLATION)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=100)

    objects = area_queryset("code", "province").as_manager()

    class Meta:
        ordering = ["name_th"]
        verbose_name = _("อำเภอ")
        verbose_name_plural = _("อำเภอ")

    def __str__(self):
        return self.name_th

    @property
    def district_code(self) -> str:
        return self.code

    @property
    def display_name(self) -> str:
        return f"อ.{self.name_th}"


class Subdistrict(models.Model):
    code = models.CharField(_("รหัสตำบล"), max_length=6, primary_key=True)
    district = models.ForeignKey(
        District, verbose_name=_("อำเภอ"), on_delete=models.PROTECT, related_name="subdistricts"
    )
    name_th = models.CharField(_("ชื่อตำบล"), max_length=100, db_collation=COLLATION)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=100)

    objects = area_queryset("district").as_manager()

    class Meta:
        ordering = ["name_th"]
        verbose_name = _("ตำบล")
        verbose_name_plural = _("ตำบล")

    def __str__(self):
        return self.name_th

    @property
    def district_code(self) -> str:
        return self.code[:4]


class Village(models.Model):
    """A village (หมู่บ้าน): subdistrict + village number; its 8-digit code is derived."""

    subdistrict = models.ForeignKey(
        Subdistrict, verbose_name=_("ตำบล"), on_delete=models.PROTECT, related_name="villages"
    )
    number = models.PositiveSmallIntegerField(
        _("หมู่ที่"), validators=[MinValueValidator(1), MaxValueValidator(99)]
    )
    name = models.CharField(_("ชื่อหมู่บ้าน"), max_length=200, db_collation=COLLATION)
    population = models.PositiveIntegerField(_("จำนวนประชากร (คน)"), null=True, blank=True)
    households = models.PositiveIntegerField(_("จำนวนครัวเรือน"), null=True, blank=True)

    objects = area_queryset("subdistrict__district").as_manager()

    class Meta:
        ordering = ["subdistrict__district__name_th", "subdistrict__name_th", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["subdistrict", "number"],
                name="village_unique_number_in_subdistrict",
                violation_error_message=_("ตำบลนี้มีหมู่ที่นี้อยู่แล้ว"),
            )
        ]
        verbose_name = _("หมู่บ้าน")
        verbose_name_plural = _("หมู่บ้าน")

    def __str__(self):
        return f"{self.name} หมู่ที่ {self.number}"

    @property
    def code(self) -> str:
        return f"{self.subdistrict_id}{self.number:02d}"

    @property
    def district_code(self) -> str:
        return self.subdistrict_id[:4]

    @property
    def province_code(self) -> str:
        return self.subdistrict_id[:2]

    @property
    def location(self) -> str:
        """หมู่ที่ ๒ ต.วังหลวง อ.เฝ้าไร่ จ.หนองคาย — needs subdistrict, district, province loaded."""
        sub = self.subdistrict
        return (
            f"หมู่ที่ {self.number} ต.{sub.name_th} อ.{sub.district.name_th} "
            f"จ.{sub.district.province.name_th}"
        )
