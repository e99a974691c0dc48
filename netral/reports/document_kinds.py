"""The official document intake issues (``netral.documents.kinds``)."""

from django.utils.translation import gettext_lazy as _

from netral.documents.kinds import register_kind

RECEIPT = register_kind("receipt", _("Tanda terima laporan"), subject_type="report")
