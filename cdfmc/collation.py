"""Thai dictionary order for names, the same on SQLite and PostgreSQL.

Thai dictionaries sort a word by its consonant first: เก comes with ก, not after ฮ.
PostgreSQL gets an ICU collation (migration `geo.0001`); SQLite gets `thai_compare`
registered on every connection. Python code that sorts names uses `thai_sort_key`.
"""

from django.db.backends.signals import connection_created

COLLATION = "thai"

LEADING_VOWELS = frozenset("เแโใไ")
# Tone marks and the like only break ties between otherwise equal words.
MINOR_MARKS = frozenset("\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d")


def thai_sort_key(text: str) -> tuple[str, str, str]:
    chars = []
    pending = ""
    for char in text or "":
        if char in LEADING_VOWELS and not pending:
            pending = char
            continue
        chars.append(char)
        if pending:
            chars.append(pending)
            pending = ""
    if pending:
        chars.append(pending)
    base = "".join(c for c in chars if c not in MINOR_MARKS)
    marks = "".join(c for c in chars if c in MINOR_MARKS)
    return base, marks, text or ""


def thai_compare(left: str, right: str) -> int:
    a, b = thai_sort_key(left), thai_sort_key(right)
    return (a > b) - (a < b)


def register_sqlite_collation(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_collation(COLLATION, thai_compare)


def connect_signals():
    connection_created.connect(register_sqlite_collation, dispatch_uid="cdfmc-thai-collation")
