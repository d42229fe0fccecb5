"""Where access is decided.

A user's area: a district officer has one district, provincial staff one province,
head office and administrators the whole country. Every list starts from a model's
`visible_to(user)` queryset; every object view goes through a `get_<thing>_for_user`
helper that returns the object (404 outside the area) and whether the user may edit it.
Records carry their area as DOPA codes: a district code's first two digits are its
province, so edit rights need no extra query.
"""

from django.db import models
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from cdfmc.accounts.models import Role

NOTHING = Q(pk__in=[])


def area_q(user, district_path: str, province_path: str | None = None) -> Q:
    """The filter that keeps the rows inside the user's area.

    `district_path` leads from the model to its District (e.g. "village__subdistrict__district");
    `province_path` to its Province, by default through the district.
    """
    if not user.is_authenticated:
        return NOTHING
    if user.is_administrator or user.role == Role.HEAD_OFFICE:
        return Q()
    if user.role == Role.DISTRICT and user.district_id:
        return Q(**{district_path: user.district_id})
    if user.role == Role.PROVINCE and user.province_id:
        return Q(**{province_path or f"{district_path}__province": user.province_id})
    return NOTHING


def can_see_area(user, district_code: str) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_administrator or user.role == Role.HEAD_OFFICE:
        return True
    if user.role == Role.DISTRICT:
        return user.district_id == district_code
    if user.role == Role.PROVINCE:
        return bool(user.province_id) and district_code[:2] == user.province_id
    return False


def can_see_province(user, province_code: str) -> bool:
    """Whether any of the province is in the user's area (a district officer: their own)."""
    if not user.is_authenticated:
        return False
    if user.is_administrator or user.role == Role.HEAD_OFFICE:
        return True
    return bool(user.province_id) and user.province_id == province_code


def province_q(user, path: str = "code") -> Q:
    """The provinces a user may pick (a dropdown): their own, or all for head office."""
    if not user.is_authenticated:
        return NOTHING
    if user.is_administrator or user.role == Role.HEAD_OFFICE:
        return Q()
    if user.province_id:
        return Q(**{path: user.province_id})
    return NOTHING


def can_edit_area(user, district_code: str) -> bool:
    """District officers keep their district's records; provincial staff correct and
    review their province's; head office reads only."""
    if not user.is_authenticated:
        return False
    if user.role == Role.HEAD_OFFICE and not user.is_superuser:
        return False
    return can_see_area(user, district_code)


def refusal_reason(user) -> str:
    """What a refused user may not do and who may: the 403 page's text when the view
    raised PermissionDenied without a reason of its own."""
    if user.is_authenticated and user.role == Role.HEAD_OFFICE and not user.is_superuser:
        return _(
            "ส่วนกลางอ่านข้อมูลได้อย่างเดียว ผู้แก้ไขข้อมูลได้คือสำนักงานพัฒนาชุมชนอำเภอเจ้าของพื้นที่ "
            "และสำนักงานพัฒนาชุมชนจังหวัด"
        )
    if user.is_authenticated and user.role == Role.DISTRICT:
        return _(
            "เจ้าหน้าที่สำนักงานพัฒนาชุมชนอำเภอดูข้อมูลนี้ได้ แต่รายการนี้เป็นงานของ"
            "สำนักงานพัฒนาชุมชนจังหวัด หรือส่วนกลาง (สทอ.)"
        )
    if user.is_authenticated and user.role == Role.PROVINCE:
        return _("รายการนี้เป็นงานของส่วนกลาง (สทอ.) หรือของผู้ประเมินที่ได้รับมอบหมาย")
    return _("บัญชีนี้ไม่มีสิทธิ์ทำรายการนี้ กรุณาติดต่อผู้ดูแลระบบ")


def can_manage_province(user, province_code: str) -> bool:
    """Provincial decisions (review, scoring, selection) for one province."""
    if user.is_administrator:
        return True
    return user.role == Role.PROVINCE and user.province_id == province_code


class AreaQuerySet(models.QuerySet):
    """A queryset that knows the path from its model to the District."""

    district_path = "district"
    province_path = "district__province"

    def visible_to(self, user):
        return self.filter(area_q(user, self.district_path, self.province_path))

    def in_district(self, district_code: str):
        return self.filter(**{self.district_path: district_code})

    def in_province(self, province_code: str):
        return self.filter(**{self.province_path: province_code})


def area_queryset(district_path: str, province_path: str | None = None) -> type[AreaQuerySet]:
    """A QuerySet class for a model whose District is at `district_path`."""
    attrs = {
        "district_path": district_path,
        "province_path": province_path or f"{district_path}__province",
    }
    return type("AreaQuerySet", (AreaQuerySet,), attrs)


def get_for_user(queryset: AreaQuerySet, user, **lookup):
    """Return (object, can_edit) for an object in the user's area, or raise Http404."""
    obj = get_object_or_404(queryset.visible_to(user), **lookup)
    return obj, can_edit_area(user, obj.district_code)


def can_enter_data(user) -> bool:
    """Who creates records at all: district officers, provincial staff, administrators."""
    if not user.is_authenticated:
        return False
    return user.role in {Role.DISTRICT, Role.PROVINCE} or user.is_administrator
