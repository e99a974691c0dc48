"""The official document follow-up issues (``netral.documents.kinds``)."""

from django.utils.translation import gettext_lazy as _

from netral.documents.kinds import register_kind

RECOMMENDATION = register_kind(
    "recommendation", _("Surat rekomendasi"), subject_type="recommendation"
)
