from django.apps import AppConfig


class DiaryConfig(AppConfig):
    name = "footlog.diary"
    label = "diary"
    default_auto_field = "django.db.models.BigAutoField"
