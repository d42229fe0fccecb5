"""The record that a database holds a generated national data set (`generate_national`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GeneratedSet(models.Model):
    """One row per generated set: what made it, so that a benchmark can reuse it and the
    generator can tell generated data from data that people entered."""

    scale = models.DecimalField(_("ขนาด (เท่าของทั้งประเทศ)"), max_digits=6, decimal_places=4)
    seed = models.PositiveIntegerField(_("เมล็ดสุ่ม"))
    as_of = models.DateField(_("ข้อมูล ณ วันที่"))
    version = models.PositiveSmallIntegerField(_("รุ่นของตัวสร้างข้อมูล"))
    counts = models.JSONField(_("จำนวนแถว"), default=dict)
    seconds = models.FloatField(_("เวลาที่ใช้ (วินาที)"), default=0)
    generated_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)

    class Meta:
        verbose_name = _("ชุดข้อมูลสังเคราะห์")
        verbose_name_plural = _("ชุดข้อมูลสังเคราะห์")

    def __str__(self):
        return f"scale {self.scale} seed {self.seed} as of {self.as_of}"
