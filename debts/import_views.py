"""Upload → preview (row-level errors, or what would change) → confirm, for both registers.

The uploaded file waits in storage between preview and confirm; confirming checks it
again, so a register is imported whole or not at all.
"""

import uuid
from pathlib import PurePath

from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from debts import imports
from debts.access import get_centre_for_user
from debts.forms import ImportForm
from debts.views import _editable

# Titles are lazy: this dict is built once at import, before any user's language is known.
KINDS = {
    "debtors": {
        "title": gettext_lazy("นำเข้าทะเบียนลูกหนี้"),
        "run": lambda centre, data, name, dry, user: imports.import_debtors(
            centre=centre, data=data, filename=name, dry_run=dry
        ),
        "confirm_url": "debts:import_confirm",
        "template_url": "debts:import_template",
        "done_url": "debts:targets",
    },
    "balances": {
        "title": gettext_lazy("นำเข้ายอดหนี้คงค้าง"),
        "run": lambda centre, data, name, dry, user: imports.import_balances(
            centre=centre, data=data, filename=name, dry_run=dry, user=user
        ),
        "confirm_url": "debts:balance_import_confirm",
        "template_url": "debts:balance_template",
        "done_url": "debts:targets",
    },
}


def _page(request, centre, kind, **context):
    spec = KINDS[kind]
    template_kwargs = {} if kind == "debtors" else {"centre_pk": centre.pk}
    context = {
        "centre": centre,
        "kind": kind,
        "title": spec["title"],
        "confirm_url": reverse(spec["confirm_url"], kwargs={"centre_pk": centre.pk}),
        "template_url": reverse(spec["template_url"], kwargs=template_kwargs),
        "columns": imports.DEBTOR_COLUMNS if kind == "debtors" else imports.BALANCE_COLUMNS,
        **context,
    }
    return render(request, "debts/import.html", context)


def _upload(request, centre_pk, kind):
    centre, can_edit = get_centre_for_user(request.user, centre_pk)
    _editable(can_edit)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return _page(request, centre, kind, form=form)
    upload = form.cleaned_data["file"]
    data, name = upload.read(), upload.name
    try:
        result = KINDS[kind]["run"](centre, data, name, True, request.user)
    except imports.ImportFileError as exc:
        form.add_error("file", str(exc))
        return _page(request, centre, kind, form=form)
    token = ""
    if result.ok:
        token = uuid.uuid4().hex
        suffix = PurePath(name).suffix.lower() or ".xlsx"
        path = default_storage.save(f"debt-imports/{token}{suffix}", ContentFile(data))
        request.session[f"debt-import-{token}"] = {
            "centre": centre.pk,
            "kind": kind,
            "path": path,
            "name": name,
        }
    return _page(
        request, centre, kind, form=ImportForm(), result=result, token=token, filename=name
    )


def _confirm(request, centre_pk, kind):
    centre, can_edit = get_centre_for_user(request.user, centre_pk)
    _editable(can_edit)
    token = request.POST.get("token", "")
    pending = request.session.get(f"debt-import-{token}")
    if not pending or pending["centre"] != centre.pk or pending["kind"] != kind:
        messages.error(request, _("ไม่พบไฟล์ที่รอนำเข้า กรุณาอัปโหลดใหม่"))
        return redirect(
            reverse(
                f"debts:{'import' if kind == 'debtors' else 'balance_import'}",
                kwargs={"centre_pk": centre.pk},
            )
        )
    with default_storage.open(pending["path"], "rb") as fh:
        data = fh.read()
    result = KINDS[kind]["run"](centre, data, pending["name"], False, request.user)
    default_storage.delete(pending["path"])
    del request.session[f"debt-import-{token}"]
    if not result.ok:
        return _page(
            request, centre, kind, form=ImportForm(), result=result, filename=pending["name"]
        )
    messages.success(request, result.summary())
    return redirect(KINDS[kind]["done_url"], centre_pk=centre.pk)


def import_debtors(request, centre_pk):
    return _upload(request, centre_pk, "debtors")


@require_POST
def import_debtors_confirm(request, centre_pk):
    return _confirm(request, centre_pk, "debtors")


def import_balances(request, centre_pk):
    return _upload(request, centre_pk, "balances")


@require_POST
def import_balances_confirm(request, centre_pk):
    return _confirm(request, centre_pk, "balances")


def _xlsx_download(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def debtor_template(request):
    return _xlsx_download(
        imports.template_xlsx(imports.DEBTOR_COLUMNS), "debtor-register-template.xlsx"
    )


def balance_template(request, centre_pk):
    # The template lists full citizen IDs (the import matches on them): editors only.
    centre, can_edit = get_centre_for_user(request.user, centre_pk)
    _editable(can_edit)
    rows = imports.balance_template_rows(centre)
    return _xlsx_download(
        imports.template_xlsx(imports.BALANCE_COLUMNS, rows), f"balances-{centre.pk}.xlsx"
    )
