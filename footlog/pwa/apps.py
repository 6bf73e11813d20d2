from django.apps import AppConfig


class PwaConfig(AppConfig):
    name = "footlog.pwa"
    label = "pwa"
    default_auto_field = "django.db.models.BigAutoField"
