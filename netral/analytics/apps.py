from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "netral.analytics"
    label = "analytics"
    verbose_name = "Statistik"
