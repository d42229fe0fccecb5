"""The home page: figures for the user's area and what needs their attention.

Each figure is one aggregate query over a `visible_to(user)` queryset, so the page costs
the same however many records the area holds. Each item links to a list filtered by the
same queryset method it was counted with, so the list shows exactly the counted records.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cdfmc.accounts.models import Role
from cdfmc.geo.models import Village
from centres.models import Centre, CentreStatus
from debts.models import Household
from debts.rules import MIN_TARGET_HOUSEHOLDS
from newcentres.models import Nomination, NominationStatus
from scoring.models import Proposal


@dataclass(frozen=True)
class Attention:
    count: int
    text: str
    url: str


def home_counts(user) -> dict:
    villages = Village.objects.visible_to(user).aggregate(
        total=Count("pk"), without_centre=Count("pk", filter=Q(centre__isnull=True))
    )
    centres = Centre.objects.visible_to(user).aggregate(
        total=Count("pk"),
        established=Count("pk", filter=Q(status=CentreStatus.ESTABLISHED)),
        model=Count("pk", filter=Q(status=CentreStatus.MODEL)),
        target=Count("pk", filter=Q(status=CentreStatus.TARGET)),
    )
    return {"villages": villages, "centres": centres}


def attention_for(user) -> list[Attention]:
    """What is waiting for this user, most pressing first; empty items are left out."""
    items = []
    if user.role in {Role.DISTRICT, Role.PROVINCE, Role.ADMIN}:
        items += _debt_items(user)
    nominations = Nomination.objects.visible_to(user).aggregate(
        returned=Count("pk", filter=Q(status=NominationStatus.RETURNED)),
        waiting=Count("pk", filter=Q(status=NominationStatus.NOMINATED)),
    )
    listed = reverse("newcentres:nominations")
    if user.role == Role.DISTRICT:
        items.append(
            Attention(
                nominations["returned"],
                _("หมู่บ้านที่จังหวัดส่งคืนให้แก้ไข"),
                f"{listed}?status={NominationStatus.RETURNED}",
            )
        )
    if user.role in {Role.PROVINCE, Role.ADMIN}:
        items.append(
            Attention(
                nominations["waiting"],
                _("หมู่บ้านที่อำเภอเสนอ รอจังหวัดพิจารณา"),
                f"{listed}?status={NominationStatus.NOMINATED}",
            )
        )
        unscored = Proposal.objects.visible_to(user).unscored().count()
        items.append(
            Attention(
                unscored,
                _("ศูนย์ที่อำเภอเสนอ ยังไม่มีผลประเมินที่ยืนยันแล้ว"),
                f"{reverse('scoring:proposals')}?unscored=1",
            )
        )
    return [item for item in items if item.count]


def _debt_items(user) -> list[Attention]:
    households = reverse("debts:households")
    unclassified = Household.objects.visible_to(user).filter(debtor_class="").count()
    short = Centre.objects.visible_to(user).short_of_targets(MIN_TARGET_HOUSEHOLDS).count()
    return [
        Attention(unclassified, _("ลูกหนี้ที่ยังไม่ได้จำแนกประเภท"), f"{households}?debtor_class=none"),
        Attention(
            short,
            _("ศูนย์ที่ครัวเรือนเป้าหมายยังไม่ถึง %(n)s ครัวเรือน") % {"n": MIN_TARGET_HOUSEHOLDS},
            f"{reverse('centres:list')}?short_of_targets=1",
        ),
    ]
