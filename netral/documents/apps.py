from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class DocumentsConfig(AppConfig):
    """Official documents: numbered PDFs with a QR code, kept encrypted with their SHA-256,
    and their public verification. A bounded context of its own, above the audit log (every
    issue is audited) and below the apps that issue documents, which declare their kinds in
    a ``document_kinds`` module (``netral.documents.kinds``)."""

    name = "netral.documents"
    label = "documents"
    verbose_name = "Dokumen resmi"

    def ready(self) -> None:
        autodiscover_modules("document_kinds")
