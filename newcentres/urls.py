app_name = "newcentres"
urlpatterns = []
