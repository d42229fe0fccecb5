"""URLs of the provincial register and its import, inside the `centres` namespace."""

from django.urls import path

from centres import register_views as views

urlpatterns = [
    path("register/", views.register_page, name="register"),
    path("register.xlsx", views.register_xlsx, name="register_xlsx"),
    path("register/import/", views.register_import_upload, name="register_import"),
    path(
        "register/import/confirm/",
        views.register_import_confirm,
        name="register_import_confirm",
    ),
]
