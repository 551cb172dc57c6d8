from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "logframe.web"
    verbose_name = _("Web")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from logframe.web.language import remember_at_login

        user_logged_in.connect(remember_at_login, dispatch_uid="logframe-language-at-login")
