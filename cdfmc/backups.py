"""Backups of the database and the uploaded files, and putting one back.

A backup is a folder `cdfmc-<YYYYmmdd-HHMMSS>/` holding the database (`database.sqlite3`,
SQLite's online backup: consistent while officers keep working; or `database.dump`,
`pg_dump -Fc`), the uploaded files (`media.tar`) and `manifest.json` (what, when, how
many rows and files). `restore` writes a backup into the configured database, or the one
`database_url` names, and its files into MEDIA_ROOT; a database that already holds data
is only replaced when asked (`replace=True`).
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

import dj_database_url
from django.conf import settings
from django.db import connection
from django.utils import timezone

SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.dump"
MEDIA_FILE = "media.tar"
MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


def _pg_env(db: dict) -> dict:
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: dict) -> list[str]:
    args = []
    for flag, key in (("-h", "HOST"), ("-p", "PORT"), ("-U", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    return args


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _row_counts(cursor, tables) -> dict[str, int]:
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - names from introspection
        counts[table] = cursor.fetchone()[0]
    return counts


def backup(directory) -> Path:
    """Write a new backup folder under `directory` and return its path."""
    folder = Path(directory) / f"cdfmc-{timezone.localtime():%Y%m%d-%H%M%S}"
    folder.mkdir(parents=True, exist_ok=False)
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        target = sqlite3.connect(folder / SQLITE_FILE)
        with target:
            connection.connection.backup(target)
        target.close()
    elif connection.vendor == "postgresql":
        db = connection.settings_dict
        dump = ["pg_dump", "-Fc", "--no-owner", "--no-privileges", "-f", str(folder / PG_FILE)]
        _run([*dump, *_pg_args(db), db["NAME"]], _pg_env(db))
    else:
        raise BackupError(f"no backup for the {connection.vendor} database")
    media = Path(settings.MEDIA_ROOT)
    files = 0
    with tarfile.open(folder / MEDIA_FILE, "w") as tar:
        if media.is_dir():
            for path in sorted(p for p in media.rglob("*") if p.is_file()):
                tar.add(path, arcname=str(path.relative_to(media)))
                files += 1
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        counts = _row_counts(cursor, tables)
    manifest = {
        "created": timezone.now().isoformat(),
        "vendor": connection.vendor,
        "media_files": files,
        "rows": counts,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return folder


def read_manifest(folder) -> dict:
    path = Path(folder) / MANIFEST
    if not path.exists():
        raise BackupError(f"{folder} is not a cdfmc backup (no {MANIFEST})")
    return json.loads(path.read_text())


def _target(database_url: str | None) -> dict:
    if database_url:
        return dj_database_url.parse(database_url)
    return dict(connection.settings_dict)


def _sqlite_has_data(path: Path) -> bool:
    if not path.exists() or path.stat().st_size == 0:
        return False
    with sqlite3.connect(path) as db:
        return bool(db.execute("SELECT 1 FROM sqlite_master WHERE type='table' LIMIT 1").fetchone())


def _pg_has_data(db: dict) -> bool:
    query = "SELECT 1 FROM pg_tables WHERE schemaname = 'public' LIMIT 1"
    command = ["psql", "-tAc", query, *_pg_args(db), db["NAME"]]
    result = subprocess.run(command, env=_pg_env(db), capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"psql failed: {result.stderr.strip()}")
    return result.stdout.strip() == "1"


def restore(folder, *, database_url=None, media_root=None, replace=False) -> dict:
    """Write the backup in `folder` into a database and MEDIA_ROOT; return its manifest."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    db = _target(database_url)
    engine = db["ENGINE"].rsplit(".", 1)[-1]
    if engine == "sqlite3" and manifest["vendor"] == "sqlite":
        path = Path(db["NAME"])
        if _sqlite_has_data(path) and not replace:
            raise BackupError(f"{path} already holds data: restore with --replace to overwrite it")
        path.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(folder / SQLITE_FILE)
        target = sqlite3.connect(path)
        with target:
            source.backup(target)  # online: a running server sees the restored data at once
        source.close()
        target.close()
    elif engine.startswith("postgresql") and manifest["vendor"] == "postgresql":
        if _pg_has_data(db) and not replace:
            raise BackupError(f"{db['NAME']} already holds data: restore with --replace")
        command = ["pg_restore", "--no-owner", "--no-privileges", "--single-transaction"]
        if replace:
            command += ["--clean", "--if-exists"]
        _run([*command, *_pg_args(db), "-d", db["NAME"], str(folder / PG_FILE)], _pg_env(db))
    else:
        raise BackupError(f"a {manifest['vendor']} backup cannot be restored into {engine}")
    _restore_media(folder / MEDIA_FILE, Path(media_root or settings.MEDIA_ROOT), replace)
    return manifest


def _restore_media(archive: Path, media: Path, replace: bool) -> None:
    media.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media.parent) as scratch:
        unpacked = Path(scratch) / "media"
        with tarfile.open(archive) as tar:
            tar.extractall(unpacked, filter="data")  # no absolute paths, links or ../
        unpacked.mkdir(exist_ok=True)
        if media.exists() and any(media.iterdir()):
            if not replace:
                raise BackupError(f"{media} already holds files: restore with --replace")
            # Kept aside, not deleted: a restore can be undone by hand.
            media.rename(
                media.with_name(f"{media.name}.before-restore-{timezone.now():%Y%m%d%H%M%S}")
            )
        elif media.exists():
            media.rmdir()
        shutil.move(str(unpacked), media)
