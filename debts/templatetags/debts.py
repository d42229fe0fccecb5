"""Debtor badges, masked citizen IDs and the centre page's debt panel."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from debts import rules
from debts.models import DebtorClass

register = template.Library()

OUTCOME_LABELS = {
    rules.REDUCED: (_("ลดหนี้"), "text-bg-info"),
    rules.DEBT_FREE: (_("ปลดหนี้"), "text-bg-success"),
    rules.NOT_REDUCED: (_("หนี้ไม่ลดลง"), "text-bg-warning"),
    rules.NO_BASELINE: (_("ไม่มียอดหนี้เริ่มต้น"), "text-bg-secondary"),
}
ONE_CONTRACT_LABELS = {
    rules.NO_CONTRACT: (_("ไม่มีสัญญาคงค้าง"), "text-bg-success"),
    rules.ONE_CONTRACT: (_("๑ ครัวเรือน ๑ สัญญา"), "text-bg-success"),
    rules.MANY_CONTRACTS: (_("หลายสัญญา"), "text-bg-warning"),
}


@register.simple_tag
def debtor_badge(debtor_class):
    """A badge coloured by the debtor class (the .debtor-* classes of cdfmc.css)."""
    if not debtor_class:
        return format_html(
            '<span class="badge text-bg-light border" data-debtor-class="">{}</span>',
            _("ยังไม่จำแนก"),
        )
    return format_html(
        '<span class="badge text-dark debtor-{}" data-debtor-class="{}">{}</span>',
        debtor_class,
        debtor_class,
        DebtorClass(debtor_class).label,
    )


@register.simple_tag
def outcome_badge(outcome):
    if not outcome:
        return ""
    label, css = OUTCOME_LABELS[outcome]
    return format_html('<span class="badge {}" data-testid="outcome">{}</span>', css, label)


@register.simple_tag
def one_contract_badge(status):
    label, css = ONE_CONTRACT_LABELS[status]
    return format_html('<span class="badge {}" data-testid="one-contract">{}</span>', css, label)


@register.filter
def masked_id(citizen_id):
    return rules.mask_citizen_id(citizen_id or "")


@register.inclusion_tag("debts/panel_body.html")
def debt_panel(centre, can_edit=False):
    from debts.outcomes import centre_steps

    outcomes, steps = centre_steps(centre)
    return {
        "centre": centre,
        "can_edit": can_edit,
        "outcomes": outcomes,
        "steps": steps,
        "minimum": rules.MIN_TARGET_HOUSEHOLDS,
        "short": max(rules.MIN_TARGET_HOUSEHOLDS - outcomes.target_households, 0),
    }
