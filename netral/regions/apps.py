from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "netral.regions"
    label = "regions"
    verbose_name = "Wilayah"

    def ready(self) -> None:
        # A save or delete of a reference row clears the per-process reference cache.
        from netral.regions import lookups  # noqa: F401
