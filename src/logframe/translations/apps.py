from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    name = "logframe.translations"
    verbose_name = "Content translations"
    default_auto_field = "django.db.models.BigAutoField"
