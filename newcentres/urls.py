from django.urls import path

from newcentres import views

app_name = "newcentres"
urlpatterns = [
    path("", views.round_list, name="rounds"),
    path("nominations/", views.nomination_list, name="nominations"),
    path("new/", views.round_create, name="round_create"),
    path("<int:pk>/", views.round_detail, name="round"),
    path("<int:pk>/edit/", views.round_edit, name="round_edit"),
    path("<int:pk>/quotas/", views.quota_edit, name="quotas"),
    path("<int:pk>/provinces/<str:code>/", views.province_detail, name="province"),
    path(
        "<int:pk>/villages/<int:village_pk>/screen/",
        views.screening_create,
        name="screening_create",
    ),
    path("screenings/<int:pk>/", views.screening_detail, name="screening"),
    path("screenings/<int:pk>/edit/", views.screening_edit, name="screening_edit"),
    path("screenings/<int:pk>/nominate/", views.nominate, name="nominate"),
    path("nominations/<int:pk>/select/", views.select, name="select"),
    path("nominations/<int:pk>/return/", views.return_nomination, name="return"),
    path("nominations/<int:pk>/establish/", views.establish, name="establish"),
    path("register/", views.register, name="register"),
    path("register.xlsx", views.register_xlsx, name="register_xlsx"),
    path("national/", views.national, name="national"),
    path("national.xlsx", views.national_xlsx, name="national_xlsx"),
]
