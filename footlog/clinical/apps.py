from django.apps import AppConfig


class ClinicalConfig(AppConfig):
    """What the user tells the dermatologist beyond the daily log: when bumps were first noticed, and visits."""

    name = "footlog.clinical"
    label = "clinical"
    default_auto_field = "django.db.models.BigAutoField"
