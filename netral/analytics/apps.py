from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "netral.analytics"
    label = "analytics"
    verbose_name = "Statistik"

    def ready(self) -> None:
        # The early warnings (prevention, below) read each region's IKP class from here.
        from netral.analytics import handlers, rollups
        from netral.prevention import warnings_hooks

        warnings_hooks.ikp_classes.register(handlers.ikp_classes)
        # Every save and delete of a report or case adds to the statistics' rollups.
        rollups.connect_signals()
