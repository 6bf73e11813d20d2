from django.apps import AppConfig


class PwaConfig(AppConfig):
    name = "footlog.pwa"
    label = "pwa"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # footlog itself is not an installed app: its system checks are registered here.
        from footlog import checks  # noqa: F401
