from django.urls import path

from cdfmc.accounts import views

app_name = "accounts"
urlpatterns = [
    path("password/", views.PasswordChange.as_view(), name="password_change"),
    path("lockouts/", views.lockout_list, name="lockouts"),
    path("lockouts/<str:username>/unlock/", views.lockout_unlock, name="unlock"),
]
