from django.urls import path

from cdfmc.geo import views

app_name = "villages"
urlpatterns = [
    path("", views.village_list, name="list"),
    path("new/", views.village_create, name="create"),
    path("<int:pk>/", views.village_detail, name="detail"),
    path("<int:pk>/edit/", views.village_edit, name="edit"),
]
