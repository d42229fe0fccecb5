app_name = "debts"
urlpatterns = []
