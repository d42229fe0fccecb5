"""The menu each role sees. An entry whose URL is not installed yet is left out."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import pgettext_lazy

from cdfmc.accounts.models import Role

EVERYONE = frozenset(Role.values)
AREA_STAFF = frozenset({Role.DISTRICT, Role.PROVINCE, Role.ADMIN})
PROVINCIAL = frozenset({Role.PROVINCE, Role.HEAD_OFFICE, Role.ADMIN})
HEAD_OFFICE = frozenset({Role.HEAD_OFFICE, Role.ADMIN})


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    roles: frozenset = EVERYONE
    icon: str = "circle"


MENU = [
    MenuItem(pgettext_lazy("menu", "หน้าหลัก"), "home", icon="house"),
    MenuItem(pgettext_lazy("list", "หมู่บ้าน"), "villages:list", icon="geo-alt"),
    MenuItem(pgettext_lazy("menu", "ศูนย์ฯ"), "centres:list", icon="building"),
    MenuItem(pgettext_lazy("menu", "ทะเบียนจังหวัด"), "centres:register", icon="table"),
    MenuItem(pgettext_lazy("menu", "ครัวเรือน/หนี้"), "debts:households", icon="people"),
    MenuItem(pgettext_lazy("menu", "ผลแก้หนี้"), "debts:results", icon="graph-down-arrow"),
    MenuItem(pgettext_lazy("menu", "ตั้งศูนย์ใหม่"), "newcentres:rounds", icon="flag"),
    MenuItem(
        pgettext_lazy("menu", "คัดเลือกดีเด่น"), "scoring:rounds", PROVINCIAL | {Role.DISTRICT}, "award"
    ),
    MenuItem(
        pgettext_lazy("menu", "เกณฑ์"),
        "scoring:rubrics",
        HEAD_OFFICE | {Role.PROVINCE},
        "list-check",
    ),
]


def menu_for(user) -> list[dict]:
    items = []
    for item in MENU:
        if user.role not in item.roles and not user.is_superuser:
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        items.append({"label": item.label, "url": url, "icon": item.icon, "name": item.url_name})
    return items
