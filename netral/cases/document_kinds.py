"""The official documents a case issues (``netral.documents.kinds``)."""

from django.utils.translation import gettext_lazy as _

from netral.documents.kinds import register_kind

REGISTRATION_NOTICE = register_kind(
    "registration_notice", _("Pemberitahuan registrasi"), subject_type="case"
)
NON_REGISTRATION_NOTICE = register_kind(
    "non_registration_notice", _("Pemberitahuan tidak diregistrasi"), subject_type="case"
)
CLARIFICATION_INVITATION = register_kind(
    "clarification_invitation", _("Undangan klarifikasi"), subject_type="clarification"
)
CLARIFICATION_MINUTES = register_kind(
    "clarification_minutes", _("Berita acara klarifikasi"), subject_type="clarification"
)
STATUS_ANNOUNCEMENT = register_kind(
    "status_announcement", _("Pengumuman status"), subject_type="case"
)
