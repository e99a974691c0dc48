from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The synthetic Pilkada 2024 demo: accounts, data set and the `make demo` commands. The
    top of the layers: it may use every app, and no app uses it."""

    name = "netral.demo"
    label = "demo"
    verbose_name = "Netral demo"
