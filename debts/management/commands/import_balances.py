from debts.imports import import_balances
from debts.management._base import ImportCommand


class Command(ImportCommand):
    help = "นำเข้ายอดหนี้คงค้าง ณ วันที่: import_balances FILE --centre <id> [--dry-run]"
    run = import_balances
