from django.apps import AppConfig


class RulesConfig(AppConfig):
    name = "netral.rules"
    label = "rules"
    verbose_name = "Aturan"
