import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def test_deploy_check_is_clean_with_production_variables(tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "DEBUG": "0",
        "SECRET_KEY": "k3y-" + "x9Q!z" * 12,
        "ALLOWED_HOSTS": "cdfmc.example.go.th",
        "SQLITE_PATH": str(tmp_path / "db.sqlite3"),
        "CDFMC_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {"PATH": os.environ["PATH"], "DEBUG": "0", "CDFMC_VAR_DIR": str(tmp_path)}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_thai_is_the_language_and_bangkok_the_time_zone():
    assert settings.LANGUAGE_CODE == "th"
    assert [code for code, _ in settings.LANGUAGES] == ["th", "en"]
    assert settings.TIME_ZONE == "Asia/Bangkok"


@pytest.mark.django_db
def test_sqlite_is_tuned_for_several_officers_at_once():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite tuning applies to the embedded database only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 5000
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_the_readme_lists_every_variable_the_settings_read():
    import re

    names = set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', (ROOT / "cdfmc/settings.py").read_text()))
    assert len(names) > 15
    readme = (ROOT / "README.md").read_text()
    assert not sorted(n for n in names if f"| `{n}` |" not in readme)


def _production_setting(tmp_path, expression: str, **env) -> str:
    env = {
        "PATH": os.environ["PATH"],
        "DEBUG": "0",
        "SECRET_KEY": "k3y-" + "x9Q!z" * 12,
        "CDFMC_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "cdfmc.settings",
        **env,
    }
    code = (
        f"import django; django.setup(); from django.conf import settings as s; print({expression})"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_hsts_starts_short_and_is_raised_by_variables(tmp_path):
    expression = "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD"
    assert _production_setting(tmp_path, expression) == "3600 False False"
    raised = _production_setting(
        tmp_path,
        expression,
        SECURE_HSTS_SECONDS="31536000",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="1",
        SECURE_HSTS_PRELOAD="1",
    )
    assert raised == "31536000 True True"


def test_deploy_check_is_clean_behind_a_proxy_with_hsts_raised(tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "DEBUG": "0",
        "SECRET_KEY": "k3y-" + "x9Q!z" * 12,
        "ALLOWED_HOSTS": "cdfmc.example.go.th",
        "CDFMC_VAR_DIR": str(tmp_path),
        "BEHIND_PROXY": "1",
        "SECURE_HSTS_SECONDS": "31536000",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
        "SECURE_HSTS_PRELOAD": "1",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
