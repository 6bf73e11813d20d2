from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "footlog.ops"
    label = "ops"
    verbose_name = "operations"

    def ready(self) -> None:
        # ready(): the apps' models are loaded only now
        from footlog.ops import heartbeat

        heartbeat.connect()
