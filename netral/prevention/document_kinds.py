"""The official document prevention issues (``netral.documents.kinds``)."""

from django.utils.translation import gettext_lazy as _

from netral.documents.kinds import register_kind

# Anyone may pledge: certificates are numbered in a series of their own (IKR), never from
# the office's letters.
PLEDGE_CERTIFICATE = register_kind(
    "pledge", _("Sertifikat ikrar netralitas ASN"), subject_type="pledge", series="IKR"
)

# Appeals (imbauan) are the office's own letters: numbered in its series.
APPEAL_LETTER = register_kind("appeal", _("Surat imbauan"), subject_type="appeal")
