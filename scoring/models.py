"""Rubrics as data, selection rounds, proposals and assessments (DOMAIN.md §3.2, §6)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cdfmc.access import AreaQuerySet, area_queryset
from cdfmc.accounts.models import Role
from scoring.rules import RULE_CHOICES

LOCKED_MESSAGE = _("เกณฑ์นี้ถูกใช้ในการประเมินที่ยืนยันผลแล้ว จึงแก้ไขไม่ได้ ให้คัดลอกเป็นฉบับใหม่แทน")


class RubricQuerySet(models.QuerySet):
    def visible_to(self, user):
        """National rubrics for everyone; a province's own for its people; all for head office."""
        if not user.is_authenticated:
            return self.none()
        if user.is_administrator or user.role == Role.HEAD_OFFICE:
            return self
        return self.filter(Q(province__isnull=True) | Q(province_id=user.province_id))


class Rubric(models.Model):
    name = models.CharField(_("ชื่อเกณฑ์"), max_length=300)
    province = models.ForeignKey(
        "geo.Province",
        verbose_name=_("จังหวัด"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("เว้นว่าง = เกณฑ์ระดับประเทศ"),
    )
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    source = models.CharField(_("ที่มา"), max_length=300, blank=True)
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RubricQuerySet.as_manager()

    class Meta:
        ordering = ["-fiscal_year", "name"]
        verbose_name = _("เกณฑ์การประเมิน")
        verbose_name_plural = _("เกณฑ์การประเมิน")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("scoring:rubric", args=[self.pk])

    @property
    def is_locked(self) -> bool:
        """In use by a final assessment: its texts and points are what was scored."""
        return Assessment.objects.filter(
            proposal__round__rubric=self, status=Assessment.Status.FINAL
        ).exists()

    @property
    def scope_label(self) -> str:
        return f"จ.{self.province.name_th}" if self.province_id else str(_("ระดับประเทศ"))


class Area(models.Model):
    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="areas")
    number = models.PositiveSmallIntegerField(_("ด้านที่"))
    title = models.CharField(_("ชื่อด้าน"), max_length=300)

    class Meta:
        ordering = ["rubric", "number"]
        constraints = [
            models.UniqueConstraint(fields=["rubric", "number"], name="area_unique_number")
        ]
        verbose_name = _("ด้าน")
        verbose_name_plural = _("ด้าน")

    def __str__(self):
        return f"{self.number}. {self.title}"


class Indicator(models.Model):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("รหัสตัวชี้วัด"), max_length=10)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    title = models.CharField(_("ตัวชี้วัด"), max_length=300)
    rule = models.CharField(_("กฎเสนอระดับจากข้อมูล"), max_length=40, blank=True, choices=RULE_CHOICES)
    judged = models.BooleanField(_("ให้คะแนนตามดุลยพินิจ"), default=False)

    class Meta:
        ordering = ["area__number", "order"]
        verbose_name = _("ตัวชี้วัด")
        verbose_name_plural = _("ตัวชี้วัด")

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def max_points(self) -> int:
        return max((level.points for level in self.levels.all()), default=0)


class Level(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="levels")
    number = models.PositiveSmallIntegerField(_("ระดับ"))
    criteria = models.TextField(_("เกณฑ์การให้คะแนน"))
    points = models.PositiveSmallIntegerField(_("คะแนน"))

    class Meta:
        ordering = ["indicator", "number"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "number"], name="level_unique_number")
        ]
        verbose_name = _("ระดับ")
        verbose_name_plural = _("ระดับ")

    def __str__(self):
        return f"{self.indicator.code} ระดับ {self.number} ({self.points} คะแนน)"


class EvidenceItem(models.Model):
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="evidence_items"
    )
    number = models.PositiveSmallIntegerField(_("ข้อ"))
    text = models.CharField(_("หลักฐานเชิงประจักษ์"), max_length=500)

    class Meta:
        ordering = ["indicator", "number"]
        verbose_name = _("หลักฐานเชิงประจักษ์")
        verbose_name_plural = _("หลักฐานเชิงประจักษ์")

    def __str__(self):
        return f"{self.number}) {self.text}"


class RoundQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A province's rounds: its staff and its districts' officers; head office all."""
        if not user.is_authenticated:
            return self.none()
        if user.is_administrator or user.role == Role.HEAD_OFFICE:
            return self
        if user.province_id:
            return self.filter(province_id=user.province_id)
        return self.none()


class SelectionRound(models.Model):
    """A province's yearly selection of its outstanding centre (seed 001)."""

    province = models.ForeignKey(
        "geo.Province", verbose_name=_("จังหวัด"), on_delete=models.PROTECT, related_name="+"
    )
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    rubric = models.ForeignKey(
        Rubric, verbose_name=_("เกณฑ์การประเมิน"), on_delete=models.PROTECT, related_name="rounds"
    )
    proposals_due = models.DateField(_("กำหนดส่งรายชื่อ"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(auto_now_add=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-fiscal_year", "province__name_th"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "fiscal_year"],
                name="round_unique_province_year",
                violation_error_message=_("จังหวัดนี้เปิดรอบการคัดเลือกของปีงบประมาณนี้แล้ว"),
            )
        ]
        verbose_name = _("รอบการคัดเลือก")
        verbose_name_plural = _("รอบการคัดเลือก")

    def __str__(self):
        return f"การคัดเลือกศูนย์ดีเด่น จ.{self.province.name_th} ปีงบประมาณ {self.fiscal_year}"

    def get_absolute_url(self):
        return reverse("scoring:round", args=[self.pk])


class PanelMember(models.Model):
    """An officer the province appoints to score this round's centres."""

    round = models.ForeignKey(SelectionRound, on_delete=models.CASCADE, related_name="panel")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("กรรมการ"),
        on_delete=models.CASCADE,
        related_name="panels",
    )
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    appointed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="panel_unique_user")]
        verbose_name = _("คณะกรรมการประเมิน")
        verbose_name_plural = _("คณะกรรมการประเมิน")

    def __str__(self):
        return str(self.user)


