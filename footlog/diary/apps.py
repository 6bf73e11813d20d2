from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


class DiaryConfig(AppConfig):
    name = "footlog.diary"
    label = "diary"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # ready(): the apps' models are loaded only now
        from footlog.diary.builtin import ensure_builtin_steps
        from footlog.diary.outliers import register_sqlite_median

        # The outlier rule's median is one aggregate query; SQLite learns the aggregate on each new connection.
        connection_created.connect(register_sqlite_median, dispatch_uid="diary-sqlite-median")

        post_migrate.connect(ensure_builtin_steps, sender=self, dispatch_uid="diary-builtin-steps")
