from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "netral.audit"
    label = "audit"
    verbose_name = "Jejak audit"
