from cdfmc.access import get_for_user
from cdfmc.geo.models import Village


def get_village_for_user(user, pk: int) -> tuple[Village, bool]:
    """The village if it is in the user's area (else 404), and whether they may edit it."""
    qs = Village.objects.select_related("subdistrict__district__province")
    return get_for_user(qs, user, pk=pk)
