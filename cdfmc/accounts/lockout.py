"""Who is trying to log in from where, and when they must wait.

django-axes counts failures per username at one client address (five, then a cool-off),
so a wrong password typed elsewhere never locks a user out of their own office. Behind
the production proxy the client address is taken from X-Forwarded-For (`client_ip`), or
every user would share the proxy's address. On top, `address_blocked` refuses an address
that has failed too often across all usernames (someone trying many accounts).
"""

import ipaddress

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from cdfmc.accounts.models import Role, User


def client_ip(request) -> str | None:
    """The address of the person at the keyboard (axes' AXES_CLIENT_IP_CALLABLE).

    With BEHIND_PROXY each of the TRUSTED_PROXY_COUNT proxies in front of us appends the
    address it received from to X-Forwarded-For, so the client is that many entries from
    the end; entries before it are whatever the client typed and are ignored.
    """
    remote = request.META.get("REMOTE_ADDR")
    if not settings.BEHIND_PROXY:
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if len(forwarded) < settings.TRUSTED_PROXY_COUNT:
        return remote
    candidate = forwarded[-settings.TRUSTED_PROXY_COUNT]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def _recent_attempts():
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return AccessAttempt.objects.filter(attempt_time__gte=since)


def address_blocked(ip: str | None) -> bool:
    """Whether `ip` has failed LOGIN_ADDRESS_FAILURE_LIMIT times, any usernames, lately."""
    if not ip:
        return False
    failures = _recent_attempts().filter(ip_address=ip).aggregate(n=Sum("failures_since_start"))
    return (failures["n"] or 0) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT


def users_to_unlock(user):
    """The users whose lockouts `user` may lift: a province's staff their province's."""
    if user.is_administrator:
        return User.objects.all()
    if user.role == Role.PROVINCE and user.province_id:
        return User.objects.filter(province_id=user.province_id)
    return User.objects.none()


def can_unlock_users(user) -> bool:
    return user.is_administrator or (user.role == Role.PROVINCE and bool(user.province_id))


def locked_out(user) -> list[dict]:
    """The locked-out users `user` may unlock: username, name, addresses, last attempt."""
    attempts = _recent_attempts().filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
    by_username: dict[str, list] = {}
    for attempt in attempts.order_by("-attempt_time"):
        by_username.setdefault(attempt.username, []).append(attempt)
    people = users_to_unlock(user).filter(username__in=by_username).select_related("district")
    return [
        {
            "user": person,
            "addresses": sorted({a.ip_address for a in by_username[person.username]}),
            "last": by_username[person.username][0].attempt_time,
        }
        for person in people.order_by("username")
    ]


def unlock(username: str) -> int:
    return AxesProxyHandler.reset_attempts(username=username)
