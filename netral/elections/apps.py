from django.apps import AppConfig


class ElectionsConfig(AppConfig):
    name = "netral.elections"
    label = "elections"
    verbose_name = "Pemilihan"

    def ready(self) -> None:
        # A save or delete of a reference row clears the per-process reference cache.
        from netral.elections import lookups  # noqa: F401
