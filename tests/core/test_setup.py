"""`make setup` never creates a login in the database DATABASE_URL names; `make demo`
refuses unless DEBUG=1. Run for real: make, migrate and load_reference in a subprocess."""

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from django.db import connection

from tests.pg import database_url, psql, scratch_name

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "SECRET_KEY": "k3y-" + "x9Q!z" * 12,
    "ALLOWED_HOSTS": "cdfmc.example.go.th",
}


def make(target: str, tmp_path, **env):
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "CDFMC_VAR_DIR": str(tmp_path),
        **env,
    }
    return subprocess.run(  # noqa: S603
        ["make", "-s", target],  # noqa: S607
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_setup_with_a_database_url_creates_no_user(tmp_path):
    path = tmp_path / "production.sqlite3"
    result = make("setup", tmp_path, DATABASE_URL=f"sqlite:///{path}", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM geo_province").fetchone()[0] == 77
        assert db.execute("SELECT COUNT(*) FROM accounts_user").fetchone()[0] == 0


@pytest.mark.django_db
def test_setup_on_postgresql_creates_no_user(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("runs where the suite runs on PostgreSQL (DATABASE_URL=postgres://…)")
    name = scratch_name()
    psql(f'DROP DATABASE IF EXISTS "{name}"')
    psql(f'CREATE DATABASE "{name}"')
    try:
        result = make("setup", tmp_path, DATABASE_URL=database_url(name), **PRODUCTION)
        assert result.returncode == 0, result.stdout + result.stderr
        assert psql("SELECT COUNT(*) FROM geo_province", db=name).strip() == "77"
        assert psql("SELECT COUNT(*) FROM accounts_user", db=name).strip() == "0"
    finally:
        psql(f'DROP DATABASE IF EXISTS "{name}"')


def test_demo_refuses_without_debug(tmp_path):
    result = make("demo", tmp_path, DATABASE_URL=f"sqlite:///{tmp_path}/x.sqlite3", **PRODUCTION)
    assert result.returncode != 0
    assert "refuses unless DEBUG=1" in result.stderr
    assert not (tmp_path / "x.sqlite3").exists()


def test_run_still_loads_the_demo_set_and_clears_lockouts():
    plan = subprocess.run(  # noqa: S603
        ["make", "-n", "run"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": os.environ["PATH"], "DATABASE_URL": "postgres://prod/cdfmc"},
    ).stdout
    assert "load_demo" in plan and "axes_reset" in plan and "runserver" in plan
