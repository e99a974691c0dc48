from django.apps import AppConfig


class ChannelsConfig(AppConfig):
    """Channels (issue #15): where reports arrive besides the web form (WhatsApp, e-mail) and
    the capture of social-media posts given as evidence.

    A feature app above follow-up; every report it takes in goes through the reports intake
    service, with the same validation and protections as the web form.
    """

    name = "netral.channels"
    label = "channels"
    verbose_name = "Kanal"

    def ready(self) -> None:
        from netral.channels import checks  # noqa: F401 - registers the settings checks
