"""Shared view helpers: a report on screen and the same report as an xlsx download.

Apps wire their own URLs (so the access matrix covers each) and call these.
"""

from django.http import HttpResponse
from django.shortcuts import render

from cdfmc.exports.xlsx import write_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def build_report(request, report_class, **fixed):
    """The report for the GET parameters (plus `fixed` ones), checked against the user's area."""
    form = report_class.form_class(data=request.GET or None, **_form_kwargs(report_class, request))
    params = dict(fixed)
    if form.is_bound and form.is_valid():
        params = {**form.cleaned_data, **fixed}
    report = report_class(user=request.user, **params)
    report.check_access()
    return form, report


def _form_kwargs(report_class, request):
    return {"user": request.user} if getattr(report_class, "form_takes_user", False) else {}


def report_page(request, report_class, template="exports/report.html", extra=None, **fixed):
    form, report = build_report(request, report_class, **fixed)
    context = {"form": form, "report": report, "tables": report.tables(), **(extra or {})}
    return render(request, template, context)


def xlsx_response(report) -> HttpResponse:
    response = HttpResponse(write_xlsx(report.tables()), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{report.filename()}"'
    return response


def report_download(request, report_class, **fixed):
    _, report = build_report(request, report_class, **fixed)
    return xlsx_response(report)
