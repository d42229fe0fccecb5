"""Bulk writing for the generator: ids assigned here, rows buffered per model and inserted
in batches, and one "+" history row per record.

Ids are given by the writer (from the table's current maximum) so that related rows can
be built before anything is written; foreign keys are deferred to the end of the
transaction on both SQLite and PostgreSQL, so buffers may be written in any order.
Rows are inserted as `bulk_create` would insert them (every concrete field, through the
field's own `pre_save` and `get_db_prep_save`), but with the driver's many-row insert:
Django's SQL compiler cost 40 µs a row, four fifths of a national run. PostgreSQL's
sequences are moved past the ids at the end.
"""

import datetime
import io
from collections import Counter
from decimal import Decimal

from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models import FileField, Max
from django.utils import timezone

from debts.models import BalanceUpdate

# One history row per record, except for balances: a set holds millions of them (the
# monthly series of every contract), a balance is entered, not edited, and the household
# history lists the balances it finds in history (none for generated ones) without harm.
NO_HISTORY = {BalanceUpdate}
HISTORY_REASON = "ชุดข้อมูลสังเคราะห์ (generate_national)"


def keeps_history(model) -> bool:
    return hasattr(model._meta, "simple_history_manager_attribute") and model not in NO_HISTORY


# Values of these fields go to the driver as they are when of these types: both drivers
# take Decimal and date, and Django adapts them no further for these columns.
PLAIN_FIELDS = {
    "AutoField", "BigAutoField", "BigIntegerField", "BooleanField", "CharField", "DateField",
    "DecimalField", "ForeignKey", "IntegerField", "OneToOneField", "PositiveIntegerField",
    "PositiveSmallIntegerField", "SmallIntegerField", "TextField",
}  # fmt: skip
PLAIN_TYPES = {int, str, bool, Decimal, datetime.date}


class Table:
    """The INSERT of one model's concrete fields, and a row's values for it."""

    def __init__(self, model):
        self.connection = connections[DEFAULT_DB_ALIAS]
        self.fields = list(model._meta.concrete_fields)
        quote = self.connection.ops.quote_name
        self.table = quote(model._meta.db_table)
        self.columns = ", ".join(quote(f.column) for f in self.fields)
        # Names from the model's own metadata, quoted; values are always parameters.
        self.sql = f"INSERT INTO {self.table} ({self.columns}) VALUES "  # noqa: S608
        # auto_now(_add) fields all get the time the table was first written.
        self.now = timezone.now()
        self.stamp = self.connection.ops.adapt_datetimefield_value(self.now)
        self.plan = [(f, f.attname, _kind(f)) for f in self.fields]

    def values(self, obj) -> tuple:
        out = []
        for field, attname, kind in self.plan:
            if kind == AUTO_TIME:
                setattr(obj, attname, self.now)  # as pre_save would: history copies it
                out.append(self.stamp)
                continue
            value = field.pre_save(obj, True) if kind == FILE else getattr(obj, attname)
            out.append(self._prepared(field, kind, value))
        return tuple(out)

    def row(self, values: dict) -> tuple:
        """A row given as {attname: value}: fields left out take their default (auto_now
        fields the time of writing); a field without one is an error, not a NULL."""
        out = []
        for field, attname, kind in self.plan:
            if attname in values:
                value = values[attname]
            elif kind == AUTO_TIME:
                out.append(self.stamp)
                continue
            elif field.has_default():
                value = field.get_default()
            elif field.null:
                value = None
            else:
                raise ValueError(f"{field.model.__name__}.{attname} needs a value")
            out.append(self._prepared(field, kind, value))
        return tuple(out)

    def _prepared(self, field, kind, value):
        if value is None or (kind == PLAIN and type(value) in PLAIN_TYPES):
            return value
        return field.get_db_prep_save(value, self.connection)

    def insert(self, rows: list[tuple]) -> None:
        cursor = self.connection.connection.cursor()
        if self.connection.vendor == "postgresql":
            # COPY: a tenth of the time of many-row INSERTs (psycopg2 quotes each value).
            data = io.StringIO("".join("\t".join(map(_copy_text, row)) + "\n" for row in rows))
            cursor.copy_expert(f"COPY {self.table} ({self.columns}) FROM STDIN", data)
        else:
            marks = ", ".join("?" * len(self.fields))
            cursor.executemany(f"{self.sql}({marks})", rows)
        cursor.close()


