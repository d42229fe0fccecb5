"""Small rules of natural Thai wording shared by pages and histories."""

from django.utils.translation import gettext as _

# A yes/no fact reads with the verb of its label: "มีป้ายชื่อศูนย์: ไม่มี", not "ไม่ใช่".
_VERBS = (("มี", "ไม่มี"), ("เป็น", "ไม่เป็น"))


def yes_no(label, value: bool) -> str:
    text = str(label).strip()
    for verb, negative in _VERBS:
        if text.startswith(verb):
            return _(verb) if value else _(negative)
    return _("ใช่") if value else _("ไม่ใช่")
