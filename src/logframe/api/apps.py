from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "logframe.api"
    label = "logframe_api"
    verbose_name = "REST API"