def _copy_text(value) -> str:
    """A value in COPY's text format."""
    if value is None:
        return "\\N"
    if value is True or value is False:
        return "t" if value else "f"
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, str):
        return value.translate(COPY_ESCAPES)
    raise TypeError(f"no COPY text for {type(value).__name__}")


COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


AUTO_TIME, FILE, PLAIN, OTHER = "auto_time", "file", "plain", "other"


def _kind(field) -> str:
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return AUTO_TIME
    if isinstance(field, FileField):
        return FILE
    return PLAIN if field.get_internal_type() in PLAIN_FIELDS else OTHER


class BulkWriter:
    def __init__(self, *, history: bool = True, flush_at: int = 50_000):
        self.history = history
        self.flush_at = flush_at
        self.next_ids: dict = {}
        self.tables: dict = {}
        self.buffers: dict = {}  # model -> instances, in the order models were first added
        self.pending = 0
        self.counts: Counter = Counter()
        self.history_date = timezone.now()

    def new_id(self, model) -> int:
        if model not in self.next_ids:
            self.next_ids[model] = (model._base_manager.aggregate(m=Max("pk"))["m"] or 0) + 1
        pk = self.next_ids[model]
        self.next_ids[model] = pk + 1
        return pk

    def add(self, obj):
        """Buffer a model instance (its id assigned if unset) and return it."""
        model = type(obj)
        if obj.pk is None:
            obj.pk = self.new_id(model)
        self.buffers.setdefault(model, []).append(obj)
        self.pending += 1
        return obj

    def add_row(self, model, **values) -> int:
        """Buffer a row given by its values (no model instance: for the millions of
        balances); returns its id. Only for models written without history."""
        if self.history and keeps_history(model):
            raise ValueError(f"{model.__name__} keeps history: add() an instance instead")
        values.setdefault("id", self.new_id(model))
        self.buffers.setdefault(model, []).append(values)
        self.pending += 1
        return values["id"]

    def link(self, through, **fields):
        """A row of a many-to-many table."""
        return self.add(through(**fields))

    def maybe_flush(self):
        if self.pending >= self.flush_at:
            self.flush()

    def flush(self):
        """Write every buffer, then the history of what was written."""
        buffers = self.buffers
        self.buffers = {model: [] for model in buffers}
        self.pending = 0
        for model, rows in buffers.items():
            if rows:
                self._insert(model, rows)
        if self.history:
            for model, rows in buffers.items():
                if rows and keeps_history(model):
                    self._history(model, rows, buffers)

    def _insert(self, model, rows):
        if model not in self.tables:
            self.tables[model] = Table(model)
        table = self.tables[model]
        table.insert([table.row(o) if type(o) is dict else table.values(o) for o in rows])
        self.counts[model._meta.label] += len(rows)

    def _history(self, model, rows, buffers):
        history_model = getattr(model, model._meta.simple_history_manager_attribute).model
        tracked = [f.attname for f in history_model.tracked_fields]
        records = [
            history_model(
                history_id=self.new_id(history_model),
                history_date=self.history_date,
                history_change_reason=HISTORY_REASON,
                history_type="+",
                history_user_id=None,
                **{name: getattr(obj, name) for name in tracked},
            )
            for obj in rows
        ]
        self._insert(history_model, records)
        for field in history_model._history_m2m_fields:
            self._history_m2m(history_model, field, rows, records, buffers)

    def _history_m2m(self, history_model, field, rows, records, buffers):
        """Snapshot rows of a many-to-many field kept in history (a division's members),
        from the links written in the same flush."""
        through = field.remote_field.through
        snapshot = getattr(history_model, field.name).model
        source = f"{field.m2m_field_name()}_id"
        record_of = {row.pk: record.pk for row, record in zip(rows, records, strict=True)}
        columns = [f.attname for f in through._meta.fields]
        copies = [
            snapshot(
                m2m_history_id=self.new_id(snapshot),
                history_id=record_of[getattr(link, source)],
                **{name: getattr(link, name) for name in columns},
            )
            for link in buffers.get(through, [])
            if getattr(link, source) in record_of
        ]
        if copies:
            self._insert(snapshot, copies)

    def finish(self):
        self.flush()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), list(self.tables)):
                    cursor.execute(sql)
        counts = Counter({k: v for k, v in self.counts.items() if ".Historical" not in k})
        counts["history rows"] = sum(v for k, v in self.counts.items() if ".Historical" in k)
        return counts
