import re
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cdfmc.access import area_queryset
from cdfmc.collation import COLLATION
from cdfmc.thaitime import fiscal_year_end, fiscal_year_start, to_arabic_digits, to_thai_digits
from cdfmc.validators import PLAUSIBLE_DATE
from centres.indicators import INDICATORS


class CentreStatus(models.TextChoices):
    TARGET = "target", _("หมู่บ้านเป้าหมายจัดตั้ง")
    ESTABLISHED = "established", _("จัดตั้งแล้ว")
    MODEL = "model", _("ศูนย์ต้นแบบด้านการบริหารจัดการหนี้")


class RegulationsApproval(models.TextChoices):
    NONE = "none", _("ยังไม่ได้เสนอให้ความเห็นชอบ")
    COMMITTEE = "committee", _("กำหนดโดยคณะกรรมการ ไม่ได้ผ่านที่ประชุมสมาชิก")
    MEMBERS_MEETING = "members_meeting", _("ผ่านความเห็นชอบจากที่ประชุมสมาชิก")


class OfficeKind(models.TextChoices):
    NONE = "none", _("ยังไม่มีที่ทำการ")
    TEMPORARY = "temporary", _("ชั่วคราว (บ้านบุคคล ไม่มีที่เก็บเอกสารแยก)")
    PERMANENT = "permanent", _("ถาวร")


