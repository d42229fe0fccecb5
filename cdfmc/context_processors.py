from cdfmc.accounts.lockout import can_unlock_users
from cdfmc.navigation import menu_for


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"menu": []}
    return {"menu": menu_for(user), "can_unlock_users": can_unlock_users(user)}
