import shutil

import pytest

from cdfmc.geo.loading import load_geography
from cdfmc.geo.models import Province
from tests.personas import PERSONAS, make_persona


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The official geography, loaded once into the test database."""
    with django_db_blocker.unblock():
        load_geography()


@pytest.fixture
def geography(db):
    # Transactional tests (browser) empty the tables after each test: reload if needed.
    if not Province.objects.exists():
        load_geography()


@pytest.fixture
def persona(db):
    """persona("faiwrai") → the saved user of that name (see tests/personas.py)."""
    return make_persona


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


__all__ = ["PERSONAS", "chromium_path"]
