"""Debt-management results (DOMAIN §7.5): screen, xlsx and `export_report debt-results`."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from cdfmc.exports.base import DistrictField, ProvinceField, Report, Table, header_row
from cdfmc.exports.registry import register
from cdfmc.formfields import ThaiForm, ThaiIntegerField
from centres.models import Centre
from debts import rules
from debts.models import ContractStatus, Creditor, DebtorClass, Household
from debts.outcomes import DebtOutcomes, household_figures, summarise


class ResultsFilter(ThaiForm):
    province = ProvinceField(required=False)
    district = DistrictField(required=False)
    centre = forms.ModelChoiceField(queryset=Centre.objects.all(), required=False, label=_("ศูนย์"))
    fy = ThaiIntegerField(
        required=False, min_value=2550, max_value=2700, label=_("ปีงบประมาณ (พ.ศ.)")
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:
            self.fields["centre"].queryset = Centre.objects.visible_to(user)
            self.fields["district"].queryset = self.fields["district"].queryset.visible_to(user)
            self.fields["province"].offer_only_to(user)


@dataclass(frozen=True)
class CentreResult:
    centre: Centre
    outcomes: DebtOutcomes
    classes: Counter

    @property
    def bars(self):
        o = self.outcomes
        return [
            (o.restructured_rate, "bg-primary"),
            (o.reduced_rate, "bg-info"),
            (o.debt_free_rate, "bg-success"),
        ]


CLASS_COLUMNS = [*DebtorClass.choices, ("", _("ยังไม่จำแนก"))]


@register
class DebtResultsReport(Report):
    identifier = "debt-results"
    title = _("ผลการบริหารจัดการหนี้ของศูนย์จัดการกองทุนชุมชน")
    form_class = ResultsFilter
    form_takes_user = True

    def centres(self):
        centres = self.scoped(Centre.objects.all()).with_location()
        if self.params.get("province"):
            centres = centres.in_province(self.params["province"].code)
        if self.params.get("district"):
            centres = centres.in_district(self.params["district"].code)
        if self.params.get("centre"):
            centres = centres.filter(pk=self.params["centre"].pk)
        return centres.order_by(
            "village__subdistrict__district__province__name_th",
            "village__subdistrict__district__name_th",
            "name",
        )

    def results(self) -> list[CentreResult]:
        if not hasattr(self, "_results"):
            centres = list(self.centres())
            grouped = defaultdict(list)
            households = Household.objects.filter(centre__in=[c.pk for c in centres])
            for centre_id, figures in household_figures(households, fy=self.params.get("fy")):
                grouped[centre_id].append(figures)
            self._results = [
                CentreResult(
                    centre=c,
                    outcomes=summarise(grouped[c.pk]),
                    classes=Counter(f.debtor_class for f in grouped[c.pk] if f.contracts),
                )
                for c in centres
            ]
        return self._results

    def area_line(self) -> str:
        parts = []
        if self.params.get("centre"):
            parts.append(str(self.params["centre"]))
        if self.params.get("district"):
            parts.append(self.params["district"].display_name)
        if self.params.get("province"):
            parts.append(f"จังหวัด{self.params['province'].name_th}")
        if self.params.get("fy"):
            parts.append(f"ปีงบประมาณ พ.ศ. {self.params['fy']}")
        return " ".join(parts) or str(_("ทุกพื้นที่"))

    def tables(self) -> list[Table]:
        return [self.outcome_table(), self.overdue_table()]

    def outcome_table(self) -> Table:
        header = header_row(
            _("ที่"),
            _("ศูนย์จัดการกองทุนชุมชน"),
            _("อำเภอ"),
            _("จังหวัด"),
            _("ครัวเรือนเป้าหมาย"),
            _("ปรับโครงสร้างหนี้"),
            _("ร้อยละปรับโครงสร้างหนี้"),
            _("ลดหนี้"),
            _("ปลดหนี้"),
            _("ร้อยละลดหนี้ (รวมปลดหนี้)"),
            _("ร้อยละปลดหนี้"),
            _("หนี้คงค้างเมื่อเริ่ม (บาท)"),
            _("หนี้คงค้างปัจจุบัน (บาท)"),
            *[str(label) for _value, label in CLASS_COLUMNS],
        )
        rows = []
        total = DebtOutcomes()
        classes = Counter()
        for index, result in enumerate(self.results(), start=1):
            district = result.centre.village.subdistrict.district
            rows.append(
                [
                    index,
                    result.centre.name,
                    district.name_th,
                    district.province.name_th,
                    *self._figures(result.outcomes, result.classes),
                ]
            )
            total = _add(total, result.outcomes)
            classes.update(result.classes)
        footer = [["", str(_("รวม")), "", "", *self._figures(total, classes)]] if rows else []
        return Table(
            sheet_name="ผลการบริหารหนี้",
            title_lines=[str(self.title), self.area_line()],
            header=[header],
            rows=rows,
            footer=footer,
            widths=[6, 40, 16, 14] + [14] * 9 + [14] * len(CLASS_COLUMNS),
        )

    @staticmethod
    def _figures(o: DebtOutcomes, classes: Counter) -> list:
        return [
            o.target_households,
            o.restructured,
            o.restructured_rate,
            o.reduced,
            o.debt_free,
            o.reduced_rate,
            o.debt_free_rate,
            o.baseline_total,
            o.current_total,
            *[classes.get(value, 0) for value, _label in CLASS_COLUMNS],
        ]

    def overdue_table(self) -> Table:
        is_open = Q(contracts__status=ContractStatus.OPEN)
        creditors = (
            Creditor.objects.filter(centre__in=[r.centre.pk for r in self.results()])
            .select_related("centre")
            .annotate(
                outstanding=Sum("contracts__outstanding", filter=is_open),
                overdue=Sum("contracts__overdue_amount", filter=is_open),
                open_count=Count("contracts", filter=is_open),
            )
            .filter(open_count__gt=0)
            .order_by("centre__name", "kind", "name")
        )
        rows = [
            [
                c.centre.name,
                c.name,
                c.get_kind_display(),
                c.open_count,
                c.outstanding or Decimal(0),
                c.overdue or Decimal(0),
                rules.overdue_rate(c.overdue, c.outstanding),
            ]
            for c in creditors
        ]
        return Table(
            sheet_name="อัตราค้างชำระรายกองทุน",
            title_lines=[str(_("อัตราหนี้ค้างชำระรายกองทุน/เจ้าหนี้")), self.area_line()],
            header=[
                header_row(
                    _("ศูนย์จัดการกองทุนชุมชน"),
                    _("กองทุน/เจ้าหนี้"),
                    _("ประเภท"),
                    _("จำนวนสัญญา"),
                    _("ยอดคงค้าง (บาท)"),
                    _("เงินต้นค้างชำระ (บาท)"),
                    _("อัตราค้างชำระ (ร้อยละ)"),
                )
            ],
            rows=rows,
            widths=[40, 32, 22, 12, 16, 16, 14],
        )

    def filename(self) -> str:
        fy = self.params.get("fy")
        return f"debt-results{f'-{fy}' if fy else ''}.xlsx"


def _add(a: DebtOutcomes, b: DebtOutcomes) -> DebtOutcomes:
    return DebtOutcomes(
        **{name: getattr(a, name) + getattr(b, name) for name in DebtOutcomes.__dataclass_fields__}
    )
