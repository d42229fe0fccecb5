"""PostgreSQL only: trigram indexes so name and house-number searches (icontains) stay fast
on the national data set. SQLite needs none at its sizes."""

from django.db import migrations

# Django's icontains on PostgreSQL is UPPER(col::text) LIKE UPPER('%…%'): index that expression.
INDEXES = {
    "person_first_name_trgm": ("debts_person", "first_name"),
    "person_last_name_trgm": ("debts_person", "last_name"),
    "household_house_number_trgm": ("debts_household", "house_number"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, (table, column) in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {name} ON {table} '
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("debts", "0003_search_and_sort_keys")]

    operations = [migrations.RunPython(create, drop)]
