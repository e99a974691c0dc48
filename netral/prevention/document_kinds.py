"""The official document prevention issues (``netral.documents.kinds``)."""

from django.utils.translation import gettext_lazy as _

from netral.documents.kinds import register_kind

PLEDGE_CERTIFICATE = register_kind(
    "pledge", _("Sertifikat ikrar netralitas ASN"), subject_type="pledge"
)
