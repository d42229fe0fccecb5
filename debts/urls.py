from django.urls import path

from debts import entry_views, import_views, views

app_name = "debts"
urlpatterns = [
    path("households/", views.household_list, name="households"),
    path("households/<int:pk>/", views.household_detail, name="household"),
    path("households/<int:pk>/edit/", views.household_edit, name="household_edit"),
    path("households/<int:pk>/target/remove/", views.target_remove, name="target_remove"),
    path("households/<int:pk>/history/", views.household_history, name="household_history"),
    path("households/<int:household_pk>/people/new/", views.person_add, name="person_add"),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path(
        "households/<int:household_pk>/accounts/new/",
        views.income_expense_add,
        name="income_expense_add",
    ),
    path(
        "households/<int:household_pk>/contracts/new/",
        views.contract_create,
        name="contract_create",
    ),
    path(
        "households/<int:household_pk>/consolidate/",
        views.restructure_consolidate,
        name="consolidate",
    ),
    path("households/<int:household_pk>/restructure/", views.restructure_amend, name="amend"),
    path("contracts/", views.contract_list, name="contracts"),
    path("contracts/<int:pk>/", views.contract_detail, name="contract"),
    path("contracts/<int:pk>/edit/", views.contract_edit, name="contract_edit"),
    path("contracts/<int:contract_pk>/balance/", views.balance_add, name="balance_add"),
    path(
        "centres/<int:centre_pk>/households/new/",
        entry_views.household_create,
        name="household_create",
    ),
    path(
        "centres/<int:centre_pk>/households/new/member-row/",
        entry_views.household_member_row,
        name="household_member_row",
    ),
    path(
        "centres/<int:centre_pk>/households/new/contract-row/",
        entry_views.household_contract_row,
        name="household_contract_row",
    ),
    path("centres/<int:centre_pk>/creditors/", views.creditor_list, name="creditors"),
    path("centres/<int:centre_pk>/targets/", views.targets, name="targets"),
    path("centres/<int:centre_pk>/targets/confirm/", views.targets_confirm, name="targets_confirm"),
    path("centres/<int:centre_pk>/import/", import_views.import_debtors, name="import"),
    path(
        "centres/<int:centre_pk>/import/confirm/",
        import_views.import_debtors_confirm,
        name="import_confirm",
    ),
    path(
        "centres/<int:centre_pk>/balances/import/",
        import_views.import_balances,
        name="balance_import",
    ),
    path(
        "centres/<int:centre_pk>/balances/import/confirm/",
        import_views.import_balances_confirm,
        name="balance_import_confirm",
    ),
    path(
        "centres/<int:centre_pk>/balances/template.xlsx",
        import_views.balance_template,
        name="balance_template",
    ),
    path("import/template.xlsx", import_views.debtor_template, name="import_template"),
    path("results/", views.results, name="results"),
    path("results.xlsx", views.results_xlsx, name="results_xlsx"),
]
