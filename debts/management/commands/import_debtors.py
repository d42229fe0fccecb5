from debts.imports import import_debtors
from debts.management._base import ImportCommand


class Command(ImportCommand):
    help = "นำเข้าทะเบียนลูกหนี้ของศูนย์: import_debtors FILE --centre <id> [--dry-run]"
    run = import_debtors
