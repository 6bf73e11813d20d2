from django.apps import AppConfig
from django.db.models.signals import post_migrate


class DiaryConfig(AppConfig):
    name = "footlog.diary"
    label = "diary"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from footlog.diary.builtin import ensure_builtin_steps

        post_migrate.connect(ensure_builtin_steps, sender=self, dispatch_uid="diary-builtin-steps")
