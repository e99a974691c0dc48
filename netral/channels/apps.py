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
        from netral.channels.capture import on_report_submitted
        from netral.channels.capture_views import capture_section
        from netral.reports import hooks as report_hooks

        # Links given as evidence are captured after intake; their record on the staff page.
        report_hooks.report_submitted.register(on_report_submitted)
        report_hooks.report_sections.register(capture_section)
