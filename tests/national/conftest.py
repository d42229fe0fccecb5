"""A national set generated once per test module (scale 0.002), inside a transaction
that is rolled back after the module; each test runs in a savepoint within it."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from cdfmc.national.models import GeneratedSet

SCALE = 0.002
SEED = 7
# The models a set fills, for counts and validation.
GENERATED = [
    "geo.Village",
    "accounts.User",
    "centres.Centre",
    "centres.MemberFund",
    "centres.CommitteeMember",
    "centres.Meeting",
    "centres.Visit",
    "centres.Evidence",
    "debts.Creditor",
    "debts.Household",
    "debts.Person",
    "debts.Contract",
    "debts.BalanceUpdate",
    "debts.Restructuring",
    "debts.IncomeExpense",
    "scoring.SelectionRound",
    "scoring.Proposal",
    "scoring.Score",
    "newcentres.Quota",
    "newcentres.Screening",
    "newcentres.Nomination",
]


def generate(seed=SEED, **options):
    call_command("generate_national", scale=SCALE, seed=seed, stdout=StringIO(), **options)


@pytest.fixture(scope="module")
def generated_set(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(DEBUG=True, MEDIA_ROOT=media):
        with transaction.atomic():
            generate()
            yield GeneratedSet.objects.get()
            transaction.set_rollback(True)


@pytest.fixture
def generated(generated_set, db):
    return generated_set
