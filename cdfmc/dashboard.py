"""Figures for the home page, always within the user's area."""

from django.db.models import Count, Q

from cdfmc.geo.models import Village
from centres.models import Centre, CentreStatus


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
