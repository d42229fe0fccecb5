"""The parts of a centre added and removed in place on the centre page (htmx).

Each part names its rows' related name, its form and its section template; the views
in `centres/views.py` serve all of them the same way.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from centres import forms


@dataclass(frozen=True)
class Part:
    slug: str
    related_name: str
    form_class: type
    template: str
    title: str
    # Sections whose choices list this part's rows, re-drawn with it (htmx out-of-band).
    dependents: tuple[str, ...] = ()

    @property
    def model(self):
        return self.form_class._meta.model

    @property
    def section_id(self) -> str:
        return f"part-{self.slug}"

    @property
    def url_add(self) -> str:
        return f"centres:{self.slug}_add"

    @property
    def url_edit(self) -> str:
        return f"centres:{self.slug}_edit"

    @property
    def url_delete(self) -> str:
        return f"centres:{self.slug}_delete"

    def rows(self, centre):
        qs = getattr(centre, self.related_name).all()
        if self.slug == "committee":
            qs = qs.select_related("represents")
        if self.slug == "division":
            qs = qs.prefetch_related("members")
        return qs

    def new_instance(self, centre):
        return self.model(centre=centre)


PARTS = {
    part.slug: part
    for part in [
        Part(
            "fund",
            "member_funds",
            forms.MemberFundForm,
            "centres/parts/funds.html",
            _("กลุ่ม/กองทุนสมาชิก"),
            dependents=("committee",),
        ),
        Part(
            "committee",
            "committee",
            forms.CommitteeMemberForm,
            "centres/parts/committee.html",
            _("คณะกรรมการ"),
            dependents=("division",),
        ),
        Part(
            "division", "divisions", forms.DivisionForm, "centres/parts/divisions.html", _("ฝ่ายงาน")
        ),
        Part(
            "meeting", "meetings", forms.MeetingForm, "centres/parts/meetings.html", _("การประชุม")
        ),
        Part(
            "training",
            "trainings",
            forms.TrainingForm,
            "centres/parts/trainings.html",
            _("การฝึกอบรม/สัมมนา/ศึกษาดูงาน"),
        ),
        Part(
            "visit",
            "visits",
            forms.VisitForm,
            "centres/parts/visits.html",
            _("การตรวจเยี่ยม (สมุดตรวจเยี่ยม)"),
        ),
    ]
}

SECTIONS = {
    "regulations": (forms.RegulationsForm, _("ระเบียบข้อบังคับ")),
    "office": (forms.OfficeForm, _("สถานที่ทำการ")),
    "welfare": (forms.WelfareSupportForm, _("สวัสดิการและการสนับสนุนครัวเรือน")),
    "learning": (forms.LearningForm, _("แหล่งเรียนรู้")),
}


def centre_facts(centre, fields) -> list[tuple[str, str]]:
    """(label, shown value) for some of the centre's own fields, as the page lists them."""
    from centres.history import display_value

    rows = []
    for name in fields:
        model_field = centre._meta.get_field(name)
        value = display_value(model_field, getattr(centre, name))
        rows.append((str(model_field.verbose_name), value))
    return rows


FACT_GROUPS = {
    "regulations": SECTIONS["regulations"][0]._meta.fields,
    "office": SECTIONS["office"][0]._meta.fields,
    "welfare": [f for f in SECTIONS["welfare"][0]._meta.fields if f.startswith("welfare")],
    "support": [f for f in SECTIONS["welfare"][0]._meta.fields if f.startswith("support")],
    "learning": SECTIONS["learning"][0]._meta.fields,
}
