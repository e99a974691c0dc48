"""The case page's history: audit entries with Indonesian labels instead of action codes.

The audit trail stores stable codes (``case.register``); people read the labels here. A code
not listed (a newer action) is shown as it is rather than hidden.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from netral.audit.models import AuditEntry
from netral.audit.selectors import audit_entries_for
from netral.cases.models import Case, Verdict

ACTION_LABELS: dict[str, Promise] = {
    "case.open": _("Kasus dibuka"),
    "case.request_completion": _("Kelengkapan diminta"),
    "case.register": _("Diregistrasi"),
    "case.not_register": _("Tidak diregistrasi"),
    "case.start_clarification": _("Klarifikasi dimulai"),
    "case.start_study": _("Kajian dimulai"),
    "case.record_study": _("Kajian disimpan"),
    "case.decide": _("Diputus pleno"),
    "case.announce": _("Status diumumkan"),
    "case.close": _("Kasus ditutup"),
    "case.extend": _("Tenggat diperpanjang"),
    "case.merge": _("Digabung ke kasus lain"),
    "case.handover": _("Dilimpahkan ke kantor lain"),
    "case.to_finding": _("Informasi awal dijadikan temuan"),
    "case.clarification_invite": _("Undangan klarifikasi dibuat"),
    "case.clarification_minutes": _("Berita acara klarifikasi dicatat"),
    "case.clarification_attachment_open": _("Lampiran klarifikasi dibuka"),
    "case.redaction": _("Teks disamarkan (redaksi)"),
    "case.file_request": _("Berkas perkara diminta"),
    "case.file_built": _("Berkas perkara disusun"),
    "case.file_failed": _("Berkas perkara gagal disusun"),
    "case.file_download": _("Berkas perkara diunduh"),
}


def action_label(code: str) -> str:
    label = ACTION_LABELS.get(code)
    return str(label) if label is not None else code


def verdict_labels(codes: list[str]) -> list[str]:
    """The plenary verdicts in words, in the order stored."""
    labels = dict(Verdict.choices)
    return [str(labels.get(code, code)) for code in codes]


@dataclass(frozen=True)
class TimelineRow:
    entry: AuditEntry
    label: str


def case_timeline(*, case: Case) -> list[TimelineRow]:
    """The case's audit entries, oldest first, each with its label."""
    return [
        TimelineRow(entry=entry, label=action_label(entry.action))
        for entry in audit_entries_for(object_type="cases.case", object_id=case.pk)
    ]
