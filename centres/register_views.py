"""The provincial register on screen and as xlsx, and importing a register sheet.

Import is two requests: the upload parses the sheet, keeps the parsed rows in the
user's (server-side) session under a fresh token and shows the preview; the confirm
plans the same rows again against the current records and applies them in one
transaction. Nothing is written by the upload.
"""

import secrets

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cdfmc.access import can_enter_data
from cdfmc.exports.views import report_download, report_page
from cdfmc.formfields import ThaiForm
from centres.registers import (
    RegisterFileError,
    parse_register,
    plan_import,
    read_xlsx,
    register_import,
    rows_from_session,
    rows_to_session,
)
from centres.reports import CentreRegister
from centres.uploads import check_zip_bounds

SESSION_KEY = "centres.register_import"
MAX_UPLOAD_BYTES = min(settings.UPLOAD_MAX_BYTES, 5 * 1024 * 1024)


def register_page(request):
    extra = {
        "download_url": reverse("centres:register_xlsx"),
        "can_import": can_enter_data(request.user),
    }
    return report_page(request, CentreRegister, template="centres/register.html", extra=extra)


def register_xlsx(request):
    return report_download(request, CentreRegister)


class RegisterUploadForm(ThaiForm):
    file = forms.FileField(
        label=gettext_lazy("ไฟล์ทะเบียนศูนย์ (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise ValidationError(_("ต้องเป็นไฟล์ Excel นามสกุล .xlsx"))
        if upload.size > MAX_UPLOAD_BYTES:
            limit = MAX_UPLOAD_BYTES // (1024 * 1024)
            raise ValidationError(_("ไฟล์ใหญ่เกิน %(mb)s MB") % {"mb": limit})
        check_zip_bounds(upload)  # an xlsx is a zip: bounded before openpyxl inflates it
        try:
            self.cleaned_data["rows"] = parse_register(read_xlsx(upload))
        except RegisterFileError as exc:
            raise ValidationError(str(exc)) from None
        if not self.cleaned_data["rows"]:
            raise ValidationError(_("ไม่พบแถวข้อมูลศูนย์ในไฟล์"))
        return upload


def _check_importer(user):
    # Head office reads only; district officers may import, but only their own district's rows.
    if not can_enter_data(user):
        raise PermissionDenied


def register_import_upload(request):
    _check_importer(request.user)
    form = RegisterUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        rows = form.cleaned_data["rows"]
        token = secrets.token_urlsafe(24)
        filename = form.cleaned_data["file"].name
        request.session[SESSION_KEY] = {
            "token": token,
            "filename": filename,
            "rows": rows_to_session(rows),
        }
        plan = plan_import(rows, user=request.user)
        context = {"plan": plan, "token": token, "filename": filename}
        return render(request, "centres/import_preview.html", context)
    return render(request, "centres/import_upload.html", {"form": form})


@require_POST
def register_import_confirm(request):
    _check_importer(request.user)
    stored = request.session.get(SESSION_KEY) or {}
    token = request.POST.get("token", "")
    if not stored or not constant_time_compare(stored.get("token", ""), token):
        messages.error(request, _("ไม่พบไฟล์ที่อัปโหลดไว้หรือหมดเวลาแล้ว กรุณาอัปโหลดใหม่"))
        return redirect("centres:register_import")
    rows = rows_from_session(stored["rows"])
    try:
        plan = register_import(rows=rows, user=request.user)
    except ValidationError as exc:
        context = {
            "plan": plan_import(rows, user=request.user),
            "token": token,
            "filename": stored.get("filename", ""),
            "refused": exc.messages,
        }
        return render(request, "centres/import_preview.html", context)
    del request.session[SESSION_KEY]
    messages.success(
        request,
        _("นำเข้าทะเบียนแล้ว: ศูนย์ใหม่ %(new)s แห่ง แก้ไข %(changed)s แห่ง หมู่บ้านใหม่ %(v)s")
        % {"new": plan.count("new"), "changed": plan.count("changed"), "v": plan.new_villages},
    )
    return redirect("centres:register")
