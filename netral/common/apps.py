from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "netral.common"
    label = "common"
    verbose_name = "Netral common"
