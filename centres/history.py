"""The change history of a centre and all its parts, for the centre page.

simple_history keeps one row per save. Rows are read per model in one query each
(a fixed number, however long the history), and the changes are worked out by
comparing each row with the previous row of the same object.
"""

import datetime
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from cdfmc.geo.models import Village
from cdfmc.thaitime import format_be_date
from cdfmc.wording import yes_no
from centres.models import (
    ActionPlan,
    Centre,
    CommitteeMember,
    Division,
    Evidence,
    EvidenceTag,
    Meeting,
    MemberFund,
    PlanActivity,
    Training,
    Visit,
)

ROWS_PER_MODEL = 200
UNTRACKED = {"id", "created_at", "updated_at", "thumbnail", "content_type", "size", "uploaded_at"}
TYPE_LABELS = {
    "+": pgettext_lazy("history", "เพิ่ม"),
    "~": pgettext_lazy("history", "แก้ไข"),
    "-": pgettext_lazy("history", "ลบ"),
}


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class Change:
    when: datetime.datetime
    user: object
    action: str
    what: str
    label: str
    fields: list[FieldChange] = field(default_factory=list)
    history_id: int = 0


def _rows(model, **lookup):
    rows = (
        model.history.filter(**lookup)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:ROWS_PER_MODEL]
    )
    return list(reversed(rows))


def display_value(model_field, value, names=None) -> str:
    """A stored value as an officer reads it: choices' labels, มี/ไม่มี, BE dates."""
    if value is None or value == "":
        return "-"
    if isinstance(model_field, models.BooleanField):
        return yes_no(model_field.verbose_name, value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.DateField):
        return format_be_date(value)
    if isinstance(model_field, models.ForeignKey):
        return (names or {}).get((model_field.related_model, value), str(value))
    if isinstance(model_field, models.FileField):
        return _("ไฟล์")
    return str(value)


def _division_members(rows) -> dict[int, frozenset]:
    """The committee members of a division at each of its history rows, in one query."""
    snapshots = {row.history_id: set() for row in rows}
    through = Division.history.model.members.model
    pairs = through.objects.filter(history_id__in=list(snapshots)).values_list(
        "history_id", "committeemember_id"
    )
    for history_id, member_id in pairs:
        snapshots[history_id].add(member_id)
    return {history_id: frozenset(ids) for history_id, ids in snapshots.items()}


def _members_shown(ids, names) -> str:
    shown = sorted(names.get((CommitteeMember, pk), str(pk)) for pk in ids)
    return ", ".join(shown) or "-"


def _changes(model, rows, names, members=None) -> list[Change]:
    tracked = [f for f in model._meta.concrete_fields if f.name not in UNTRACKED]
    tracked = [f for f in tracked if not (isinstance(f, models.ForeignKey) and f.name == "centre")]
    previous = {}
    changes = []
    for row in rows:
        before = previous.get(row.id)
        previous[row.id] = row
        fields = []
        if row.history_type == "~":
            if before is None:
                continue  # its earlier rows are beyond the window: nothing to compare with
            for f in tracked:
                old, new = getattr(before, f.attname), getattr(row, f.attname)
                if old != new:
                    fields.append(
                        FieldChange(
                            str(f.verbose_name),
                            display_value(f, old, names),
                            display_value(f, new, names),
                        )
                    )
            if members is not None and members[before.history_id] != members[row.history_id]:
                fields.append(
                    FieldChange(
                        str(Division._meta.get_field("members").verbose_name),
                        _members_shown(members[before.history_id], names),
                        _members_shown(members[row.history_id], names),
                    )
                )
            if not fields:
                continue
        changes.append(
            Change(
                when=row.history_date,
                user=row.history_user,
                action=str(TYPE_LABELS[row.history_type]),
                what=str(model._meta.verbose_name),
                label=_label(model, row, names),
                fields=fields,
                history_id=row.history_id,
            )
        )
    return changes


def _label(model, row, names) -> str:
    if model is EvidenceTag:
        return row.indicator_code
    if model is Meeting:
        return format_be_date(row.held_on)
    for attr in ("name", "title"):
        if getattr(row, attr, None):
            return getattr(row, attr)
    if model is ActionPlan:
        return str(row.fiscal_year)
    if model is Visit:
        return format_be_date(row.visited_on)
    return ""


def centre_history(centre: Centre, limit: int = 50) -> list[Change]:
    """The latest `limit` changes to the centre and its parts, newest first."""
    per_model = {
        Centre: _rows(Centre, id=centre.pk),
        MemberFund: _rows(MemberFund, centre_id=centre.pk),
        CommitteeMember: _rows(CommitteeMember, centre_id=centre.pk),
        Division: _rows(Division, centre_id=centre.pk),
        Meeting: _rows(Meeting, centre_id=centre.pk),
        Training: _rows(Training, centre_id=centre.pk),
        Visit: _rows(Visit, centre_id=centre.pk),
        ActionPlan: _rows(ActionPlan, centre_id=centre.pk),
        Evidence: _rows(Evidence, centre_id=centre.pk),
    }
    plan_ids = {row.id for row in per_model[ActionPlan]}
    evidence_ids = {row.id for row in per_model[Evidence]}
    per_model[PlanActivity] = _rows(PlanActivity, plan_id__in=plan_ids) if plan_ids else []
    per_model[EvidenceTag] = (
        _rows(EvidenceTag, evidence_id__in=evidence_ids) if evidence_ids else []
    )

    names = {(MemberFund, row.id): row.name for row in per_model[MemberFund]}
    names.update({(CommitteeMember, row.id): row.name for row in per_model[CommitteeMember]})
    names.update({(ActionPlan, row.id): str(row.fiscal_year) for row in per_model[ActionPlan]})
    names.update({(Evidence, row.id): row.title for row in per_model[Evidence]})
    village_ids = {row.village_id for row in per_model[Centre]}
    for village in Village.objects.filter(pk__in=village_ids):
        names[(Village, village.pk)] = str(village)

    changes = []
    members = _division_members(per_model[Division]) if per_model[Division] else None
    for model, rows in per_model.items():
        changes.extend(_changes(model, rows, names, members if model is Division else None))
    changes.sort(key=lambda c: (c.when, c.history_id), reverse=True)
    return changes[:limit]
