from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from cdfmc import views
from cdfmc.accounts.forms import LoginForm

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include("cdfmc.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("villages/", include("cdfmc.geo.urls")),
    path("centres/", include("centres.urls")),
    path("debts/", include("debts.urls")),
    path("scoring/", include("scoring.urls")),
    path("new-centres/", include("newcentres.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "cdfmc.views.permission_denied"
