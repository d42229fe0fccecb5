from django.apps import AppConfig


class CdfmcConfig(AppConfig):
    name = "cdfmc"
    verbose_name = "cdfmc"
