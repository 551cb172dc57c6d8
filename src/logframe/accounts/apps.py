from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "logframe.accounts"
    verbose_name = "Accounts and roles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from logframe.accounts import permissions  # noqa: F401  (registers the rules)
