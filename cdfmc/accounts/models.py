from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    DISTRICT = "district", _("เจ้าหน้าที่สำนักงานพัฒนาชุมชนอำเภอ")
    PROVINCE = "province", _("เจ้าหน้าที่สำนักงานพัฒนาชุมชนจังหวัด")
    HEAD_OFFICE = "head_office", _("ส่วนกลาง (สทอ.)")
    ADMIN = "admin", _("ผู้ดูแลระบบ")


class User(AbstractUser):
    """A person who logs in; their role and area decide what they may see and change."""

    role = models.CharField(_("บทบาท"), max_length=20, choices=Role.choices, default=Role.DISTRICT)
    province = models.ForeignKey(
        "geo.Province",
        verbose_name=_("จังหวัด"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    district = models.ForeignKey(
        "geo.District",
        verbose_name=_("อำเภอ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    position = models.CharField(_("ตำแหน่ง"), max_length=200, blank=True)
    phone = models.CharField(_("โทรศัพท์"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("ผู้ใช้งาน")
        verbose_name_plural = _("ผู้ใช้งาน")

    def __str__(self):
        return self.get_full_name() or self.username

    def clean(self):
        super().clean()
        if self.role == Role.DISTRICT and not self.district_id:
            raise ValidationError({"district": _("เจ้าหน้าที่อำเภอต้องระบุอำเภอ")})
        if self.role == Role.PROVINCE and not self.province_id:
            raise ValidationError({"province": _("เจ้าหน้าที่จังหวัดต้องระบุจังหวัด")})

    def save(self, *args, **kwargs):
        # A district officer's province follows from the district (its code's first two digits).
        if self.role == Role.DISTRICT and self.district_id:
            self.province_id = self.district_id[:2]
        super().save(*args, **kwargs)

    @property
    def is_district_officer(self) -> bool:
        return self.role == Role.DISTRICT

    @property
    def is_provincial_staff(self) -> bool:
        return self.role == Role.PROVINCE

    @property
    def is_head_office(self) -> bool:
        return self.role == Role.HEAD_OFFICE

    @property
    def is_administrator(self) -> bool:
        return self.role == Role.ADMIN or self.is_superuser

    @property
    def area_label(self) -> str:
        if self.role == Role.DISTRICT and self.district_id:
            return f"{self.district.display_name} {self.district.province.display_name}"
        if self.role == Role.PROVINCE and self.province_id:
            return self.province.display_name
        return str(_("ทั่วประเทศ"))