class CentreQuerySet(area_queryset("village__subdistrict__district")):
    def with_location(self):
        return self.select_related("village__subdistrict__district__province")

    def short_of_targets(self, minimum: int):
        """Established centres with fewer than `minimum` target households (DOMAIN §3.1)."""
        return (
            self.exclude(status=CentreStatus.TARGET)
            .annotate(target_count=Count("households", filter=Q(households__is_target=True)))
            .filter(target_count__lt=minimum)
        )


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
    established_on = models.DateField(
        _("วันที่จัดตั้ง"), null=True, blank=True, validators=PLAUSIBLE_DATE
    )
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
    committee_appointed_on = models.DateField(
        _("วันที่คำสั่งแต่งตั้งคณะกรรมการ"), null=True, blank=True, validators=PLAUSIBLE_DATE
    )
    # Regulations (ระเบียบข้อบังคับ), indicator 1.5.
    regulations_written = models.BooleanField(_("มีระเบียบข้อบังคับเป็นลายลักษณ์อักษร"), default=False)
    regulations_approval = models.CharField(
        _("การให้ความเห็นชอบระเบียบ"),
        max_length=20,
        choices=RegulationsApproval.choices,
        default=RegulationsApproval.NONE,
    )
    regulations_approved_on = models.DateField(
        _("วันที่ให้ความเห็นชอบระเบียบ"), null=True, blank=True, validators=PLAUSIBLE_DATE
    )
    regulations_followed = models.BooleanField(_("คณะกรรมการเข้าใจและปฏิบัติตามระเบียบ"), default=False)
    regulations_topics = models.TextField(
        _("หมวดของระเบียบ (การประชุม สมาชิก การให้กู้ แผนปฏิบัติการ ฯลฯ)"), blank=True
    )
    # Office (สถานที่ทำการ), indicator 1.6.
    office_kind = models.CharField(
        _("สถานที่ทำการ"), max_length=20, choices=OfficeKind.choices, default=OfficeKind.NONE
    )
    office_has_sign = models.BooleanField(_("มีป้ายชื่อศูนย์"), default=False)
    office_has_board = models.BooleanField(_("มีป้ายแสดงผลการดำเนินงาน"), default=False)
    office_board_current = models.BooleanField(_("ป้ายแสดงผลการดำเนินงานเป็นปัจจุบัน"), default=False)
    office_shared = models.BooleanField(_("ใช้ที่ทำการร่วมกับกลุ่มอื่น"), default=False)
    office_has_floor_plan = models.BooleanField(_("มีแผนผังที่ทำการ"), default=False)
    office_address = models.TextField(_("ที่ตั้งที่ทำการ"), blank=True)
    # Welfare (สวัสดิการ), indicator 2.7.
    welfare_plan = models.BooleanField(_("มีแผนการจัดสวัสดิการ"), default=False)
    welfare_members = models.BooleanField(_("จัดสวัสดิการให้สมาชิกของกลุ่มที่เป็นสมาชิกศูนย์"), default=False)
    welfare_community = models.BooleanField(_("จัดสวัสดิการให้คนในชุมชน"), default=False)
    welfare_notes = models.TextField(_("รายละเอียดสวัสดิการ"), blank=True)
    # Support of target households, indicator 2.6.
    support_discipline_training = models.BooleanField(
        _("อบรมวินัยทางการเงินและการจัดทำบัญชีครัวเรือน"), default=False
    )
    support_occupation = models.BooleanField(_("ส่งเสริมอาชีพเพื่อเพิ่มรายได้"), default=False)
    support_group_form = models.BooleanField(_("ดำเนินการในรูปแบบกลุ่ม (เช่น กลุ่มอาชีพ)"), default=False)
    support_notes = models.TextField(_("รายละเอียดการสนับสนุนครัวเรือน"), blank=True)
    # Learning centre, indicator 3.4.
    learning_points = models.PositiveSmallIntegerField(_("จำนวนจุดเรียนรู้/ฐานเรียนรู้"), default=0)
    learning_description = models.TextField(_("รายละเอียดแหล่งเรียนรู้"), blank=True)
    outside_visitors_per_year = models.PositiveIntegerField(
        _("ผู้มาศึกษาดูงานจากภายนอกชุมชน (คน/ปี)"), default=0
    )
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
        if self.status != CentreStatus.MODEL:
            # A year left from an earlier status would still be shown beside the new one.
            self.model_year = None
        elif not self.model_year:
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
    updated_on = models.DateField(
        _("วันที่ปรับปรุงข้อมูลล่าสุด"), null=True, blank=True, validators=PLAUSIBLE_DATE
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


THAI_PHONE = re.compile(r"^0\d{8,9}$")


def normalise_phone(text: str) -> str:
    """ "๐๘๑-๒๓๔ ๕๖๗๘" -> "0812345678": Thai digits to Arabic, dashes and spaces dropped."""
    return re.sub(r"[\s\-.]", "", to_arabic_digits(text or ""))


def validate_thai_phone(value: str):
    if value and not THAI_PHONE.match(normalise_phone(value)):
        raise ValidationError(
            _("หมายเลขโทรศัพท์ต้องขึ้นต้นด้วย 0 และมี 9 หรือ 10 หลัก เช่น 081-234-5678"),
            code="invalid_phone",
        )


class DatedQuerySet(models.QuerySet):
    """Rows dated by `date_field`; `in_fiscal_year(2568)` keeps 1 Oct 2024 – 30 Sep 2025."""

    date_field = "held_on"

    def in_fiscal_year(self, fy: int):
        return self.filter(
            **{f"{self.date_field}__range": (fiscal_year_start(fy), fiscal_year_end(fy))}
        )


class VisitQuerySet(DatedQuerySet):
    date_field = "visited_on"


class CommitteeRole(models.TextChoices):
    CHAIR = "chair", _("ประธาน")
    VICE_CHAIR = "vice_chair", _("รองประธาน")
    SECRETARY = "secretary", _("เลขานุการ")
    TREASURER = "treasurer", _("เหรัญญิก")
    MEMBER = "member", _("กรรมการ")
    ADVISOR = "advisor", _("ที่ปรึกษา")


ROLE_ORDER = models.Case(
    *[models.When(role=value, then=i) for i, value in enumerate(CommitteeRole.values)],
    output_field=models.IntegerField(),
)


class CommitteeMember(models.Model):
    """A person on the centre's committee, representing a member fund or qualified."""

    centre = models.ForeignKey(
        Centre, verbose_name=_("ศูนย์"), on_delete=models.CASCADE, related_name="committee"
    )
    role = models.CharField(_("ตำแหน่ง"), max_length=20, choices=CommitteeRole.choices)
    name = models.CharField(_("ชื่อ-สกุล"), max_length=200)
    phone = models.CharField(
        _("โทรศัพท์"), max_length=20, blank=True, validators=[validate_thai_phone]
    )
    represents = models.ForeignKey(
        MemberFund,
        verbose_name=_("ผู้แทนกลุ่ม/กองทุน"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="representatives",
    )
    is_qualified_person = models.BooleanField(_("ผู้ทรงคุณวุฒิ"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = [ROLE_ORDER.asc(), "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre"],
                condition=Q(role="chair"),
                name="committee_one_chair_per_centre",
                violation_error_message=_("คณะกรรมการมีประธานได้เพียงคนเดียว"),
            )
        ]
        verbose_name = _("กรรมการ")
        verbose_name_plural = _("คณะกรรมการ")

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    def clean(self):
        super().clean()
        errors = {}
        if self.phone:
            self.phone = normalise_phone(self.phone)
        if self.role == CommitteeRole.CHAIR and self.centre_id:
            chairs = CommitteeMember.objects.filter(
                centre_id=self.centre_id, role=CommitteeRole.CHAIR
            )
            if chairs.exclude(pk=self.pk).exists():
                errors["role"] = _("คณะกรรมการมีประธานได้เพียงคนเดียว ศูนย์นี้มีประธานแล้ว")
        if self.represents_id and self.is_qualified_person:
            errors["is_qualified_person"] = _("กรรมการเป็นผู้แทนกลุ่ม/กองทุน หรือผู้ทรงคุณวุฒิ อย่างใดอย่างหนึ่ง")
        if self.represents_id and self.centre_id and self.represents.centre_id != self.centre_id:
            errors["represents"] = _("กลุ่ม/กองทุนนี้ไม่ใช่สมาชิกของศูนย์")
        if errors:
            raise ValidationError(errors)


class Division(models.Model):
    """A working division (ฝ่าย) of the committee, with its members and duties."""

    centre = models.ForeignKey(
        Centre, verbose_name=_("ศูนย์"), on_delete=models.CASCADE, related_name="divisions"
    )
    name = models.CharField(_("ชื่อฝ่าย"), max_length=200)
    duties = models.TextField(_("บทบาทหน้าที่"), blank=True)
    members = models.ManyToManyField(
        CommitteeMember, verbose_name=_("สมาชิกฝ่าย"), blank=True, related_name="divisions"
    )

    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        ordering = ["id"]
        verbose_name = _("ฝ่าย")
        verbose_name_plural = _("ฝ่ายงาน")

    def __str__(self):
        return self.name


class MeetingKind(models.TextChoices):
    COMMITTEE = "committee", _("ประชุมคณะกรรมการ")
    MEMBERS = "members", _("ประชุมสมาชิก")


class Meeting(models.Model):
    """A committee or members' meeting; attendance and agenda feed indicators 1.3, 2.3, 2.9."""

    centre = models.ForeignKey(
        Centre, verbose_name=_("ศูนย์"), on_delete=models.CASCADE, related_name="meetings"
    )
    kind = models.CharField(_("ประเภทการประชุม"), max_length=20, choices=MeetingKind.choices)
    held_on = models.DateField(_("วันที่ประชุม"), validators=PLAUSIBLE_DATE)
    attendees = models.PositiveIntegerField(_("จำนวนผู้เข้าประชุม (คน)"))
    members_total = models.PositiveIntegerField(
        _("จำนวนสมาชิกทั้งหมด (คน)"),
        null=True,
        blank=True,
        help_text=_("สำหรับการประชุมสมาชิก"),
    )
    has_minutes = models.BooleanField(_("มีบันทึกรายงานการประชุม"), default=False)
    topic_debtors = models.BooleanField(_("วาระ: การบริหารจัดการหนี้ของลูกหนี้แต่ละราย"), default=False)
    topic_negotiation = models.BooleanField(_("วาระ: การเจรจาระหว่างลูกหนี้และเจ้าหนี้"), default=False)
    topic_action_plan = models.BooleanField(_("วาระ: แผนปฏิบัติการ"), default=False)
    topic_other = models.TextField(_("วาระอื่น ๆ"), blank=True)

    objects = DatedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("การประชุม")
        verbose_name_plural = _("การประชุม")

    def __str__(self):
        return f"{self.get_kind_display()} {self.held_on}"

    def clean(self):
        super().clean()
        if self.kind == MeetingKind.MEMBERS:
            if self.members_total is None:
                raise ValidationError({"members_total": _("การประชุมสมาชิกต้องระบุจำนวนสมาชิกทั้งหมด")})
            if self.attendees is not None and self.attendees > self.members_total:
                raise ValidationError(
                    {
                        "attendees": _(
                            "จำนวนผู้เข้าประชุม (%(attendees)s คน) เกินจำนวนสมาชิกทั้งหมด (%(total)s คน)"
                        )
                        % {"attendees": self.attendees, "total": self.members_total}
                    }
                )
            self._check_members_total()
        elif self.kind == MeetingKind.COMMITTEE:
            self._check_committee_attendance()

    def _check_members_total(self):
        # Members of the centre are members of its funds: the funds' total bounds them
        # (someone in two funds counts twice, so it is an upper bound). Unknown: no check.
        if not self.centre_id:
            return
        funds_total = self.centre.member_funds.aggregate(n=models.Sum("members"))["n"]
        if funds_total and self.members_total > funds_total:
            message = _(
                "จำนวนสมาชิกทั้งหมด (%(total)s คน) เกินจำนวนสมาชิกรวมของกลุ่ม/กองทุนสมาชิกของศูนย์ "
                "(%(funds)s คน) กรุณาตรวจสอบ หรือปรับปรุงจำนวนสมาชิกของกลุ่ม/กองทุนก่อน"
            )
            total = {"total": self.members_total, "funds": funds_total}
            raise ValidationError({"members_total": message % total})

    def _check_committee_attendance(self):
        if not self.centre_id or self.attendees is None:
            return
        committee = self.centre.committee.count()
        if committee and self.attendees > committee:
            message = _(
                "จำนวนผู้เข้าประชุม (%(attendees)s คน) เกินจำนวนกรรมการของศูนย์ (%(committee)s คน)"
            )
            counts = {"attendees": self.attendees, "committee": committee}
            raise ValidationError({"attendees": message % counts})

    @property
    def attendance_rate(self) -> float | None:
        """Share of members present at a members' meeting (0–1), or None."""
        if self.kind != MeetingKind.MEMBERS or not self.members_total:
            return None
        return self.attendees / self.members_total


class TrainingKind(models.TextChoices):
    TRAINING = "training", _("ฝึกอบรม")
    SEMINAR = "seminar", _("สัมมนา")
    STUDY_VISIT = "study_visit", _("ศึกษาดูงาน")


class Training(models.Model):
    centre = models.ForeignKey(
        Centre, verbose_name=_("ศูนย์"), on_delete=models.CASCADE, related_name="trainings"
    )
    kind = models.CharField(_("ประเภท"), max_length=20, choices=TrainingKind.choices)
    held_on = models.DateField(_("วันที่"), validators=PLAUSIBLE_DATE)
    title = models.CharField(_("หัวข้อ/หลักสูตร"), max_length=255)
    participants = models.PositiveIntegerField(_("จำนวนผู้เข้าร่วม (คน)"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("การฝึกอบรม/สัมมนา/ศึกษาดูงาน")
        verbose_name_plural = _("การฝึกอบรม/สัมมนา/ศึกษาดูงาน")

    def __str__(self):
        return self.title


class VisitorLevel(models.TextChoices):
    DISTRICT = "district", _("สำนักงานพัฒนาชุมชนอำเภอ")
    PROVINCE = "province", _("สำนักงานพัฒนาชุมชนจังหวัด")
    DEPARTMENT = "department", _("กรมการพัฒนาชุมชน")
    FINANCIAL_INSTITUTION = "financial_institution", _("สถาบันการเงิน")
    LOCAL_GOVERNMENT = "local_government", _("องค์กรปกครองส่วนท้องถิ่น (อบต./เทศบาล)")
    OTHER = "other", _("หน่วยงานอื่น")


class Visit(models.Model):
    """An entry of the visitors' book (สมุดตรวจเยี่ยม), indicator 2.10."""

    centre = models.ForeignKey(
        Centre, verbose_name=_("ศูนย์"), on_delete=models.CASCADE, related_name="visits"
    )
    visited_on = models.DateField(_("วันที่ตรวจเยี่ยม"), validators=PLAUSIBLE_DATE)
    visitor_level = models.CharField(
        _("หน่วยงานผู้ตรวจเยี่ยม"), max_length=30, choices=VisitorLevel.choices
    )
    visitor_name = models.CharField(_("ชื่อผู้ตรวจเยี่ยม/หน่วยงาน"), max_length=255, blank=True)
    recommendations = models.TextField(_("ข้อเสนอแนะ"), blank=True)
    acted_on = models.BooleanField(_("นำข้อเสนอแนะไปจัดทำแผนปฏิบัติการแล้ว"), default=False)

    objects = VisitQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-visited_on", "-id"]
        verbose_name = _("การตรวจเยี่ยม")
        verbose_name_plural = _("การตรวจเยี่ยม")

    def __str__(self):
        return f"{self.get_visitor_level_display()} {self.visited_on}"


class ActionPlan(models.Model):
    """The annual action plan (แผนปฏิบัติการประจำปี) of one fiscal year, indicator 2.4."""

    centre = models.ForeignKey(
        Centre, verbose_name=_("ศูนย์"), on_delete=models.CASCADE, related_name="action_plans"
    )
    fiscal_year = models.PositiveSmallIntegerField(
        _("ปีงบประมาณ (พ.ศ.)"), validators=[MinValueValidator(2551), MaxValueValidator(2700)]
    )
    members_participated = models.BooleanField(_("สมาชิกมีส่วนร่วมจัดทำแผน"), default=False)
    covers_operations = models.BooleanField(_("แผนครอบคลุมการดำเนินงานของศูนย์"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-fiscal_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "fiscal_year"],
                name="action_plan_one_per_fiscal_year",
                violation_error_message=_("ศูนย์นี้มีแผนปฏิบัติการของปีงบประมาณนี้แล้ว"),
            )
        ]
        verbose_name = _("แผนปฏิบัติการประจำปี")
        verbose_name_plural = _("แผนปฏิบัติการประจำปี")

    def __str__(self):
        return f"แผนปฏิบัติการประจำปีงบประมาณ {self.fiscal_year}"

    @property
    def district_code(self) -> str:
        return self.centre.district_code


class PlanActivity(models.Model):
    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("แผน"), on_delete=models.CASCADE, related_name="activities"
    )
    name = models.CharField(_("กิจกรรม"), max_length=255)
    done = models.BooleanField(_("ดำเนินการแล้ว"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = _("กิจกรรมตามแผน")
        verbose_name_plural = _("กิจกรรมตามแผน")

    def __str__(self):
        return self.name


class EvidenceKind(models.TextChoices):
    PHOTO = "photo", _("ภาพถ่าย")
    DOCUMENT = "document", _("เอกสาร")


def evidence_path(instance, filename: str) -> str:
    """A non-guessable name under MEDIA_ROOT; the typed file name is never used."""
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"evidence/{instance.centre_id}/{uuid.uuid4().hex}{suffix}"


class Evidence(models.Model):
    """A document or photo proving rubric indicators; served only through a scoped view."""

    centre = models.ForeignKey(
        Centre, verbose_name=_("ศูนย์"), on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(_("ไฟล์"), upload_to=evidence_path, max_length=255)
    thumbnail = models.FileField(upload_to=evidence_path, max_length=255, blank=True)
    title = models.CharField(_("ชื่อหลักฐาน"), max_length=255)
    kind = models.CharField(_("ประเภท"), max_length=20, choices=EvidenceKind.choices)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("ขนาด (ไบต์)"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้อัปโหลด"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("วันที่อัปโหลด"), auto_now_add=True)
    fiscal_year = models.PositiveSmallIntegerField(
        _("ปีงบประมาณ (พ.ศ.)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2551), MaxValueValidator(2700)],
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("หลักฐานเชิงประจักษ์")
        verbose_name_plural = _("หลักฐานเชิงประจักษ์")

    def __str__(self):
        return self.title

    @property
    def is_image(self) -> bool:
        return self.content_type in {"image/jpeg", "image/png"}


class EvidenceTag(models.Model):
    evidence = models.ForeignKey(
        Evidence, verbose_name=_("หลักฐาน"), on_delete=models.CASCADE, related_name="tags"
    )
    indicator_code = models.CharField(_("ตัวชี้วัด"), max_length=10, choices=INDICATORS)

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["evidence", "indicator_code"], name="evidence_tag_unique"
            )
        ]
        verbose_name = _("ตัวชี้วัดของหลักฐาน")
        verbose_name_plural = _("ตัวชี้วัดของหลักฐาน")

    def __str__(self):
        return self.indicator_code
