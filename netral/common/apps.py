from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "netral.common"
    label = "common"
    verbose_name = "Netral common"

    def ready(self) -> None:
        from netral.common import checks  # noqa: F401 - registers the start-up checks
