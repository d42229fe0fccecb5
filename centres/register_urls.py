"""URLs of the provincial register and its import, inside the `centres` namespace."""

urlpatterns = []
