"""Median response time and query count of the main pages, on the current database.

Run on the demo set: `DEBUG=1 .venv/bin/python manage.py shell -v0 < bench/pages.py`
"""

import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cdfmc.accounts.models import User

pages = [
    ("nongkhai", "/"),
    ("nongkhai", "/centres/"),
    ("faiwrai", "/centres/1/"),
    ("nongkhai", "/centres/register/"),
    ("nongkhai", "/centres/register.xlsx"),
    ("nongkhai", "/debts/households/"),
    ("nongkhai", "/debts/results/?province=43"),
    ("nongkhai", "/scoring/"),
]
for username, url in pages:
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username=username))
    client.get(url)  # warm
    times = []
    for _ in range(5):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
    median_ms = sorted(times)[2] * 1000
    print(f"| `{url}` | {username} | {response.status_code} | {len(ctx)} | {median_ms:.0f} ms |")
