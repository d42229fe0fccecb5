from centres import register_urls

app_name = "centres"
urlpatterns = [] + register_urls.urlpatterns
