from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "logframe.web"
    verbose_name = "Web"
