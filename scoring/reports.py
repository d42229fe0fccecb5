"""Score sheet per centre and the provincial ranking (DOMAIN.md §7.3): screen, xlsx, PDF."""

from decimal import Decimal

from django import forms
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from cdfmc.exports.base import Cell, ProvinceField, Report, Table, header_row
from cdfmc.exports.registry import register
from cdfmc.formfields import ThaiForm, ThaiIntegerField
from cdfmc.thaitime import current_fiscal_year
from centres.models import Centre
from scoring.models import Proposal, Score, SelectionRound
from scoring.results import proposal_results, round_ranking, rubric_indicators


def number(value: Decimal | int | None):
    """Points as the screen and the sheet both show them: 4, 4.5, or empty."""
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


class RankingForm(ThaiForm):
    province = ProvinceField()
    fy = ThaiIntegerField(label=_("ปีงบประมาณ (พ.ศ.)"), min_value=2551, max_value=2700)


@register
class Ranking(Report):
    identifier = "ranking"
    title = _("ผลการจัดลำดับศูนย์จัดการกองทุนชุมชนดีเด่นระดับจังหวัด")
    form_class = RankingForm

    def selection_round(self) -> SelectionRound | None:
        province, fy = self.params.get("province"), self.params.get("fy")
        if province is None or fy is None:
            return None
        rounds = SelectionRound.objects.filter(province=province, fiscal_year=fy)
        if self.user is not None:
            rounds = rounds.visible_to(self.user)
        return rounds.select_related("province", "rubric").first()

    def tables(self) -> list[Table]:
        selection_round = self.selection_round()
        province, fy = self.params.get("province"), self.params.get("fy")
        table = Table(
            sheet_name="ผลการจัดลำดับ",
            title_lines=[
                f"ผลการจัดลำดับศูนย์จัดการกองทุนชุมชนดีเด่น จังหวัด{province or ''}",
                f"ประจำปีงบประมาณ พ.ศ. {fy or ''}",
            ],
            header=[
                header_row(
                    "ลำดับ",
                    "ศูนย์จัดการกองทุนชุมชน",
                    "อำเภอ",
                    "ด้านที่ 1",
                    "ด้านที่ 2",
                    "ด้านที่ 3",
                    "ตัวชี้วัด 3.2",
                    "คะแนนรวม",
                    "ผู้ประเมิน (ยืนยันแล้ว/ทั้งหมด)",
                    "หมายเหตุ",
                )
            ],
            widths=[8, 44, 16, 10, 10, 10, 12, 12, 16, 24],
        )
        if selection_round is None:
            return [table]
        _indicators, ranked, results = round_ranking(selection_round)
        for item in ranked:
            proposal, entry = item.entry.key, item.entry
            result = results[proposal.pk]
            remarks = []
            if item.tied:
                remarks.append("คะแนนเท่ากัน")
            if proposal.selected:
                remarks.append("ได้รับคัดเลือก")
            table.rows.append(
                [
                    item.rank,
                    proposal.centre.name,
                    proposal.district.name_th,
                    number(entry.area_1),
                    number(entry.area_2),
                    number(entry.area_3),
                    number(entry.indicator_3_2),
                    number(entry.total),
                    f"{result.final_count}/{len(result.assessors)}",
                    " ".join(remarks),
                ]
            )
        return [table]

    def filename(self) -> str:
        return f"ranking-{self.params.get('fy', '')}.xlsx"


class ScoreSheetForm(ThaiForm):
    centre = forms.ModelChoiceField(label=_("ศูนย์"), queryset=Centre.objects.all())
    fy = ThaiIntegerField(
        label=_("ปีงบประมาณ (พ.ศ.)"), min_value=2551, max_value=2700, required=False
    )


