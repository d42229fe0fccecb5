"""psql against the server of the test database, for tests that need a second database."""

import subprocess

from django.db import connection


def psql(sql: str, db: str = "postgres") -> str:
    """Run one statement with psql; its rows as text (fields separated by |)."""
    settings_dict = connection.settings_dict
    command = ["psql", "-v", "ON_ERROR_STOP=1", "-tA", "-F", "|", "-c", sql, "-d", db]
    for flag, key in (("-h", "HOST"), ("-p", "PORT"), ("-U", "USER")):
        if settings_dict.get(key):
            command += [flag, str(settings_dict[key])]
    result = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    return result.stdout


def database_url(name: str) -> str:
    """A URL for database `name` on the test database's server, with its credentials."""
    db = connection.settings_dict
    auth = f"{db['USER']}:{db['PASSWORD']}@" if db.get("PASSWORD") else f"{db['USER']}@"
    return f"postgres://{auth}{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def scratch_name() -> str:
    """The one extra database the suite may make: <test database>_restore."""
    return f"{connection.settings_dict['NAME']}_restore"
