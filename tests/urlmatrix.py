"""Every URL pattern × every persona: the access matrix (pretix test_permissions style).

Each app lists its URL names in `tests/<app>/urlcases.py` as `CASES = {name: Case(...)}`.
`test_url_access.py` walks the URL resolver, so a URL without a case fails the suite.

A Case gives the URL's kwargs for a record in อ.เฝ้าไร่ จ.หนองคาย (built by `kwargs(world)`)
and the status each persona must get. Shorthands:
  IN_AREA       own area 200, other area 404 (the default for object pages)
  EVERYONE      200 for every logged-in persona (lists, already scoped)
Anonymous visitors are always redirected to the login page unless `anonymous=` says otherwise.
"""

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.urls import URLPattern, URLResolver, get_resolver

PERSONA_NAMES = ["faiwrai", "phonphisai", "nongkhai", "loei", "headoffice", "admin"]

EVERYONE = dict.fromkeys(PERSONA_NAMES, 200)
IN_AREA = {
    "faiwrai": 200,
    "phonphisai": 404,
    "nongkhai": 200,
    "loei": 404,
    "headoffice": 200,
    "admin": 200,
}
# Writing in the area: head office reads only.
EDIT_IN_AREA = {**IN_AREA, "headoffice": 403}
# Provincial decisions for หนองคาย.
PROVINCE_ONLY = {
    "faiwrai": 403,
    "phonphisai": 403,
    "nongkhai": 200,
    "loei": 404,
    "headoffice": 403,
    "admin": 200,
}
HEAD_OFFICE_ONLY = {
    "faiwrai": 403,
    "phonphisai": 403,
    "nongkhai": 403,
    "loei": 403,
    "headoffice": 200,
    "admin": 200,
}

APPS_WITH_CASES = ["core", "centres", "debts", "scoring", "newcentres"]
SKIPPED_NAMESPACES = {"admin"}  # Django's admin guards itself (staff only).


@dataclass
class Case:
    expect: dict[str, int] = field(default_factory=lambda: dict(IN_AREA))
    kwargs: Callable[[SimpleNamespace], dict] = lambda world: {}
    method: str = "get"
    data: Callable[[SimpleNamespace], dict] | None = None
    query: str = ""
    anonymous: int = 302


def all_url_names() -> list[str]:
    names = []

    def walk(patterns, prefix):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = p.namespace
                if ns in SKIPPED_NAMESPACES:
                    continue
                walk(p.url_patterns, f"{prefix}{ns}:" if ns else prefix)
            elif isinstance(p, URLPattern) and p.name:
                names.append(prefix + p.name)

    walk(get_resolver().url_patterns, "")
    return sorted(set(names))


def all_cases() -> dict[str, Case]:
    cases = {}
    for app in APPS_WITH_CASES:
        try:
            module = importlib.import_module(f"tests.{app}.urlcases")
        except ModuleNotFoundError as exc:
            if exc.name != f"tests.{app}.urlcases":
                raise
            continue
        cases.update(module.CASES)
    return cases
