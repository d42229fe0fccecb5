"""Generate a national data set into an empty database (see `generate_national`).

Families run in order, one function each (`cdfmc/national/families/`), sharing only what
the context carries; each sets every field it writes, so a new model field shows up as a
change in one place. The whole set is written in one transaction: all or nothing.
"""

import time
from decimal import Decimal

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

from cdfmc.national.context import Context
from cdfmc.national.families import (
    centre_records,
    debtors,
    geography,
    new_centres,
    selection,
    staff,
)
from cdfmc.national.models import GeneratedSet
from cdfmc.national.plan import VERSION, Plan
from cdfmc.national.writer import BulkWriter

FAMILIES = [geography, staff, centre_records, debtors, selection, new_centres]
# Reference data that `load_reference` loads and a generated set builds on.
REFERENCE_MODELS = {
    "geo.province",
    "geo.district",
    "geo.subdistrict",
    "geo.provincegroup",
    "auth.permission",
    "contenttypes.contenttype",
}
# What tells a database holds data: any of these rows.
DATA_MODELS = ["geo.Village", "centres.Centre", "debts.Household", "accounts.User"]


class NotEmpty(Exception):
    pass


def existing_data() -> dict[str, int]:
    """Rows of the models that hold people's data, by model, where there are any."""
    counts = {label: apps.get_model(label).objects.count() for label in DATA_MODELS}
    return {label: n for label, n in counts.items() if n}


def refusal() -> str | None:
    """Why the database cannot take a generated set, or None."""
    found = existing_data()
    if not found:
        return None
    held = ", ".join(f"{label} {n:,}" for label, n in found.items())
    marker = GeneratedSet.objects.first()
    if marker:
        return f"the database holds a generated set ({marker}; {held})"
    return f"the database holds data that was not generated ({held})"


def flush_data(stdout=None) -> None:
    """Delete every row but the reference data (geography), files of evidence included;
    the rubrics are loaded again. For --force only."""
    from centres.models import Evidence
    from scoring.loading import load_rubrics

    for name in Evidence.objects.values_list("file", flat=True).iterator():
        if name:
            Evidence.file.field.storage.delete(name)
    tables = [
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if _flushed(model)
    ]
    statements = connection.ops.sql_flush(
        no_style(), tables, reset_sequences=True, allow_cascade=False
    )
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Rows written earlier in an enclosing transaction (a test's) leave deferred
            # foreign-key checks pending, and TRUNCATE refuses tables with pending checks.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        connection.ops.execute_sql_flush(statements)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    load_rubrics()
    if stdout:
        stdout.write(f"deleted the rows of {len(tables)} tables")


def analyze() -> None:
    """Fresh planner statistics: a bulk-loaded table has none until autovacuum passes, and
    PostgreSQL's plans without them are off by orders (17 s for a province's results
    instead of 0.2 s at scale 0.1)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _flushed(model) -> bool:
    meta = model._meta
    return meta.managed and not meta.proxy and meta.label_lower not in REFERENCE_MODELS


def generate(*, scale: float, seed: int, as_of=None, stdout=None, history=True) -> GeneratedSet:
    plan = Plan(scale=scale, seed=seed, **({"as_of": as_of} if as_of else {}))
    started = time.perf_counter()
    with transaction.atomic():
        problem = refusal()
        if problem:
            raise NotEmpty(problem)
        writer = BulkWriter(history=history)
        ctx = Context(plan=plan, writer=writer)
        for family in FAMILIES:
            began = time.perf_counter()
            family.generate(ctx)
            if stdout:
                name = family.__name__.rsplit(".", 1)[1]
                stdout.write(f"{name}: {time.perf_counter() - began:.1f} s")
        counts = writer.finish()
        return GeneratedSet.objects.create(
            scale=Decimal(str(scale)),
            seed=seed,
            as_of=plan.as_of,
            version=VERSION,
            counts=dict(sorted(counts.items())),
            seconds=round(time.perf_counter() - started, 1),
        )
