from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "logframe.pagecache"
    verbose_name = "Page versions"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from logframe.pagecache.versions import install_triggers

        post_migrate.connect(install_triggers, sender=self, dispatch_uid="logframe-page-versions")
