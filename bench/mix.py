"""The busy-page mix per role, with URLs drawn from the generated set (needs Django set up).

Weights are shares of all requests: district officers (most users) 70 %, provincial staff
22 %, head office 4 %, the login page 4 %. Each request goes out as a user of the page's
role, on a record of that user's area.
"""

import random
from dataclasses import dataclass

from django.conf import settings
from django.test import Client

from bench.load import Request
from cdfmc.accounts.models import User
from centres.models import Centre
from debts.models import Contract, Household
from scoring.models import SelectionRound

# kind: (role, weight in %, URL pattern)
PAGES = {
    "district home": ("district", 12, "/"),
    "centre page": ("district", 18, "/centres/{centre}/"),
    "household list": ("district", 10, "/debts/households/"),
    "household page": ("district", 16, "/debts/households/{household}/"),
    "contract page": ("district", 10, "/debts/contracts/{contract}/"),
    "centre list": ("district", 4, "/centres/"),
    "province home": ("province", 3, "/"),
    "province results": ("province", 5, "/debts/results/?province={province}"),
    "province ranking": ("province", 4, "/scoring/rounds/{round}/ranking/"),
    "register": ("province", 5, "/centres/register/"),
    "province households": ("province", 5, "/debts/households/"),
    "national households": ("head_office", 1.5, "/debts/households/"),
    "national centres": ("head_office", 1.5, "/centres/"),
    "national contracts": ("head_office", 0.8, "/debts/contracts/"),
    "national results": ("head_office", 0.2, "/debts/results/"),
    "login page": ("anonymous", 4, "/accounts/login/"),
}
DISTRICTS = 40  # active district officers in the run
PROVINCES = 12
SAMPLE = 200  # households and contracts per district to draw from


@dataclass
class Persona:
    username: str
    cookie: str
    area: dict


def session_cookie(user) -> str:
    """A logged-in session stored in the database the server reads (as a login makes)."""
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


class Mix:
    def __init__(self, seed: int = 1):
        self.rng = random.Random(seed)  # noqa: S311 - a benchmark's draw
        self.personas = {"district": [], "province": [], "head_office": [], "anonymous": []}
        self._districts()
        self._provinces()
        for user in User.objects.filter(username__startswith="ho").order_by("username"):
            self.personas["head_office"].append(Persona(user.username, session_cookie(user), {}))
        self.personas["anonymous"].append(Persona("", "", {}))
        self.kinds = list(PAGES)
        self.weights = [PAGES[k][1] for k in self.kinds]

    def _districts(self):
        codes = sorted(set(Centre.objects.values_list("village__subdistrict__district", flat=True)))
        for code in self.rng.sample(codes, min(DISTRICTS, len(codes))):
            user = User.objects.get(username=f"d{code}")
            households = Household.objects.visible_to(user).order_by("?")[:SAMPLE]
            area = {
                "centre": list(Centre.objects.visible_to(user).values_list("pk", flat=True)),
                "household": list(households.values_list("pk", flat=True)),
                "contract": list(
                    Contract.objects.visible_to(user)
                    .order_by("?")
                    .values_list("pk", flat=True)[:SAMPLE]
                ),
            }
            self.personas["district"].append(Persona(user.username, session_cookie(user), area))

    def _provinces(self):
        rounds = dict(SelectionRound.objects.values_list("province_id", "pk"))
        codes = sorted(rounds)
        for code in self.rng.sample(codes, min(PROVINCES, len(codes))):
            user = User.objects.get(username=f"p{code}")
            area = {"province": [code], "round": [rounds[code]]}
            self.personas["province"].append(Persona(user.username, session_cookie(user), area))

    def request(self, kind: str) -> Request:
        role, _weight, pattern = PAGES[kind]
        persona = self.rng.choice(self.personas[role])
        values = {key: self.rng.choice(ids) for key, ids in persona.area.items() if ids}
        return Request(kind, pattern.format(**values), persona.cookie)

    def next_request(self) -> Request:
        return self.request(self.rng.choices(self.kinds, weights=self.weights)[0])

    def login_request(self) -> Request:
        return self.request("login page")