@register
class ScoreSheet(Report):
    identifier = "score-sheet"
    title = _("แบบสรุปคะแนนการประเมินศูนย์จัดการกองทุนชุมชน")
    form_class = ScoreSheetForm

    def check_access(self):
        centre = self.params.get("centre")
        if centre is None:
            raise Http404
        if self.user is not None and not self.scoped(Centre.objects).filter(pk=centre.pk).exists():
            raise Http404

    @property
    def fiscal_year(self) -> int:
        if self.params.get("fy"):
            return self.params["fy"]
        latest = (
            Proposal.objects.filter(centre=self.params["centre"])
            .order_by("-round__fiscal_year")
            .values_list("round__fiscal_year", flat=True)
            .first()
        )
        return latest or current_fiscal_year()

    def proposal(self) -> Proposal | None:
        return (
            Proposal.objects.filter(
                centre=self.params["centre"], round__fiscal_year=self.fiscal_year
            )
            .select_related("round__rubric", "district")
            .first()
        )

    def tables(self) -> list[Table]:
        centre, fy = self.params["centre"], self.fiscal_year
        proposal = self.proposal()
        titles = [
            f"แบบสรุปคะแนนการคัดเลือกศูนย์จัดการกองทุนชุมชนดีเด่น ประจำปีงบประมาณ พ.ศ. {fy}",
            f"{centre.name} {centre.village.location}",
        ]
        if proposal is None:
            return [self._table(titles + ["ยังไม่ได้รับการเสนอในปีงบประมาณนี้"], [])]
        indicators = rubric_indicators(proposal.round.rubric_id)
        result = proposal_results([proposal], indicators)[proposal.pk]
        assessments = result.assessors
        columns = assessments or [None]  # one empty column keeps the header's shape
        details = self._details(assessments)
        table = self._table(titles, [str(a.assessor) for a in assessments])
        for area_number in sorted({i.area.number for i in indicators}):
            in_area = [i for i in indicators if i.area.number == area_number]
            for indicator in in_area:
                ticked, notes = details.get(indicator.pk, (set(), []))
                table.rows.append(
                    [
                        indicator.code,
                        indicator.title,
                        *(self._points(result, a, [indicator]) for a in columns),
                        number(result.by_indicator.get(indicator.pk)),
                        ", ".join(str(n) for n in sorted(ticked)),
                        "; ".join(notes),
                    ]
                )
            area = in_area[0].area
            table.rows.append(
                [
                    "",
                    f"รวมด้านที่ {area_number} {area.title}",
                    *(self._points(result, a, in_area) for a in columns),
                    number(result.area_total(indicators, area_number)),
                    "",
                    "",
                ]
            )
        table.footer.append(
            [
                "",
                "คะแนนรวม",
                *(self._points(result, a, indicators) for a in columns),
                number(result.total()),
                "",
                "",
            ]
        )
        return [table]

    @staticmethod
    def _points(result, assessment, indicators):
        """An assessor's points on one indicator (None when unscored) or summed over several."""
        if assessment is None:
            return None
        points = result.by_assessor.get(assessment.pk, {})
        if len(indicators) == 1:
            return points.get(indicators[0].pk)
        return sum(points.get(i.pk) or 0 for i in indicators)

    @staticmethod
    def _details(assessments) -> dict[int, tuple[set[int], list[str]]]:
        """Evidence item numbers ticked by any assessor and the notes, per indicator."""
        details: dict[int, tuple[set[int], list[str]]] = {}
        scores = Score.objects.filter(assessment__in=assessments).select_related(
            "assessment__assessor"
        )
        for score in scores.prefetch_related("evidence_items"):
            ticked, notes = details.setdefault(score.indicator_id, (set(), []))
            ticked.update(item.number for item in score.evidence_items.all())
            if score.note:
                notes.append(f"{score.assessment.assessor}: {score.note}")
            if score.override_reason:
                notes.append(
                    f"{score.assessment.assessor} (ไม่ใช้ระดับที่เสนอ): {score.override_reason}"
                )
        return details

    def _table(self, titles, assessor_names) -> Table:
        head = [
            Cell("ตัวชี้วัด", rowspan=2),
            Cell("รายการ", rowspan=2),
            Cell("คะแนนของผู้ประเมิน", colspan=max(len(assessor_names), 1)),
            Cell("ผลระดับจังหวัด (มัธยฐาน)", rowspan=2),
            Cell("หลักฐานที่ตรวจพบ (ข้อ)", rowspan=2),
            Cell("บันทึกของผู้ประเมิน", rowspan=2),
        ]
        second = header_row(*(assessor_names or ["-"]))
        widths = [9, 50, *([14] * max(len(assessor_names), 1)), 14, 14, 40]
        return Table(sheet_name="คะแนน", title_lines=titles, header=[head, second], widths=widths)

    def filename(self) -> str:
        return f"score-sheet-{self.params['centre'].pk}-{self.fiscal_year}.xlsx"
