from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.crypto import salted_hmac
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
    # Part of every session's auth hash: raised when the account is deactivated or
    # reactivated, so sessions from before never come back to life.
    session_epoch = models.PositiveIntegerField(default=0, editable=False)

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

    @classmethod
    def from_db(cls, db, field_names, values):
        user = super().from_db(db, field_names, values)
        user._saved_is_active = user.__dict__.get("is_active")
        return user

    def save(self, *args, **kwargs):
        # A district officer's province follows from the district (its code's first two digits).
        if self.role == Role.DISTRICT and self.district_id:
            self.province_id = self.district_id[:2]
        saved = getattr(self, "_saved_is_active", None)
        if saved is not None and saved != self.is_active:
            self.session_epoch += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "session_epoch"}
        super().save(*args, **kwargs)
        self._saved_is_active = self.is_active

    def get_session_auth_hash(self):
        return self._session_hash()

    def get_session_auth_fallback_hash(self):
        for secret in settings.SECRET_KEY_FALLBACKS:
            yield self._session_hash(secret)

    def _session_hash(self, secret=None):
        # Django's hash of the password, plus the epoch once there is one (so sessions
        # made before the epoch existed stay valid).
        value = self.password if not self.session_epoch else f"{self.password}:{self.session_epoch}"
        key_salt = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()

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