class ProposalQuerySet(area_queryset("district")):
    def visible_to(self, user):
        """Everyone in the province sees its proposals (districts compare, panels score)."""
        if user.is_authenticated and user.role == Role.DISTRICT and user.province_id:
            return self.filter(round__province_id=user.province_id)
        return AreaQuerySet.visible_to(self, user)

    def unscored(self):
        """Proposals without a confirmed assessment yet."""
        return self.exclude(assessments__status=Assessment.Status.FINAL)


class Proposal(models.Model):
    """A district's one centre for a round."""

    round = models.ForeignKey(SelectionRound, on_delete=models.CASCADE, related_name="proposals")
    centre = models.ForeignKey(
        "centres.Centre",
        verbose_name=_("ศูนย์จัดการกองทุนชุมชน"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    district = models.ForeignKey(
        "geo.District", verbose_name=_("อำเภอที่เสนอ"), on_delete=models.PROTECT, related_name="+"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(_("หมายเหตุ"), blank=True)
    selected = models.BooleanField(_("ได้รับคัดเลือก"), default=False)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["round", "district__name_th"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "district"],
                name="proposal_one_per_district",
                violation_error_message=_("อำเภอนี้เสนอศูนย์ในรอบนี้แล้ว (อำเภอละ ๑ แห่ง)"),
            ),
            models.UniqueConstraint(fields=["round", "centre"], name="proposal_unique_centre"),
        ]
        verbose_name = _("ศูนย์ที่อำเภอเสนอ")
        verbose_name_plural = _("ศูนย์ที่อำเภอเสนอ")

    def __str__(self):
        return f"{self.centre} ({self.round.fiscal_year})"

    def get_absolute_url(self):
        return reverse("scoring:proposal", args=[self.pk])

    @property
    def district_code(self) -> str:
        return self.district_id


class Assessment(models.Model):
    """One assessor's scores for one proposed centre."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("ระหว่างประเมิน")
        FINAL = "final", _("ยืนยันผลแล้ว")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="assessments")
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้ประเมิน"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    status = models.CharField(
        _("สถานะ"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finalised_at = models.DateTimeField(null=True, blank=True)

    objects = area_queryset("proposal__district").as_manager()

    class Meta:
        ordering = ["proposal", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "assessor"], name="assessment_unique")
        ]
        verbose_name = _("การประเมิน")
        verbose_name_plural = _("การประเมิน")

    def __str__(self):
        return f"{self.proposal.centre} · {self.assessor}"

    def get_absolute_url(self):
        return reverse("scoring:assessment", args=[self.pk])

    @property
    def district_code(self) -> str:
        return self.proposal.district_id

    @property
    def is_final(self) -> bool:
        return self.status == self.Status.FINAL


class Score(models.Model):
    """One indicator of one assessment; history keeps every change with its reason."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="scores")
    level = models.PositiveSmallIntegerField(
        _("ระดับ"), null=True, blank=True, help_text=_("0 = ไม่ถึงระดับ 1; ว่าง = ยังไม่ประเมิน")
    )
    points = models.PositiveSmallIntegerField(_("คะแนน"), null=True, blank=True)
    suggested_level = models.PositiveSmallIntegerField(_("ระดับที่ระบบเสนอ"), null=True, blank=True)
    suggestion_reason = models.CharField(_("เหตุผลที่ระบบเสนอ"), max_length=500, blank=True)
    override_reason = models.TextField(_("เหตุผลที่ไม่ใช้ระดับที่ระบบเสนอ"), blank=True)
    note = models.TextField(_("บันทึกของผู้ประเมิน"), blank=True)
    evidence_items = models.ManyToManyField(
        EvidenceItem, verbose_name=_("หลักฐานที่ตรวจพบ"), blank=True, related_name="+"
    )

    history = HistoricalRecords(excluded_fields=["suggestion_reason"])

    class Meta:
        ordering = ["indicator__area__number", "indicator__order"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "indicator"], name="score_unique")
        ]
        verbose_name = _("คะแนนตัวชี้วัด")
        verbose_name_plural = _("คะแนนตัวชี้วัด")

    def __str__(self):
        return f"{self.indicator.code}: {self.points}"

    @property
    def is_override(self) -> bool:
        return self.suggested_level is not None and self.level != self.suggested_level
