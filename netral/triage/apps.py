from django.apps import AppConfig


class TriageConfig(AppConfig):
    """Triage: extraction, classification and duplicate suggestions for staff, and the person
    record (issue #12).

    A feature app above follow-up; it reads the layers below and nothing below imports it.
    Suggestions never change a report by themselves: accepting one is a staff action.
    """

    name = "netral.triage"
    label = "triage"
    verbose_name = "Triase"
