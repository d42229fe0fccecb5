from dataclasses import dataclass, field

from django import forms
from django.forms import ModelChoiceField
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from cdfmc.access import can_see_province, province_q
from cdfmc.geo.models import District, Province


@dataclass(frozen=True)
class Cell:
    """A header cell that may span columns or rows (e.g. "ที่ตั้ง" over four columns)."""

    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Table:
    sheet_name: str
    title_lines: list[str]
    header: list[list[Cell]]
    rows: list[list] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)
    footer: list[list] = field(default_factory=list)

    @property
    def column_count(self) -> int:
        return sum(cell.colspan for cell in self.header[0]) if self.header else 0


def header_row(*texts: str) -> list[Cell]:
    return [Cell(str(text)) for text in texts]  # lazy translations read in the active language


class ProvinceField(forms.ModelChoiceField):
    """A province by code ("43") or Thai name ("หนองคาย", "จังหวัดหนองคาย")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Province.objects.all())
        kwargs.setdefault("label", _("จังหวัด"))
        super().__init__(**kwargs)

    def offer_only_to(self, user):
        """The dropdown lists the user's own provinces; another one typed in the URL still
        validates, so the report answers 404 for it (Report.check_access)."""
        offered = ModelChoiceField(queryset=self.queryset.filter(province_q(user)))
        offered.empty_label = self.empty_label
        self.widget.choices = offered.choices

    def to_python(self, value):
        if isinstance(value, str):
            name = value.strip().removeprefix("จังหวัด").removeprefix("จ.")
            match = Province.objects.filter(name_th=name).first()
            if match:
                return match
        return super().to_python(value)


class DistrictField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", District.objects.select_related("province"))
        kwargs.setdefault("label", _("อำเภอ"))
        super().__init__(**kwargs)


class Report:
    """One report: subclass, set the class attributes, implement `tables()`."""

    identifier: str = ""
    title: str = ""
    form_class: type[forms.Form] = forms.Form

    def __init__(self, *, user=None, **params):
        # user None: the command line, trusted with the whole country.
        self.user = user
        self.params = params

    def check_access(self):
        """Raise Http404 when the user asks for an area outside their own."""
        province = self.params.get("province")
        if self.user is not None and province is not None:
            if not can_see_province(self.user, province.code):
                raise Http404

    def scoped(self, queryset):
        """Every report starts from querysets cut to the user's area."""
        return queryset if self.user is None else queryset.visible_to(self.user)

    def tables(self) -> list[Table]:
        raise NotImplementedError

    def filename(self) -> str:
        return f"{self.identifier}.xlsx"
