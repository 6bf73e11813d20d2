from django.apps import AppConfig


class PwaConfig(AppConfig):
    name = "footlog.pwa"
    label = "pwa"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core.signals import setting_changed

        # footlog itself is not an installed app: its system checks are registered here.
        from footlog import checks  # noqa: F401
        from footlog.lib.dates import forget_formatted

        # Dates are formatted once per language (footlog.lib.dates): forget them when a test adds a language.
        setting_changed.connect(forget_formatted, dispatch_uid="footlog-dates-formatted")
