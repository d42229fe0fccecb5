"""Reports of the centres app: the provincial centre register (seed 001, attachment 2)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cdfmc.exports.base import Cell, ProvinceField, Report, Table
from cdfmc.exports.registry import register
from cdfmc.formfields import ThaiForm
from cdfmc.thaitime import to_thai_digits
from centres.models import Centre

REGISTER_TITLE = "ทะเบียนศูนย์จัดการกองทุนชุมชน"

DICTIONARY = "dictionary"
BY_NAME = "name"
BY_LEVEL = "level"
LOCATION_ORDER = [
    "village__subdistrict__district__province__name_th",
    "village__subdistrict__district__name_th",
    "village__subdistrict__name_th",
    "village__number",
]
ORDERINGS = {
    DICTIONARY: LOCATION_ORDER,
    BY_NAME: ["name", *LOCATION_ORDER],
    BY_LEVEL: ["-level", *LOCATION_ORDER],
}


class RegisterForm(ThaiForm):
    province = ProvinceField(required=False, empty_label=_("ทุกจังหวัดในพื้นที่ของฉัน"))
    order = forms.ChoiceField(
        label=_("เรียงตาม"),
        required=False,
        choices=[
            (DICTIONARY, _("อำเภอ ตำบล หมู่ที่ (ตามพจนานุกรม)")),
            (BY_NAME, _("ชื่อศูนย์")),
            (BY_LEVEL, _("ผลการจัดระดับการพัฒนา (สูงไปต่ำ)")),
        ],
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:
            self.fields["province"].offer_only_to(user)
        if user is not None and user.province_id:
            self.fields["province"].initial = user.province_id


def register_row(number: int, centre: Centre) -> list[str]:
    """One line of the register, as the province prints it (Thai digits)."""
    sub = centre.village.subdistrict
    remarks = " ".join(part for part in (centre.model_remark, centre.remarks.strip()) if part)
    return [
        to_thai_digits(number),
        centre.name,
        to_thai_digits(centre.village.number),
        sub.name_th,
        sub.district.name_th,
        sub.district.province.name_th,
        to_thai_digits(centre.level) if centre.level else "",
        remarks,
    ]


REGISTER_HEADER = [
    [
        Cell("ที่", rowspan=2),
        Cell("ชื่อศูนย์จัดการกองทุนชุมชน", rowspan=2),
        Cell("ที่ตั้ง", colspan=4),
        Cell("ผลการประเมินการจัดระดับการพัฒนา", rowspan=2),
        Cell("หมายเหตุ", rowspan=2),
    ],
    [Cell("หมู่ที่"), Cell("ตำบล"), Cell("อำเภอ"), Cell("จังหวัด")],
]


@register
class CentreRegister(Report):
    """ทะเบียนศูนย์จัดการกองทุนชุมชนจังหวัด… — one province, or every visible one without."""

    identifier = "centre-register"
    title = _("ทะเบียนศูนย์จัดการกองทุนชุมชน")
    form_class = RegisterForm
    form_takes_user = True

    def __init__(self, *, user=None, **params):
        if params.get("province") is None and user is not None and user.province_id:
            params["province"] = user.province
        super().__init__(user=user, **params)

    @property
    def province(self):
        return self.params.get("province")

    def centres(self):
        centres = self.scoped(Centre.objects.all()).with_location()
        if self.province is not None:
            centres = centres.in_province(self.province.code)
        order = self.params.get("order") or DICTIONARY
        return centres.order_by(*ORDERINGS.get(order, LOCATION_ORDER))

    def heading(self) -> str:
        if self.province is None:
            return REGISTER_TITLE
        return f"{REGISTER_TITLE}จังหวัด{self.province.name_th}"

    def tables(self) -> list[Table]:
        rows = [register_row(n, c) for n, c in enumerate(self.centres(), start=1)]
        return [
            Table(
                sheet_name="ทะเบียนศูนย์",
                title_lines=[self.heading(), f"จำนวน {to_thai_digits(len(rows))} แห่ง"],
                header=REGISTER_HEADER,
                rows=rows,
                widths=[6, 42, 8, 18, 18, 14, 18, 24],
            )
        ]

    def filename(self) -> str:
        suffix = f"-{self.province.code}" if self.province is not None else ""
        return f"{self.identifier}{suffix}.xlsx"
