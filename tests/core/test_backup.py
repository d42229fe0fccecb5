"""A backup restored into a new database holds the same records and files.

Transactional: the backup tools (pg_dump) read from outside the test's connection, so the
records must be committed. On PostgreSQL the dump goes into a new database beside the
test database (<test db>_restore), dropped afterwards.
"""

import sqlite3

import pytest
from django.core.management import call_command
from django.db import connection

from cdfmc.backups import BackupError, read_manifest, restore
from tests.centres.factories import jpeg_bytes, make_evidence
from tests.debts.factories import make_household
from tests.factories import make_centre
from tests.pg import database_url, psql, scratch_name

pytestmark = pytest.mark.django_db(transaction=True)

QUERIES = {
    "centres": "SELECT name FROM centres_centre ORDER BY id",
    "people": "SELECT citizen_id, first_name FROM debts_person ORDER BY id",
    "evidence": "SELECT file, thumbnail FROM centres_evidence ORDER BY id",
}


@pytest.fixture
def records(geography):
    centre = make_centre(name="ศูนย์จัดการกองทุนชุมชนบ้านสำรอง")
    make_household(centre=centre)
    evidence = make_evidence(centre=centre, content=jpeg_bytes(), name="meeting.jpg")
    return evidence


def _live_rows():
    with connection.cursor() as cursor:
        found = {}
        for key, sql in QUERIES.items():
            cursor.execute(sql)
            found[key] = [tuple(str(v) for v in row) for row in cursor.fetchall()]
    return found


@pytest.fixture
def new_database(tmp_path):
    """(url, read rows) of an empty database of the same kind as the test database."""
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"

        def rows():
            with sqlite3.connect(path) as db:
                return {
                    k: [tuple(str(v) for v in r) for r in db.execute(q)] for k, q in QUERIES.items()
                }

        yield f"sqlite:///{path}", rows
        return
    name = scratch_name()
    psql(f'DROP DATABASE IF EXISTS "{name}"')
    psql(f'CREATE DATABASE "{name}"')
    url = database_url(name)

    def rows():
        found = {}
        for key, sql in QUERIES.items():
            out = psql(sql, db=name).strip()
            found[key] = [tuple(line.split("|")) for line in out.splitlines()] if out else []
        return found

    yield url, rows
    psql(f'DROP DATABASE IF EXISTS "{name}"')


def test_a_backup_restores_into_a_new_database_with_the_same_records_and_files(
    records, new_database, tmp_path, settings
):
    url, restored_rows = new_database
    call_command("backup", dir=str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    manifest = read_manifest(folder)
    assert manifest["vendor"] == connection.vendor and manifest["media_files"] == 2

    media = tmp_path / "restored-media"
    call_command("restore", str(folder), database_url=url, media_root=str(media))

    expected = _live_rows()
    assert expected["centres"] == [("ศูนย์จัดการกองทุนชุมชนบ้านสำรอง",)]
    assert restored_rows() == expected
    for stored in (records.file, records.thumbnail):
        assert (media / stored.name).read_bytes() == stored.open("rb").read()


def test_restore_refuses_to_overwrite_a_database_that_holds_data(records, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite file check; PostgreSQL uses the same rule through psql")
    call_command("backup", dir=str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    target = tmp_path / "busy.sqlite3"
    with sqlite3.connect(target) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(BackupError, match="already holds data"):
        restore(folder, database_url=f"sqlite:///{target}", media_root=str(tmp_path / "m"))
