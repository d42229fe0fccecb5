"""Small rules of natural Thai wording shared by pages and histories."""

from django.utils.translation import gettext_lazy as _

# A yes/no fact reads with the verb of its label: "มีป้ายชื่อศูนย์: ไม่มี", not "ไม่ใช่".
_VERBS = (
    ("มี", _("มี"), _("ไม่มี")),
    ("เป็น", _("เป็น"), _("ไม่เป็น")),
)


def yes_no(label, value: bool) -> str:
    text = str(label).strip()
    for verb, yes, no in _VERBS:
        if text.startswith(verb):
            return str(yes if value else no)
    return str(_("ใช่") if value else _("ไม่ใช่"))
