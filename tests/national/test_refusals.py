"""generate_national writes only into an empty database, and only with DEBUG on."""

import pytest
from django.core.management import CommandError

from centres.models import Centre
from tests.national.conftest import generate


def test_it_refuses_a_database_with_data(db, settings, persona):
    settings.DEBUG = True
    persona("faiwrai")
    with pytest.raises(CommandError, match="not generated"):
        generate()
    assert not Centre.objects.exists()


def test_it_refuses_a_generated_set_without_force(db, settings):
    settings.DEBUG = True
    generate()
    with pytest.raises(CommandError, match="holds a generated set"):
        generate()


def test_it_refuses_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        generate()
