"""The reports cdfmc can export. Each app registers its reports in its `reports.py`."""

import importlib

REPORTS: dict[str, type] = {}
REPORT_MODULES = ["centres.reports", "debts.reports", "scoring.reports", "newcentres.reports"]


def register(report_class):
    """Class decorator: @register on a Report subclass adds it by its identifier."""
    REPORTS[report_class.identifier] = report_class
    return report_class


def load_reports() -> dict[str, type]:
    for name in REPORT_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return REPORTS


def get_report(identifier: str):
    return load_reports().get(identifier)
