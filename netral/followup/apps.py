from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "netral.followup"
    label = "followup"
    verbose_name = "Tindak lanjut"
