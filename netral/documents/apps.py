from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """Official documents: numbered PDFs with a QR code, kept encrypted with their SHA-256,
    and their public verification. A bounded context of its own, above the audit log (every
    issue is audited) and below the apps that issue documents."""

    name = "netral.documents"
    label = "documents"
    verbose_name = "Dokumen resmi"
