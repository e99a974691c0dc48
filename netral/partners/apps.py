from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Partners (issue #16): state changes delivered to partner systems (BKN, Sentra
    Gakkumdu, KPU, regional governments) as signed webhooks and an event feed, and the case
    exchange format.

    A feature app above follow-up, beside channels (what comes in) and operations: it hears
    the layers below through their hooks and nothing below imports it.
    """

    name = "netral.partners"
    label = "partners"
    verbose_name = _("Mitra")

    def ready(self) -> None:
        from netral.partners import events, lapor_events

        events.register()  # events from intake, case handling and follow-up
        lapor_events.register()  # a report handed to SP4N-LAPOR!
